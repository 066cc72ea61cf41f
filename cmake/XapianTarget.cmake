# Xapian's CMake config sets XAPIAN_INCLUDE_DIR and XAPIAN_LIBRARIES but defines no target:
# wrap them as Xapian::Xapian so the rest of the build links a target like any other.
find_package(Xapian 1.4 REQUIRED)
if(NOT TARGET Xapian::Xapian)
    add_library(Xapian::Xapian INTERFACE IMPORTED)
    set_target_properties(Xapian::Xapian PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()
