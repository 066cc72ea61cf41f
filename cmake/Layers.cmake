# The layering of the libraries, enforced by the compiler. Headers are included by their path
# from the source root ("searcher/query_builder.hpp"), but no target gets the source root itself
# as an include path: each library gets an include root of its own in the build tree that holds
# only a link to its folder, and passes it on (PUBLIC) to what links the library. So a file
# sees the headers of its own library and of the libraries it links, and an include that runs up
# the layers (the indexer including a searcher header) fails to compile.
#
#   newssearch_library_folder(TARGET FOLDER [FOLDER...])
function(newssearch_library_folder target)
    foreach(folder IN LISTS ARGN)
        string(REPLACE "/" "_" root_name "${folder}")
        set(root ${PROJECT_BINARY_DIR}/include-roots/${root_name})
        get_filename_component(parent ${root}/${folder} DIRECTORY)
        file(MAKE_DIRECTORY ${parent})
        file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
        target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${root}>)
    endforeach()
endfunction()

# The same for a library's internal headers: its own sources see them, what links it does not.
#   newssearch_private_folder(TARGET FOLDER)
function(newssearch_private_folder target folder)
    string(REPLACE "/" "_" root_name "${folder}")
    set(root ${PROJECT_BINARY_DIR}/include-roots/${root_name})
    get_filename_component(parent ${root}/${folder} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
    target_include_directories(${target} PRIVATE ${root})
endfunction()
