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

#include <signal.h>
#include <sys/resource.h>

namespace newssearch::test {

BackgroundCommand::BackgroundCommand(const std::vector<std::string>& args, std::uintmax_t max_file_bytes) {
    static std::atomic<int> counter{0};
    err_path_ = (std::filesystem::temp_directory_path() /
                 ("newssearch-bg-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".err"))
                    .string();
    std::vector<std::string> argv_strings{NEWSSEARCH_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_strings) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
        // Child: stdin and stdout from/to /dev/null, stderr to a file.
        std::freopen("/dev/null", "r", stdin);
        std::freopen("/dev/null", "w", stdout);
        std::freopen(err_path_.c_str(), "w", stderr);
        if (max_file_bytes > 0) {
            const rlimit limit{static_cast<rlim_t>(max_file_bytes), static_cast<rlim_t>(max_file_bytes)};
            ::signal(SIGXFSZ, SIG_IGN);
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
}

BackgroundCommand::~BackgroundCommand() {
    if (running()) kill_hard();
    std::error_code ignored;
    std::filesystem::remove(err_path_, ignored);
}

bool BackgroundCommand::running() {
    if (pid_ <= 0 || status_ != -1) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == 0) return true;
    status_ = status;
    return false;
}

void BackgroundCommand::kill_hard() {
    if (!running()) return;
    ::kill(pid_, SIGKILL);
    wait();
}

int BackgroundCommand::wait() {
    if (status_ == -1 && pid_ > 0) ::waitpid(pid_, &status_, 0);
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
}

std::string BackgroundCommand::err() const { return slurp(err_path_); }

} // namespace newssearch::test
