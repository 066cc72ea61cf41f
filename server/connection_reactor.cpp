#include "server/connection_reactor.hpp"

#include "server/socket_address.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <string_view>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace newssearch::server {
namespace {

void close_socket(int sock) {
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
}

/// True when `received` holds a whole request line and headers: an empty line after a line end.
/// Only the bytes from `from` on (less three, for an end split across reads) are searched.
bool has_header_end(const std::string& received, std::size_t from) {
    const std::string_view text(received);
    const std::size_t start = from > 3 ? from - 3 : 0;
    return text.find("\n\r\n", start) != std::string_view::npos ||
           text.find("\n\n", start) != std::string_view::npos;
}

} // namespace

ConnectionReactor::ConnectionReactor(ReactorLimits limits, Ready ready)
    : limits_(limits), ready_(std::move(ready)), epoll_(::epoll_create1(EPOLL_CLOEXEC)),
      wake_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = wake_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event);
    thread_ = std::thread([this] { run(); });
}

ConnectionReactor::~ConnectionReactor() {
    stop();
    ::close(wake_);
    ::close(epoll_);
}

void ConnectionReactor::watch(WaitingConnection connection) {
    {
        const std::lock_guard lock(mutex_);
        if (!stopping_) {
            incoming_.push_back(std::move(connection));
            connection.sock = -1;
        }
    }
    if (connection.sock >= 0) {
        close_socket(connection.sock);
        return;
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(wake_, &one, sizeof one);
}

void ConnectionReactor::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(wake_, &one, sizeof one);
    if (thread_.joinable())
        thread_.join();
}

void ConnectionReactor::run() {
    std::array<epoll_event, 64> events{};
    for (;;) {
        int timeout = -1;
        if (!deadlines_.empty()) {
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadlines_.begin()->first -
                                                                           ReactorClock::now());
            timeout = static_cast<int>(std::clamp<long long>(left.count(), 0, 60'000));
        }
        const int count = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), timeout);
        if (count < 0 && errno != EINTR)
            break;
        bool stopping = false;
        for (int i = 0; i < count; ++i) {
            const int fd = events[static_cast<std::size_t>(i)].data.fd;
            if (fd == wake_) {
                std::uint64_t value = 0;
                [[maybe_unused]] const ssize_t got = ::read(wake_, &value, sizeof value);
                take_incoming();
                const std::lock_guard lock(mutex_);
                stopping = stopping_;
            } else {
                read_from(fd);
            }
        }
        if (stopping)
            break;
        expire(ReactorClock::now());
    }
    std::vector<int> open;
    for (const auto& [sock, entry] : entries_)
        open.push_back(sock);
    for (const int sock : open)
        close_entry(sock);
    take_incoming(); // after stopping_, nothing more is added: close what came before it
}

void ConnectionReactor::take_incoming() {
    std::vector<WaitingConnection> incoming;
    bool stopping = false;
    {
        const std::lock_guard lock(mutex_);
        incoming.swap(incoming_);
        stopping = stopping_;
    }
    for (WaitingConnection& connection : incoming) {
        if (stopping)
            close_socket(connection.sock);
        else
            add(std::move(connection));
    }
}

void ConnectionReactor::add(WaitingConnection connection) {
    if (connection.client.empty()) {
        int port = 0;
        connection.client = peer_address(connection.sock, port);
    }
    const bool is_new = connection.served == 0 && connection.received.empty();
    const auto known = per_client_.find(connection.client);
    const std::size_t from_client = known == per_client_.end() ? 0 : known->second;
    if (is_new && (entries_.size() >= limits_.max_connections || from_client >= limits_.max_per_client)) {
        // Over the limits: say so instead of leaving the client to guess.
        static constexpr std::string_view busy =
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
            "Connection: close\r\n\r\n";
        [[maybe_unused]] const ssize_t sent =
            ::send(connection.sock, busy.data(), busy.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        close_socket(connection.sock);
        return;
    }
    const int sock = connection.sock;
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = sock;
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, sock, &event) != 0) {
        close_socket(sock);
        return;
    }
    ++per_client_[connection.client];
    const auto deadline = connection.received.empty() ? ReactorClock::now() + limits_.idle_timeout
                                                      : connection.started + limits_.header_deadline;
    Entry& entry = entries_[sock];
    entry.connection = std::move(connection);
    set_deadline(entry, deadline);
}

void ConnectionReactor::read_from(int sock) {
    const auto found = entries_.find(sock);
    if (found == entries_.end())
        return;
    Entry& entry = found->second;
    std::string& received = entry.connection.received;
    const std::size_t before = received.size();
    std::array<char, 16 * 1024> buffer{};
    // A few reads at most, so one fast client cannot keep the others waiting.
    for (int reads = 0; reads < 4 && received.size() <= limits_.max_header_bytes; ++reads) {
        const ssize_t got = ::recv(sock, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (got <= 0) { // closed by the client, or broken
            close_entry(sock);
            return;
        }
        received.append(buffer.data(), static_cast<std::size_t>(got));
    }
    if (received.size() == before)
        return;
    if (before == 0) {
        entry.connection.started = ReactorClock::now();
        set_deadline(entry, entry.connection.started + limits_.header_deadline);
    }
    if (received.size() > limits_.max_header_bytes || has_header_end(received, before))
        hand_on(sock);
}

void ConnectionReactor::expire(ReactorClock::time_point now) {
    while (!deadlines_.empty() && deadlines_.begin()->first <= now) {
        const int sock = deadlines_.begin()->second;
        if (entries_.at(sock).connection.received.empty()) // every deadline is an entry's
            close_entry(sock); // idle too long: closed, as an idle keep-alive connection is
        else
            hand_on(sock); // headers too slow: the worker answers 408
    }
}

void ConnectionReactor::hand_on(int sock) {
    ready_(forget(sock));
}

void ConnectionReactor::close_entry(int sock) {
    close_socket(forget(sock).sock);
}

WaitingConnection ConnectionReactor::forget(int sock) {
    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, sock, nullptr);
    const auto found = entries_.find(sock);
    WaitingConnection connection = std::move(found->second.connection);
    deadlines_.erase({found->second.deadline, sock});
    if (--per_client_[connection.client] == 0)
        per_client_.erase(connection.client);
    entries_.erase(found);
    return connection;
}

void ConnectionReactor::set_deadline(Entry& entry, ReactorClock::time_point deadline) {
    const int sock = entry.connection.sock;
    deadlines_.erase({entry.deadline, sock});
    entry.deadline = deadline;
    deadlines_.insert({deadline, sock});
}

} // namespace newssearch::server
