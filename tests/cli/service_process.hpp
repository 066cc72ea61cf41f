#pragma once
// Servers that end-to-end tests start on loopback (xapian-tcpsrv, xapian-replicate-server), always
// stopped when the test ends, and free ports for them.

#include <sys/types.h>

#include <string>
#include <vector>

namespace newssearch::test {

/// A loopback TCP port nothing listens on right now.
[[nodiscard]] unsigned free_loopback_port();

/// A program running in the background until this object is destroyed (then SIGTERM, waited for).
class ServiceProcess {
  public:
    /// Starts argv[0] (looked up in PATH) with its output discarded, and waits (up to 10 s) until
    /// it accepts connections on `port`; REQUIREs that it does.
    ServiceProcess(const std::vector<std::string>& argv, unsigned port);
    ~ServiceProcess();
    ServiceProcess(const ServiceProcess&) = delete;
    ServiceProcess& operator=(const ServiceProcess&) = delete;

  private:
    pid_t pid_ = -1;
};

/// A loopback socket that listens but never accepts nor answers: a hung server.
class SilentListener {
  public:
    SilentListener();
    ~SilentListener();
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    [[nodiscard]] unsigned port() const { return port_; }

  private:
    int fd_ = -1;
    unsigned port_ = 0;
};

/// Runs a command line through the shell; returns its exit status.
int run_shell(const std::string& command);

} // namespace newssearch::test
