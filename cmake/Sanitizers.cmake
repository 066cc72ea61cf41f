# NEWSSEARCH_SANITIZERS=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (CI runs the unit tests that way: scripts/test-sanitizers).
if(NEWSSEARCH_SANITIZERS)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
