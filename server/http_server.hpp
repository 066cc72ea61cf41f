#pragma once
/// The service's HTTP server: cpp-httplib's request handling on connections that a slow, idle or
/// oversized client cannot use to starve the others. cpp-httplib gives each connection a thread
/// for as long as it lasts and reads headers without a deadline. Here one thread (the reactor,
/// server/connection_reactor.hpp) waits for the next request of every open connection, under a
/// byte limit and a deadline, and hands a connection to a worker thread only once its request's
/// line and headers have arrived: idle and slow clients hold a socket, never a worker. Headers over
/// the limit are answered 413, requests (headers and body) that take too long 408, and new
/// connections over the limits in all or from one address 503.

#include "server/connection_reactor.hpp"

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>

namespace newssearch::server {

struct ConnectionLimits {
    /// Requests read and answered at the same time, one worker thread each (they wait for one of
    /// the service's search slots, server/service.hpp); more wait in line, first come first served.
    std::size_t workers = 256;
    /// Connections waiting for their next request at once: in all, and from one address. Each
    /// costs a file descriptor; the total is also kept below the process's descriptor limit.
    std::size_t max_connections = 8192;
    std::size_t max_per_client = 2048;
    std::size_t max_header_line_bytes = 8 * 1024; ///< one header line: longer is 413
    std::size_t max_header_bytes = 32 * 1024; ///< request line and headers together: more is 413
    /// From a request's first byte to the end of its headers and body: slower is 408 and the
    /// connection is closed (a client sending a byte a second holds nothing longer than this).
    std::chrono::milliseconds request_deadline{5000};
    /// After an answer, how long its worker waits for the connection's next request before
    /// handing the connection back to the reactor: a client that asks again at once (a load, a
    /// page fetching its parts) is served without the two thread hand-overs, which cost a
    /// quarter of the requests/s of 2 connections on a busy 2-core machine.
    std::chrono::milliseconds keep_alive_linger{10};
    /// Connections the kernel completes and holds until they are accepted. cpp-httplib listens
    /// with a queue of 5: two hundred clients connecting at once overflow it, and the kernel drops
    /// their handshakes, which they retry only after 1, 3 or 7 s. (Linux caps it at somaxconn.)
    int listen_backlog = 1024;
};

/// Why the request being answered on the calling thread was refused before it could be routed.
enum class Refusal { none, headers_too_large, too_slow };

class HttpServer : public httplib::Server {
  public:
    explicit HttpServer(ConnectionLimits limits = {});

    [[nodiscard]] const ConnectionLimits& limits() const { return limits_; }

    /// Binds to `host`:`port` and listens with the limits' backlog; false when the address cannot
    /// be bound. Then listen_after_bind() serves.
    [[nodiscard]] bool bind(const std::string& host, int port);

    /// For the error handler: why the request answered on this thread was refused (its headers
    /// too large, or it came too slowly, which cpp-httplib reports as a plain 400), or none.
    [[nodiscard]] static Refusal refusal();

    /// True when the client of the request answered on this thread has closed its connection:
    /// it will never read the answer (a page that moved on, a load test that stopped), so the
    /// work can be skipped.
    [[nodiscard]] static bool client_gone();

  private:
    class Connections;

    /// Called by cpp-httplib's accept loop for each new connection: hands it to the reactor.
    bool process_and_close_socket(socket_t sock) override;
    /// On a worker: answers the connection's request (and any pipelined after it), then gives
    /// the connection back to `reactor` to wait for the next, or closes it.
    void serve_connection(WaitingConnection connection, ConnectionReactor& reactor);

    ConnectionLimits limits_;
    socket_t listening_socket_ = INVALID_SOCKET; ///< the last socket cpp-httplib made to bind
    Connections* connections_ = nullptr;         ///< while listening: the reactor and workers
};

} // namespace newssearch::server
