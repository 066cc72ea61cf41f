# cpp-httplib (Debian libcpp-httplib-dev) ships a compiled library and a pkg-config file whose
# flags (OpenSSL, zlib, Brotli support) must match what it was built with: use them as a target.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib>=0.11)
if(NOT TARGET httplib::httplib)
    add_library(httplib::httplib ALIAS PkgConfig::HTTPLIB)
endif()
