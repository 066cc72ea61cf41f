// run_serve for newssearch: hands the command line to newssearch-serve (serve_program.hpp).

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

int run_serve(const ServeCommandOptions&) {
    // The options were checked here already; newssearch-serve reads the same command line (and
    // --config file and environment) again, so both agree on every setting.
    const std::filesystem::path program = serve_program();
    std::vector<char*> arguments = command_line;
    arguments.push_back(nullptr);
    ::execv(program.c_str(), arguments.data());
    const int failure = errno;
    std::cerr << "newssearch: cannot start the service program " << program.string() << ": "
              << std::strerror(failure) << " (it is installed with newssearch; reinstall the package)\n";
    return exit_error;
}

} // namespace newssearch::app
