#include "server/access_log.hpp"

#include <cstdio>

namespace newssearch::server {
namespace {

std::string printable(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text.substr(0, 512)) {
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

} // namespace

std::string access_log_line(std::string_view method, std::string_view path, int status,
                            std::size_t bytes, double milliseconds) {
    char timing[32];
    std::snprintf(timing, sizeof timing, "%.1fms", milliseconds);
    return printable(method.substr(0, 16)) + " " + printable(path) + " " + std::to_string(status) +
           " " + std::to_string(bytes) + " " + timing;
}

} // namespace newssearch::server
