#include "server/access_log.hpp"

#include "common/errors.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>

namespace newssearch::server {
namespace {

std::string printable(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f) {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

std::string capped(std::string_view target) {
    if (target.size() <= max_logged_target) return std::string(target);
    return std::string(target.substr(0, max_logged_target)) + "...";
}

/// RFC 3339 in UTC with milliseconds.
std::string timestamp(std::chrono::system_clock::time_point time) {
    const auto since_epoch = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch());
    const std::time_t seconds = static_cast<std::time_t>(since_epoch.count() / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(since_epoch.count() % 1000));
    return text;
}

/// Any bytes into a JSON string: invalid UTF-8 is replaced, never an exception.
std::string json_line(const nlohmann::ordered_json& object) {
    return object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace

std::string access_log_line(const AccessLogEntry& entry, LogFormat format) {
    const double rounded = static_cast<double>(static_cast<long long>(entry.milliseconds * 10 + 0.5)) / 10;
    if (format == LogFormat::json)
        return json_line({{"time", timestamp(entry.time)},
                          {"level", "info"},
                          {"client", std::string(entry.client)},
                          {"method", std::string(entry.method.substr(0, 16))},
                          {"path", capped(entry.target)},
                          {"status", entry.status},
                          {"bytes", entry.bytes},
                          {"ms", rounded}});
    char timing[32];
    std::snprintf(timing, sizeof timing, "%.1fms", entry.milliseconds);
    return timestamp(entry.time) + " " + printable(entry.client.substr(0, 64)) + " " +
           printable(entry.method.substr(0, 16)) + " " + printable(capped(entry.target)) + " " +
           std::to_string(entry.status) + " " + std::to_string(entry.bytes) + " " + timing;
}

std::string event_log_line(std::chrono::system_clock::time_point time, std::string_view level,
                           std::string_view message, LogFormat format) {
    if (format == LogFormat::json)
        return json_line({{"time", timestamp(time)}, {"level", std::string(level)}, {"message", std::string(message)}});
    std::string line = timestamp(time) + " newssearch: " + std::string(level) + ": ";
    for (const char c : message) line += c == '\n' || c == '\r' ? ' ' : c;
    return line;
}

LogFormat parse_log_format(std::string_view name) {
    if (name == "text") return LogFormat::text;
    if (name == "json") return LogFormat::json;
    throw UsageError("unknown log format \"" + std::string(name) + "\" (text or json)");
}

} // namespace newssearch::server
