#pragma once
/// The service's log on stderr: one access line per request, and events (start, stop, errors)
/// with a level, as text or as one JSON object per line.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace newssearch::server {

enum class LogFormat { text, json };

/// One answered request.
struct AccessLogEntry {
    std::chrono::system_clock::time_point time;
    std::string_view client; ///< the peer's address
    std::string_view method;
    std::string_view target; ///< path and query string as sent (percent-encoded)
    int status = 0;
    std::size_t bytes = 0;   ///< body bytes sent
    double milliseconds = 0; ///< from routing the request to logging its answer
};

/// The longest target logged; a longer one is cut and ends in "...".
inline constexpr std::size_t max_logged_target = 1024;

/// text: "2026-12-07T10:40:59.123Z 127.0.0.1 GET /api/search?q=x 200 5123 2.4ms", control
/// characters and spaces shown as %XX so one request is always one line.
/// json: {"time":..,"level":"info","client":..,"method":..,"path":..,"status":..,"bytes":..,"ms":..}
[[nodiscard]] std::string access_log_line(const AccessLogEntry& entry, LogFormat format);

/// text: "2026-12-07T10:40:59.123Z newssearch: info: serving http://127.0.0.1:8080/"
/// json: {"time":..,"level":"info","message":..}. `level` is info, warning or error.
[[nodiscard]] std::string event_log_line(std::chrono::system_clock::time_point time,
                                         std::string_view level, std::string_view message,
                                         LogFormat format);

/// "text" or "json"; UsageError otherwise.
[[nodiscard]] LogFormat parse_log_format(std::string_view name);

} // namespace newssearch::server
