#include "server/http_server.hpp"

#include "server/socket_address.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace newssearch::server {
namespace {

using Clock = std::chrono::steady_clock;

thread_local Refusal current_refusal = Refusal::none;
/// The connection whose request this worker thread is answering (-1: none).
thread_local int current_socket = -1;

/// Waits until `sock` can be read (or written); false on timeout or error.
bool wait_for(int sock, short events, std::chrono::milliseconds timeout) {
    pollfd fd{sock, events, 0};
    for (;;) {
        const int ready = ::poll(&fd, 1, static_cast<int>(std::max<long long>(0, timeout.count())));
        if (ready < 0 && errno == EINTR)
            continue;
        return ready > 0;
    }
}

std::chrono::milliseconds to_ms(time_t sec, time_t usec) {
    return std::chrono::milliseconds(sec * 1000 + usec / 1000);
}

/// A connection as cpp-httplib reads it, a request at a time: buffered (starting with what the
/// reactor read), its line and headers bounded in bytes, and the whole request (headers and
/// body) bounded in time.
class ConnectionStream final : public httplib::Stream {
  public:
    ConnectionStream(int sock, const ConnectionLimits& limits,
                     std::chrono::milliseconds read_timeout,
                     std::chrono::milliseconds write_timeout)
        : sock_(sock), limits_(limits), read_timeout_(read_timeout), write_timeout_(write_timeout) {
    }

    /// Bytes already read from the socket, to be read first.
    void preload(const std::string& bytes) {
        buffer_.assign(bytes.begin(), bytes.end());
        buffer_.resize(std::max<std::size_t>(buffer_.size(), 4096));
        begin_ = 0;
        end_ = bytes.size();
    }
    /// Bytes of a next request (pipelined) are already buffered.
    [[nodiscard]] bool has_buffered() const { return begin_ < end_; }

    /// A request starts (its first byte came at `started`): its headers are counted, and it is
    /// timed from then.
    void start_request(Clock::time_point started) {
        in_headers_ = true;
        skipping_request_line_ = false;
        skipped_bytes_ = 0;
        header_bytes_ = 0;
        line_bytes_ = 0;
        line_index_ = 0;
        deadline_ = started + limits_.request_deadline;
    }

    bool is_readable() const override {
        return begin_ < end_ || wait_for(sock_, POLLIN, read_timeout_);
    }
    bool is_writable() const override { return wait_for(sock_, POLLOUT, write_timeout_); }

    ssize_t read(char* ptr, size_t size) override {
        for (;;) {
            if (refused_ || (begin_ == end_ && !fill()))
                return -1;
            if (skipping_request_line_ && !skip_request_line())
                return -1;
            std::size_t count = std::min(size, end_ - begin_);
            if (in_headers_)
                count = count_header_bytes(count);
            if (count == 0) {
                if (skipping_request_line_)
                    continue;
                return -1;
            }
            std::copy_n(buffer_.data() + begin_, count, ptr);
            begin_ += count;
            return static_cast<ssize_t>(count);
        }
    }

    ssize_t write(const char* ptr, size_t size) override {
        std::size_t written = 0;
        while (written < size) {
            if (!wait_for(sock_, POLLOUT, write_timeout_))
                return written > 0 ? static_cast<ssize_t>(written) : -1;
            const ssize_t sent = ::send(sock_, ptr + written, size - written, MSG_NOSIGNAL);
            if (sent < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (sent <= 0)
                return written > 0 ? static_cast<ssize_t>(written) : -1;
            written += static_cast<std::size_t>(sent);
        }
        return static_cast<ssize_t>(written);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = peer_address(sock_, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = local_address(sock_, port);
    }
    socket_t socket() const override { return sock_; }

  private:
    /// Reads what the socket has into the (empty) buffer, waiting no longer than the request's
    /// deadline: a client that sends its headers or body too slowly is answered 408.
    bool fill() {
        begin_ = end_ = 0;
        for (;;) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
            if (left <= std::chrono::milliseconds(0))
                return refuse(Refusal::too_slow);
            if (!wait_for(sock_, POLLIN, std::min(read_timeout_, left)))
                return refuse(Refusal::too_slow);
            const ssize_t received = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
            if (received < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (received <= 0)
                return false;
            end_ = static_cast<std::size_t>(received);
            return true;
        }
    }

    /// How many of the next `count` buffered bytes may be handed on: all of them up to the end of
    /// the headers, fewer when the limits are reached (the request is refused).
    std::size_t count_header_bytes(std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) {
            const char c = buffer_[begin_ + i];
            if (++header_bytes_ > limits_.max_header_bytes) {
                // A request line this long is already past cpp-httplib's own limit, which it
                // answers (414, sent as 413) once the line ends: drop the rest of the line instead
                // of cutting the connection without an answer.
                if (line_index_ == 0) {
                    skipping_request_line_ = true;
                    return i;
                }
                return refuse_after(i, Refusal::headers_too_large);
            }
            if (c == '\n') {
                // A line with nothing but its line end closes the headers.
                if (line_bytes_ == 0 && line_index_ > 0) {
                    in_headers_ = false;
                    return i + 1;
                }
                ++line_index_;
                line_bytes_ = 0;
            } else if (c != '\r') {
                // The request line has cpp-httplib's own limit (414, answered as 413).
                if (++line_bytes_ > limits_.max_header_line_bytes && line_index_ > 0)
                    return refuse_after(i, Refusal::headers_too_large);
            }
        }
        return count;
    }

    /// Drops buffered and incoming bytes up to the request line's end (bounded by the headers'
    /// deadline and by max_skipped_request_line_bytes); false when the request is refused instead.
    bool skip_request_line() {
        for (;;) {
            char* first = buffer_.data() + begin_;
            char* newline = std::find(first, buffer_.data() + end_, '\n');
            const auto skipped = static_cast<std::size_t>(newline - first);
            skipped_bytes_ += skipped;
            begin_ += skipped;
            if (skipped_bytes_ > max_skipped_request_line_bytes) {
                refused_ = true;
                current_refusal = Refusal::headers_too_large;
                return false;
            }
            if (begin_ < end_) {
                // At the line end: the headers that follow are counted afresh.
                skipping_request_line_ = false;
                header_bytes_ = line_bytes_ = 0;
                return true;
            }
            if (!fill())
                return false;
        }
    }

    bool refuse(Refusal why) {
        current_refusal = why;
        return false;
    }
    std::size_t refuse_after(std::size_t handed_on, Refusal why) {
        current_refusal = why;
        refused_ = true;
        return handed_on;
    }

  public:
    [[nodiscard]] bool refused() const { return refused_ || current_refusal != Refusal::none; }

  private:
    int sock_;
    const ConnectionLimits& limits_;
    std::chrono::milliseconds read_timeout_;
    std::chrono::milliseconds write_timeout_;
    std::vector<char> buffer_ = std::vector<char>(4096);
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    bool in_headers_ = false;
    bool refused_ = false;
    /// Dropping the rest of an over-long request line (see count_header_bytes).
    bool skipping_request_line_ = false;
    std::size_t skipped_bytes_ = 0;
    static constexpr std::size_t max_skipped_request_line_bytes = 4u << 20;
    std::size_t header_bytes_ = 0;
    std::size_t line_bytes_ = 0;
    std::size_t line_index_ = 0;
    Clock::time_point deadline_{};
};

/// After a refusal the client may still be sending: read and drop what comes (for at most
/// `patience`, at most 4 MB), so that closing does not reset the connection before the client has
/// read the answer.
void drain(int sock, std::chrono::milliseconds patience) {
    ::shutdown(sock, SHUT_WR);
    std::array<char, 16 * 1024> sink{};
    std::size_t dropped = 0;
    const auto until = Clock::now() + patience;
    while (dropped < (4u << 20)) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        if (!wait_for(sock, POLLIN, std::max(left, std::chrono::milliseconds(0))))
            break;
        const ssize_t received = ::recv(sock, sink.data(), sink.size(), 0);
        if (received <= 0)
            break;
        dropped += static_cast<std::size_t>(received);
    }
}

} // namespace

/// What cpp-httplib's accept loop hands each new connection to: here, at once, the reactor
/// (process_and_close_socket), which passes complete requests to the workers.
class HttpServer::Connections final : public httplib::TaskQueue {
  public:
    Connections(HttpServer& server, ReactorLimits limits, std::size_t workers)
        : workers_(workers), reactor_(limits, [this, &server](WaitingConnection connection) {
              workers_.enqueue([this, &server, connection]() mutable {
                  server.serve_connection(std::move(connection), reactor_);
              });
          }) {}

    void enqueue(std::function<void()> accept) override { accept(); }
    void shutdown() override {
        reactor_.stop();
        workers_.shutdown();
    }
    ConnectionReactor& reactor() { return reactor_; }

  private:
    httplib::ThreadPool workers_; // declared first: the reactor hands work to it
    ConnectionReactor reactor_;
};

HttpServer::HttpServer(ConnectionLimits limits) : limits_(limits) {
    // Each waiting connection is a file descriptor: stay well inside the process's limit.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY) {
        const std::size_t usable = files.rlim_cur > 512 ? files.rlim_cur - 256 : files.rlim_cur / 2;
        limits_.max_connections = std::min(limits_.max_connections, usable);
    }
    new_task_queue = [this] {
        ReactorLimits reactor;
        reactor.idle_timeout = to_ms(keep_alive_timeout_sec_, 0);
        reactor.header_deadline = limits_.request_deadline;
        reactor.max_header_bytes = limits_.max_header_bytes;
        reactor.max_connections = limits_.max_connections;
        reactor.max_per_client = limits_.max_per_client;
        connections_ = new Connections(*this, reactor, std::max<std::size_t>(1, limits_.workers));
        return connections_;
    };
    // cpp-httplib also sets SO_REUSEPORT, with which a second `serve` on a port already in use
    // binds too and the two split the connections: only SO_REUSEADDR (a restart may rebind
    // while old connections linger), so the second one fails to bind and says so.
    set_socket_options([this](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        listening_socket_ = sock;
    });
}

bool HttpServer::bind(const std::string& host, int port) {
    listening_socket_ = INVALID_SOCKET;
    if (!bind_to_port(host, port))
        return false;
    // cpp-httplib's library was built with a queue of 5 (CPPHTTPLIB_LISTEN_BACKLOG); listening
    // again on the bound socket only sets a longer one.
    if (listening_socket_ != INVALID_SOCKET)
        ::listen(listening_socket_, limits_.listen_backlog);
    return true;
}

Refusal HttpServer::refusal() {
    return current_refusal;
}

bool HttpServer::client_gone() {
    if (current_socket < 0)
        return false;
    pollfd fd{current_socket, POLLRDHUP, 0};
    return ::poll(&fd, 1, 0) > 0 && (fd.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    WaitingConnection connection;
    connection.sock = sock;
    connections_->reactor().watch(std::move(connection));
    return true;
}

void HttpServer::serve_connection(WaitingConnection connection, ConnectionReactor& reactor) {
    ConnectionStream stream(connection.sock, limits_, to_ms(read_timeout_sec_, read_timeout_usec_),
                            to_ms(write_timeout_sec_, write_timeout_usec_));
    stream.preload(connection.received);
    current_socket = connection.sock;
    struct Forget {
        ~Forget() { current_socket = -1; }
    } forget;
    auto started = connection.started;
    for (;;) {
        current_refusal = Refusal::none;
        stream.start_request(started);
        bool closed = false;
        const bool last = connection.served + 1 >= keep_alive_max_count_;
        const bool ok = process_request(stream, last, closed, nullptr);
        ++connection.served;
        if (!ok || closed || last || stream.refused() || svr_sock_ == INVALID_SOCKET)
            break;
        if (!stream.has_buffered() && !wait_for(connection.sock, POLLIN, limits_.keep_alive_linger)) {
            // Nothing more yet: the connection waits for its next request without a thread.
            current_refusal = Refusal::none;
            connection.received.clear();
            connection.started = {};
            reactor.watch(std::move(connection));
            return;
        }
        started = Clock::now(); // the next request, already (partly) here
    }
    // Oversized headers come fast: wait (a second at most) for the rest so the client reads its
    // 413. A client too slow to finish its request gets no more of a worker's time than what it
    // has sent already: a thousand of them timing out together would hold every worker.
    if (stream.refused())
        drain(connection.sock, current_refusal == Refusal::too_slow ? std::chrono::milliseconds(0)
                                                                   : std::chrono::milliseconds(1000));
    current_refusal = Refusal::none;
    ::shutdown(connection.sock, SHUT_RDWR);
    ::close(connection.sock);
}

} // namespace newssearch::server
