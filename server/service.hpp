#pragma once
/// The HTTP/JSON search service: routes, parameters, JSON and HTML responses, errors, access log.
/// A thin adapter: searching is the library's (newssearch::Searcher, the one search pipeline),
/// rendering render_json's and render_html's.
///
///   GET /api/search?q=&limit=&offset=&since=&until=&source=&entity=&sort=&passages=
///   GET /api/suggest?q=&limit=
///   GET /api/article/{id}
///   GET /healthz
///   GET /, /index.html, /app.js, /style.css (the search page, embedded in the program)

#include "server/access_log.hpp"
#include "server/search_request.hpp"

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

namespace httplib {
class Server;
}

namespace newssearch::server {

struct ServiceSettings {
    std::string db;          ///< index folder, fixed for the service's life
    std::string cors_origin; ///< Access-Control-Allow-Origin value; empty: no CORS header
    RequestLimits limits;
    std::size_t max_request_bytes =
        16 * 1024; ///< request bodies (none are expected): larger is 413
    int read_timeout_seconds = 5;
    int write_timeout_seconds = 5;
    std::size_t threads = 1;     ///< searches at once, each with its own Searcher (connections: http_server.hpp)
    std::ostream* log = nullptr; ///< access log (one line per request); nullptr: none
    LogFormat log_format = LogFormat::text; ///< server/access_log.hpp
};

/// Installs the routes, limits, timeouts and log on `server` (an HttpServer, server/http_server.hpp,
/// for its connection limits and its 413 and 408 for oversized and slow headers). The index is
/// opened lazily by up to `threads` Searchers, each refreshed before each request: a missing or
/// unreadable index is answered with 503 until it can be opened, and new commits are seen
/// without a restart.
void install_service(httplib::Server& server, const ServiceSettings& settings);

} // namespace newssearch::server
