#pragma once
// Runs the real `newssearch serve` on a free loopback port for end-to-end tests, and always
// stops it: the destructor sends SIGTERM, then SIGKILL if it has not ended within five seconds.

#include <filesystem>
#include <string>
#include <vector>

namespace newssearch::test {

/// A loopback port nothing listens on right now.
[[nodiscard]] int free_port();

class ServerProcess {
  public:
    /// Starts NEWSSEARCH_BINARY serve --db `db` --port (free) `extra_args`, logging to `log_file`,
    /// and waits (at most 15 s) until /healthz answers. Throws std::runtime_error otherwise.
    ServerProcess(const std::string& db, const std::filesystem::path& log_file,
                  const std::vector<std::string>& extra_args = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    [[nodiscard]] int port() const { return port_; }
    /// The server's process id (to pause it with SIGSTOP, say).
    [[nodiscard]] int pid() const { return pid_; }
    /// What the server wrote on stderr so far (its access log).
    [[nodiscard]] std::string log() const;
    /// Stops the server; returns its exit status (as from waitpid), -1 when it had to be killed.
    int stop();

  private:
    int pid_ = -1;
    int port_ = 0;
    std::filesystem::path log_file_;
};

} // namespace newssearch::test
