#pragma once
/// Waits, on one thread, for the next request of every open connection of the service. A
/// connection costs a thread only once its request's line and headers have arrived (or its
/// headers are too large, or too late): clients that connect and say nothing, send a byte a
/// second, or keep an idle connection open cost a socket and a buffer, not a worker
/// (server/http_server.hpp hands complete requests to its workers).

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newssearch::server {

using ReactorClock = std::chrono::steady_clock;

/// A connection between requests, as the reactor and the workers pass it to each other.
struct WaitingConnection {
    int sock = -1;
    std::string received;                 ///< bytes of the next request read so far
    ReactorClock::time_point started{};   ///< when its first byte came (none: nothing yet)
    std::size_t served = 0;               ///< requests answered on it already
    std::string client;                   ///< the address it comes from (read once)
};

struct ReactorLimits {
    std::chrono::milliseconds idle_timeout{1000};    ///< no first byte within it: closed
    std::chrono::milliseconds header_deadline{5000}; ///< first byte to the headers' end
    std::size_t max_header_bytes = 32 * 1024;        ///< more: handed on (to be answered 413)
    std::size_t max_connections = 8192;              ///< waiting at once, in all
    std::size_t max_per_client = 2048;               ///< waiting at once, from one address
};

class ConnectionReactor {
  public:
    /// `ready` is called on the reactor's thread with each connection whose request line and
    /// headers have arrived, grown past the limit, or passed the deadline; it owns the socket then.
    using Ready = std::function<void(WaitingConnection)>;

    ConnectionReactor(ReactorLimits limits, Ready ready);
    ~ConnectionReactor();
    ConnectionReactor(const ConnectionReactor&) = delete;
    ConnectionReactor& operator=(const ConnectionReactor&) = delete;

    /// Waits for `connection`'s next request (from any thread). A new connection (nothing served)
    /// over the limits is answered 503 and closed; after stop() every connection is closed.
    void watch(WaitingConnection connection);
    /// Closes every waiting connection and ends the thread.
    void stop();

  private:
    struct Entry {
        WaitingConnection connection;
        ReactorClock::time_point deadline;
    };

    void run();
    void take_incoming();
    void add(WaitingConnection connection);
    void read_from(int sock);
    void expire(ReactorClock::time_point now);
    void hand_on(int sock);
    void close_entry(int sock);
    /// Stops watching `sock` (one of entries_) and returns its connection.
    WaitingConnection forget(int sock);
    void set_deadline(Entry& entry, ReactorClock::time_point deadline);

    const ReactorLimits limits_;
    const Ready ready_;
    int epoll_ = -1;
    int wake_ = -1; ///< an eventfd: written when connections are added or on stop

    std::mutex mutex_; ///< guards incoming_ and stopping_
    std::vector<WaitingConnection> incoming_;
    bool stopping_ = false;

    // The reactor thread's own.
    std::unordered_map<int, Entry> entries_;
    std::set<std::pair<ReactorClock::time_point, int>> deadlines_;
    std::unordered_map<std::string, std::size_t> per_client_;

    std::thread thread_;
};

} // namespace newssearch::server
