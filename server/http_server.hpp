#pragma once
/// The service's HTTP server: cpp-httplib's request handling on connections that a slow, idle or
/// oversized client cannot use to starve the others. cpp-httplib gives each connection a thread
/// for as long as it lasts and reads headers without a deadline; this server reads each request's
/// line and headers under a byte limit and a deadline, answers headers over the limit with 413
/// and headers that take too long with 408, and keeps many cheap connection threads, so that
/// connections waiting for a client do not hold the threads that search (the service's Searcher
/// pool, server/service.hpp).

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>

namespace newssearch::server {

struct ConnectionLimits {
    /// Connections read and answered at the same time (one thread each, mostly waiting on the
    /// network); more wait in the accept queue.
    std::size_t connections = 256;
    std::size_t max_header_line_bytes = 8 * 1024; ///< one header line: longer is 413
    std::size_t max_header_bytes = 32 * 1024; ///< request line and headers together: more is 413
    /// From a request's first byte to the end of its headers: slower is 408 and the connection
    /// is closed (a client sending a byte a second cannot hold a thread longer than this).
    std::chrono::milliseconds header_deadline{5000};
    /// Connections the kernel completes and holds until they are accepted. cpp-httplib listens
    /// with a queue of 5: two hundred clients connecting at once overflow it, and the kernel drops
    /// their handshakes, which they retry only after 1, 3 or 7 s. (Linux caps it at somaxconn.)
    int listen_backlog = 1024;
};

/// Why the request being answered on the calling thread was refused before it could be routed.
enum class Refusal { none, headers_too_large, headers_too_slow };

class HttpServer : public httplib::Server {
  public:
    explicit HttpServer(ConnectionLimits limits = {});

    [[nodiscard]] const ConnectionLimits& limits() const { return limits_; }

    /// Binds to `host`:`port` and listens with the limits' backlog; false when the address cannot
    /// be bound. Then listen_after_bind() serves.
    [[nodiscard]] bool bind(const std::string& host, int port);

    /// For the error handler: why the request answered on this thread was refused (its headers
    /// too large or too slow, which cpp-httplib reports as a plain 400), or none.
    [[nodiscard]] static Refusal refusal();

  private:
    bool process_and_close_socket(socket_t sock) override;

    ConnectionLimits limits_;
    socket_t listening_socket_ = INVALID_SOCKET; ///< the last socket cpp-httplib made to bind
};

} // namespace newssearch::server
