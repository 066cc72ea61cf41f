#pragma once
/// One line per request on the service's log: method, path, status, bytes, milliseconds.

#include <cstddef>
#include <string>
#include <string_view>

namespace newssearch::server {

/// "GET /api/search 200 5123 2.4ms": the path without its query string (queries are not logged),
/// control characters and spaces in it shown as %XX so one request is always one line.
[[nodiscard]] std::string access_log_line(std::string_view method, std::string_view path,
                                          int status, std::size_t bytes, double milliseconds);

} // namespace newssearch::server
