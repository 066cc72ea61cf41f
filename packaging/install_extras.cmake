# Run by "cmake --install" (and by cpack): the files whose contents depend on the install prefix,
# which is known only now (cmake --install --prefix, or /usr for the .deb).
#   the systemd unit (ExecStart, --config path), the [serve] settings file.
# Set beforehand (packaging/CMakeLists.txt): NEWSSEARCH_PACKAGING_DIR, NEWSSEARCH_GENERATED_DIR,
# NEWSSEARCH_BINDIR.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(confdir /etc) # as GNUInstallDirs does for /usr
else()
    set(confdir "${CMAKE_INSTALL_PREFIX}/etc")
endif()
set(NEWSSEARCH_PROGRAM "${CMAKE_INSTALL_PREFIX}/${NEWSSEARCH_BINDIR}/newssearch")
set(NEWSSEARCH_CONFIG "${confdir}/newssearch/serve.conf")
set(generated "${NEWSSEARCH_GENERATED_DIR}")
configure_file("${NEWSSEARCH_PACKAGING_DIR}/newssearch.service.in" "${generated}/newssearch.service" @ONLY)
file(INSTALL "${generated}/newssearch.service" DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/systemd/system")
# An administrator's settings are kept on reinstall.
if(NOT EXISTS "$ENV{DESTDIR}${NEWSSEARCH_CONFIG}")
    file(INSTALL "${NEWSSEARCH_PACKAGING_DIR}/serve.conf" DESTINATION "${confdir}/newssearch")
endif()
