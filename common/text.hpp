#pragma once
/// The small byte-level text helpers every layer needs: ASCII whitespace and case, trimming,
/// splitting into fields, reading lines and numbers, "file:line: message" errors. One home, so
/// that "whitespace" and "lower case" mean the same thing everywhere. Anything that must know
/// about Unicode (case folding, word and sentence boundaries) is the analyzer's job
/// (common/analyzer.hpp, common/text_fold.hpp), not this file's.

#include <charconv>
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace newssearch::text {

/// Whitespace as C's isspace() in the "C" locale (what trec_eval and most formats split on).
[[nodiscard]] constexpr bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

[[nodiscard]] constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// `c` in lower case when it is an ASCII capital; any other byte (UTF-8 included) unchanged.
[[nodiscard]] constexpr char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// `s` with its ASCII capitals lowered; other bytes unchanged, so UTF-8 stays valid.
[[nodiscard]] inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

/// Equal but for ASCII case.
[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

/// `text` without trailing whitespace.
[[nodiscard]] constexpr std::string_view trim_right(std::string_view text) {
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

/// `text` without leading and trailing whitespace.
[[nodiscard]] constexpr std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    return trim_right(text);
}

/// True when `text` contains a whitespace character.
[[nodiscard]] constexpr bool has_space(std::string_view text) {
    for (const char c : text)
        if (is_space(c)) return true;
    return false;
}

/// True when `text` is empty or only whitespace.
[[nodiscard]] constexpr bool is_blank(std::string_view text) { return trim(text).empty(); }

/// Splits `line` on runs of whitespace into `fields` (cleared first); never yields empty fields.
inline void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
    fields.clear();
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_space(line[i])) ++i;
        const std::size_t begin = i;
        while (i < line.size() && !is_space(line[i])) ++i;
        if (i > begin) fields.push_back(line.substr(begin, i - begin));
    }
}

/// Text collapsed to single spaces between words, trimmed: multi-line fields become one line.
[[nodiscard]] inline std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (const char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
        } else {
            if (pending_space) out += ' ';
            pending_space = false;
            out += c;
        }
    }
    return out;
}

/// "source:line: message", the form of every malformed-input error of the file readers.
[[nodiscard]] inline std::string located(std::string_view source, std::size_t line, std::string_view message) {
    std::string out;
    out.reserve(source.size() + message.size() + 24);
    out.append(source).append(":").append(std::to_string(line)).append(": ").append(message);
    return out;
}

/// Reads the next line without its '\n' (and without a '\r' left by CRLF files); false at end.
inline bool read_line(std::istream& in, std::string& line) {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

/// The whole of `text` as an integer, or nothing (no sign tolerance beyond a leading '-').
template <class Int> [[nodiscard]] std::optional<Int> to_integer(std::string_view text) {
    Int value{};
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

/// The whole of `text` as a double, or nothing.
[[nodiscard]] inline std::optional<double> to_double(std::string_view text) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

} // namespace newssearch::text
