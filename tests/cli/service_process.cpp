#include "service_process.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace newssearch::test {
namespace {

sockaddr_in loopback(unsigned port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

bool accepts_connections(unsigned port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    const sockaddr_in address = loopback(port);
    const bool connected = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

/// A socket bound to a free loopback port (the kernel's choice); `port` gets the number.
int bound_socket(unsigned& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address = loopback(0);
    REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port = ntohs(address.sin_port);
    return fd;
}

} // namespace

unsigned free_loopback_port() {
    unsigned port = 0;
    ::close(bound_socket(port));
    return port;
}

ServiceProcess::ServiceProcess(const std::vector<std::string>& argv, unsigned port) {
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        // Its own process group: xapian-tcpsrv passes SIGTERM on to its whole group.
        ::setpgid(0, 0);
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, STDIN_FILENO);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!accepts_connections(port)) {
        int status = 0;
        const bool exited = ::waitpid(pid_, &status, WNOHANG) != 0;
        if (exited || std::chrono::steady_clock::now() > deadline) {
            if (!exited) {
                ::kill(-pid_, SIGTERM);
                ::waitpid(pid_, &status, 0);
            }
            pid_ = -1;
            FAIL(argv[0] << " did not start listening on port " << port);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

ServiceProcess::~ServiceProcess() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGTERM); // the server and the children it forked for connections
    int status = 0;
    ::waitpid(pid_, &status, 0);
}

SilentListener::SilentListener() {
    fd_ = bound_socket(port_);
    REQUIRE(::listen(fd_, 16) == 0);
}

SilentListener::~SilentListener() { ::close(fd_); }

int run_shell(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace newssearch::test
