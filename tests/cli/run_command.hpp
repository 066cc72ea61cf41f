#pragma once
// Runs the real newssearch binary for end-to-end tests and captures what it printed.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace newssearch::test {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs NEWSSEARCH_BINARY with `args` (no shell involved in their meaning: each is quoted) and
/// extra environment variables; stdin is empty.
CommandResult run_newssearch(const std::vector<std::string>& args,
                             const std::map<std::string, std::string>& environment = {});

} // namespace newssearch::test

namespace newssearch::test {

/// The real binary running in the background (stdout and stderr to files), for tests that act
/// while it runs: concurrent searches, a second writer, kill -9.
class BackgroundCommand {
  public:
    /// `max_file_bytes` > 0 caps every file it writes at that size: writing past it fails with
    /// EFBIG (SIGXFSZ ignored), the way a full disk fails a write.
    explicit BackgroundCommand(const std::vector<std::string>& args, std::uintmax_t max_file_bytes = 0);
    /// Kills it (SIGKILL) if it still runs.
    ~BackgroundCommand();
    BackgroundCommand(const BackgroundCommand&) = delete;
    BackgroundCommand& operator=(const BackgroundCommand&) = delete;

    [[nodiscard]] int pid() const { return pid_; }
    /// True while it has not exited.
    [[nodiscard]] bool running();
    /// SIGKILL, then reaps it.
    void kill_hard();
    /// Waits for it to exit; its exit code (128 + signal when killed).
    int wait();
    /// What it printed on stderr so far.
    [[nodiscard]] std::string err() const;

  private:
    int pid_ = -1;
    int status_ = -1;
    std::string err_path_;
};

} // namespace newssearch::test
