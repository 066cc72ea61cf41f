# Run with cmake -P (see CMakeLists.txt): install, build the example against the install, run it.
file(REMOVE_RECURSE "${WORK_DIR}")

# Runs a command; fails the test with its output unless it succeeds. Its stdout goes to `output`.
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
    endif()
    set(output "${out}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
    if(NOT text MATCHES "${pattern}")
        message(FATAL_ERROR "expected /${pattern}/ in:\n${text}")
    endif()
endfunction()

set(prefix "${WORK_DIR}/prefix")
run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
file(GLOB config "${prefix}/lib*/cmake/newssearch/newssearchConfig.cmake")
if(NOT config OR NOT EXISTS "${prefix}/include/newssearch/newssearch.hpp")
    message(FATAL_ERROR "the install lacks the package config or the public headers")
endif()
# Only the public headers are installed: they need no Xapian, ICU or CLI11.
file(GLOB_RECURSE headers "${prefix}/include/*")
foreach(header IN LISTS headers)
    file(READ "${header}" content)
    if(content MATCHES "#include <(xapian|unicode|CLI|nlohmann)")
        message(FATAL_ERROR "${header} includes an internal dependency")
    endif()
endforeach()
run("${prefix}/bin/newssearch" --version)

run(${CMAKE_COMMAND} -S "${EXAMPLE_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DCMAKE_CXX_FLAGS=${EXAMPLE_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXAMPLE_FLAGS}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")

run("${WORK_DIR}/build/embed_example" "${WORK_DIR}/db" "new idea" "${CORPUS_DIR}/raw")
expect("${output}" "^indexed 4 articles\n")
expect("${output}" "1\\. Diplomatic Dialogue: Rubio and Lavrov Discuss New Ideas for Ukraine")
expect("${output}" "\\[new idea\\]")
# The index is reused: searching it again needs no files.
run("${WORK_DIR}/build/embed_example" "${WORK_DIR}/db" "Kuala Lumpur")
expect("${output}" "\\[Kuala Lumpur\\]")
message(STATUS "${output}")

# README's "Library API" shows this very program.
file(READ "${EXAMPLE_DIR}/main.cpp" example)
string(FIND "${example}" "#include <newssearch/newssearch.hpp>" start)
string(SUBSTRING "${example}" ${start} -1 example)
file(READ "${EXAMPLE_DIR}/../../README.md" readme)
string(FIND "${readme}" "${example}" found)
if(found EQUAL -1)
    message(FATAL_ERROR "README.md's Library API section differs from examples/embed/main.cpp")
endif()
