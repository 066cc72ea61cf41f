# NEWSSEARCH_SANITIZERS=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (CI runs the unit tests and the fuzz targets that way: scripts/test-sanitizers).
if(NEWSSEARCH_SANITIZERS)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# NEWSSEARCH_FUZZ=ON (clang only) instruments every library for libFuzzer's coverage feedback and
# builds the fuzz targets of tests/fuzz/.
if(NEWSSEARCH_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "NEWSSEARCH_FUZZ needs clang (configure with CXX=clang++)")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
