# newssearch_warnings: an interface target carrying the project's warning flags.
add_library(newssearch_warnings INTERFACE)
target_compile_options(newssearch_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wunused -Woverloaded-virtual -Wimplicit-fallthrough)
if(NEWSSEARCH_WARNINGS_AS_ERRORS)
    target_compile_options(newssearch_warnings INTERFACE -Werror)
endif()
