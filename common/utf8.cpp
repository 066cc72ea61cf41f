#include "common/utf8.hpp"

#include <algorithm>

namespace newssearch {
namespace {

/// Length of the valid UTF-8 sequence starting at `pos`, or 0 when it is invalid.
std::size_t valid_sequence_length(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    char32_t min_value = 0;
    char32_t value = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, min_value = 0x80, value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, min_value = 0x800, value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, min_value = 0x10000, value = lead & 0x07;
    } else {
        return 0;
    }
    if (pos + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return 0;
        value = (value << 6) | (byte(pos + i) & 0x3F);
    }
    if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    return length;
}

} // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = valid_sequence_length(text, pos);
        if (length == 0) return pos;
        pos += length;
    }
    return std::nullopt;
}

std::string repair_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = valid_sequence_length(text, pos);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++pos;
        } else {
            out.append(text.substr(pos, length));
            pos += length;
        }
    }
    return out;
}

std::string printable_utf8(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = valid_sequence_length(text, pos);
        const auto byte = static_cast<unsigned char>(text[pos]);
        // A '%' that would read as an escape ("caf%E9" beside "caf\xE9") is escaped itself, so
        // that no two names share a form.
        const auto is_hex = [&text](std::size_t at) {
            return at < text.size() && ((text[at] >= '0' && text[at] <= '9') || (text[at] >= 'A' && text[at] <= 'F'));
        };
        if (length == 0 || byte < 0x20 || byte == 0x7F || (byte == '%' && is_hex(pos + 1) && is_hex(pos + 2))) {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0F];
            ++pos;
        } else {
            out.append(text.substr(pos, length));
            pos += length;
        }
    }
    return out;
}

bool looks_binary(std::string_view text) {
    std::size_t control = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0) return true;
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') ++control;
    }
    // A few stray control characters occur in real scrapes; binary data has them everywhere.
    return control > 8 && control * 20 > text.size();
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace newssearch
