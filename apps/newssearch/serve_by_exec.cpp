// run_serve and run_in_long_run_program for newssearch: hand the command line to newssearch-serve
// (serve_program.hpp).

#include "commands.hpp"
#include "serve_program.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace newssearch::app {
namespace {

std::vector<char*> command_line;

/// Where newssearch-serve is: beside this program in a build tree, or at the installed
/// libexec path relative to the installed program (NEWSSEARCH_SERVE_FROM_BINDIR, set by CMake).
std::filesystem::path serve_program() {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return "newssearch-serve";
    const std::filesystem::path beside = self.parent_path() / "newssearch-serve";
    if (std::filesystem::exists(beside, error)) return beside;
    return (self.parent_path() / NEWSSEARCH_SERVE_FROM_BINDIR).lexically_normal();
}

} // namespace

void remember_command_line(int argc, char** argv) { command_line.assign(argv, argv + argc); }

namespace {

/// Replaces this process with newssearch-serve given the same command line; returns errno when
/// that fails.
int exec_service_program(const std::filesystem::path& program) {
    std::vector<char*> arguments = command_line;
    arguments.push_back(nullptr);
    ::execv(program.c_str(), arguments.data());
    return errno;
}

} // namespace

int run_serve(const ServeCommandOptions&) {
    // The options were checked here already; newssearch-serve reads the same command line (and
    // --config file and environment) again, so both agree on every setting.
    const std::filesystem::path program = serve_program();
    const int failure = exec_service_program(program);
    std::cerr << "newssearch: cannot start the service program " << program.string() << ": "
              << std::strerror(failure) << " (it is installed with newssearch; reinstall the package)\n";
    return exit_error;
}

void run_in_long_run_program() {
    // Nothing has been done yet: if the exec fails, this process does the work, with the C
    // library's allocator.
    (void)exec_service_program(serve_program());
}

} // namespace newssearch::app
