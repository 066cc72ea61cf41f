// End-to-end: clients that send slowly, say nothing, or send oversized headers do not make
// `newssearch serve` unavailable to the others (issue 25: 50 connections sending a header byte a
// second left /healthz unanswered, and 64 KB of headers was a 400 where the docs promise 413).

#include "../cli/cli_fixture.hpp"
#include "server_process.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace newssearch::test;
using Clock = std::chrono::steady_clock;

namespace {

/// A loopback TCP connection to `port`, closed when it goes.
class Connection {
  public:
    explicit Connection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ =
            fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~Connection() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    [[nodiscard]] bool connected() const { return connected_; }
    bool send(const std::string& bytes) const {
        return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
               static_cast<ssize_t>(bytes.size());
    }
    /// What arrives within `timeout`, up to the end of the status line; empty when the
    /// connection is closed without an answer or nothing comes.
    [[nodiscard]] std::string status_line(std::chrono::milliseconds timeout) const {
        std::string received;
        const auto until = Clock::now() + timeout;
        while (received.find("\r\n") == std::string::npos) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
            pollfd fd{fd_, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&fd, 1, static_cast<int>(left.count())) <= 0)
                return {};
            char buffer[4096];
            const ssize_t count = ::recv(fd_, buffer, sizeof buffer, 0);
            if (count <= 0)
                return {};
            received.append(buffer, static_cast<std::size_t>(count));
        }
        return received.substr(0, received.find("\r\n"));
    }

  private:
    int fd_;
    bool connected_ = false;
};

/// The status line answering a GET /healthz with `header_bytes` bytes in one header, sent while
/// the answer is awaited (the server may answer before it has read them all).
std::string status_for_header_of(int port, std::size_t header_bytes) {
    Connection connection(port);
    REQUIRE(connection.connected());
    const std::string request =
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(header_bytes, 'a') + "\r\n\r\n";
    std::thread sender([&] { (void)connection.send(request); });
    std::string status = connection.status_line(std::chrono::seconds(10));
    sender.join();
    return status;
}

/// The status line answering a GET whose request line (the path) is `path_bytes` long.
std::string status_for_request_line_of(int port, std::size_t path_bytes) {
    Connection connection(port);
    REQUIRE(connection.connected());
    const std::string request = "GET /api/search?q=" + std::string(path_bytes, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
    std::thread sender([&] { (void)connection.send(request); });
    std::string status = connection.status_line(std::chrono::seconds(10));
    sender.join();
    return status;
}

} // namespace

TEST_CASE("serve answers an oversized request line of any length with 413") {
    TempDir dir;
    ServerProcess server(dir / "db", dir.path() / "serve.log");
    // Past cpp-httplib's own 8 KB limit, and past the 32 KB all headers may take: both are
    // answered, not dropped.
    CHECK_THAT(status_for_request_line_of(server.port(), 20 * 1024), Catch::StartsWith("HTTP/1.1 413"));
    CHECK_THAT(status_for_request_line_of(server.port(), 40 * 1024), Catch::StartsWith("HTTP/1.1 413"));
    CHECK_THAT(status_for_request_line_of(server.port(), 1024 * 1024), Catch::StartsWith("HTTP/1.1 413"));
    CHECK_THAT(status_for_header_of(server.port(), 100), Catch::StartsWith("HTTP/1.1 200"));
}

TEST_CASE("serve answers oversized headers with 413 and stays up") {
    TempDir dir;
    ServerProcess server(dir / "db", dir.path() / "serve.log");
    CHECK_THAT(status_for_header_of(server.port(), 64 * 1024), Catch::StartsWith("HTTP/1.1 413"));
    CHECK_THAT(status_for_header_of(server.port(), 1024 * 1024), Catch::StartsWith("HTTP/1.1 413"));
    // Many small headers adding up to too much are too large too.
    Connection many(server.port());
    REQUIRE(many.connected());
    std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 1000; ++i)
        request += "X-Header-" + std::to_string(i) + ": " + std::string(60, 'b') + "\r\n";
    std::thread sender([&] { (void)many.send(request + "\r\n"); });
    CHECK_THAT(many.status_line(std::chrono::seconds(10)), Catch::StartsWith("HTTP/1.1 413"));
    sender.join();
    // A header of an ordinary size is fine.
    CHECK_THAT(status_for_header_of(server.port(), 4000), Catch::StartsWith("HTTP/1.1 200"));
}

TEST_CASE("serve keeps answering while many clients send their headers a byte at a time") {
    TempDir dir;
    ServerProcess server(dir / "db", dir.path() / "serve.log", {"--threads", "2"});
    const int port = server.port();

    // 600 slow clients and 20 silent ones: more than the 256 worker threads, which they held
    // until their deadline when every connection had a thread of its own.
    std::vector<std::unique_ptr<Connection>> slow;
    for (int i = 0; i < 600; ++i) {
        slow.push_back(std::make_unique<Connection>(port));
        REQUIRE(slow.back()->connected());
        REQUIRE(slow.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "));
    }
    std::vector<std::unique_ptr<Connection>> silent;
    for (int i = 0; i < 20; ++i)
        silent.push_back(std::make_unique<Connection>(port));
    std::atomic<bool> stop{false};
    std::thread dribbler([&] {
        while (!stop) {
            for (const auto& connection : slow)
                (void)connection->send("a");
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
    });

    const auto started = Clock::now();
    std::vector<double> latencies;
    while (Clock::now() - started < std::chrono::seconds(3)) {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(5, 0);
        const auto before = Clock::now();
        const auto result = client.Get("/healthz");
        REQUIRE(result);
        CHECK(result->status == 200);
        latencies.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - before).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::sort(latencies.begin(), latencies.end());
    INFO("/healthz: median " << latencies[latencies.size() / 2] << " ms, slowest "
                             << latencies.back() << " ms");
    // Before, no probe was answered within 10 s. The bounds are loose for a busy test machine;
    // docs/BENCHMARKS.md has the measured figures.
    CHECK(latencies[latencies.size() / 2] < 250.0);
    CHECK(latencies.back() < 3000.0);

    // A client still sending headers when the deadline (5 s) passes is answered 408 and let go.
    CHECK_THAT(slow.front()->status_line(std::chrono::seconds(5)),
               Catch::StartsWith("HTTP/1.1 408"));
    stop = true;
    dribbler.join();
}

TEST_CASE("serve completes the connections of many clients arriving at once") {
    TempDir dir;
    ServerProcess server(dir / "db", dir.path() / "serve.log", {"--threads", "2"});
    // With the server paused, only the kernel answers: it completes as many handshakes as the
    // listen queue holds. cpp-httplib's queue of 5 dropped the rest, which a client retries only
    // after 1, 3, 7 s (wrk with 200 connections saw requests time out at 5 s).
    REQUIRE(::kill(server.pid(), SIGSTOP) == 0);
    struct Resume {
        int pid;
        ~Resume() { ::kill(pid, SIGCONT); }
    } resume{server.pid()};

    constexpr int clients = 200;
    std::vector<int> sockets;
    for (int i = 0; i < clients; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        REQUIRE(fd >= 0);
        sockets.push_back(fd);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int result = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
        REQUIRE((result == 0 || errno == EINPROGRESS));
    }
    struct CloseAll {
        std::vector<int>& fds;
        ~CloseAll() {
            for (const int fd : fds)
                ::close(fd);
        }
    } close_all{sockets};

    // A handshake the kernel completes is writable at once; wait well under the 1 s retry.
    std::vector<pollfd> polls;
    for (const int fd : sockets)
        polls.push_back({fd, POLLOUT, 0});
    int connected = 0;
    const auto until = Clock::now() + std::chrono::milliseconds(600);
    while (connected < clients && Clock::now() < until) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        if (::poll(polls.data(), polls.size(), static_cast<int>(std::max<long long>(1, left.count()))) <= 0)
            continue;
        connected = 0;
        for (pollfd& p : polls) {
            if (p.revents & POLLOUT)
                p.events = 0; // done: poll no more for it
            if (p.events == 0)
                ++connected;
            p.revents = 0;
        }
    }
    CHECK(connected == clients);

    // Resumed, the server answers every one of them.
    REQUIRE(::kill(server.pid(), SIGCONT) == 0);
    int answered = 0;
    for (const int fd : sockets) {
        ::fcntl(fd, F_SETFL, 0);
        const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size()))
            continue;
        pollfd fd_poll{fd, POLLIN, 0};
        char buffer[64] = {};
        if (::poll(&fd_poll, 1, 10000) > 0 && ::recv(fd, buffer, sizeof buffer - 1, 0) > 0 &&
            std::string_view(buffer).starts_with("HTTP/1.1 200"))
            ++answered;
    }
    CHECK(answered == clients);
}

TEST_CASE("serve answers 503 to new connections over its limits and serves again once they go") {
    for (const std::string option : {"--max-connections", "--max-client-connections"}) {
        INFO(option);
        TempDir dir;
        ServerProcess server(dir / "db", dir.path() / "serve.log", {option, "20"});
        // 30 connections that say nothing: the first 20 are kept (until the 1 s idle timeout),
        // the other 10 are told at once that the service is busy.
        std::vector<std::unique_ptr<Connection>> silent;
        for (int i = 0; i < 30; ++i) {
            silent.push_back(std::make_unique<Connection>(server.port()));
            REQUIRE(silent.back()->connected());
        }
        int busy = 0;
        for (int i = 20; i < 30; ++i)
            busy += silent[static_cast<std::size_t>(i)]->status_line(std::chrono::milliseconds(900)) ==
                    "HTTP/1.1 503 Service Unavailable";
        CHECK(busy == 10);
        silent.clear();

        // The server counts a connection gone once it has seen it close, which on a busy machine
        // can come a moment after the client closed it: it must serve again within a second.
        httplib::Client client("127.0.0.1", server.port());
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; ++attempt) {
            if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            const auto result = client.Get("/healthz");
            REQUIRE(result);
            status = result->status;
        }
        CHECK(status == 200);
    }
}
