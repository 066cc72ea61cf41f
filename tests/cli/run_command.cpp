#include "run_command.hpp"

#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace newssearch::test {
namespace {

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

} // namespace

CommandResult run_newssearch(const std::vector<std::string>& args,
                             const std::map<std::string, std::string>& environment) {
    static std::atomic<int> counter{0};
    const auto base = std::filesystem::temp_directory_path() /
                      ("newssearch-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::string command = "env";
    for (const auto& [name, value] : environment) command += " " + name + "=" + shell_quote(value);
    command += " " + shell_quote(NEWSSEARCH_BINARY);
    for (const std::string& arg : args) command += " " + shell_quote(arg);
    command += " </dev/null >" + shell_quote(base.string() + ".out") + " 2>" + shell_quote(base.string() + ".err");

    CommandResult result;
    const int status = std::system(command.c_str());
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = slurp(base.string() + ".out");
    result.err = slurp(base.string() + ".err");
    std::filesystem::remove(base.string() + ".out");
    std::filesystem::remove(base.string() + ".err");
    return result;
}

} // namespace newssearch::test
