#pragma once
/// Internal helpers shared by the evaluation readers (line reading, field splitting, number
/// parsing, "file:line: message" errors). Not part of the public API: include only from
/// searcher/eval/*.cpp.

#include <charconv>
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace newssearch::eval::detail {

/// Whitespace as C's isspace() in the "C" locale, which is what trec_eval splits fields on.
[[nodiscard]] constexpr bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/// `text` without leading and trailing whitespace.
[[nodiscard]] inline std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

/// `text` without trailing whitespace.
[[nodiscard]] inline std::string_view trim_right(std::string_view text) {
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

/// Splits `line` on runs of whitespace into `fields` (cleared first); never yields empty fields.
inline void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
    fields.clear();
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_space(line[i]))
            ++i;
        const std::size_t begin = i;
        while (i < line.size() && !is_space(line[i]))
            ++i;
        if (i > begin)
            fields.push_back(line.substr(begin, i - begin));
    }
}

/// True when `text` contains a whitespace character.
[[nodiscard]] inline bool has_space(std::string_view text) {
    for (char c : text)
        if (is_space(c))
            return true;
    return false;
}

/// Text collapsed to single spaces between words, trimmed: multi-line fields become one line.
[[nodiscard]] inline std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
        } else {
            if (pending_space)
                out += ' ';
            pending_space = false;
            out += c;
        }
    }
    return out;
}

/// "source:line: message", the form of every malformed-input error of this module.
[[nodiscard]] inline std::string located(std::string_view source, std::size_t line,
                                         std::string_view message) {
    std::string out;
    out.reserve(source.size() + message.size() + 24);
    out.append(source).append(":").append(std::to_string(line)).append(": ").append(message);
    return out;
}

/// Reads the next line without its '\n' (and without a '\r' left by CRLF files); false at end.
inline bool read_line(std::istream& in, std::string& line) {
    if (!std::getline(in, line))
        return false;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return true;
}

/// The whole of `text` as an integer, or nothing (no sign tolerance beyond a leading '-').
template <class Int> [[nodiscard]] std::optional<Int> to_integer(std::string_view text) {
    Int value{};
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end)
        return std::nullopt;
    return value;
}

/// The whole of `text` as a double, or nothing.
[[nodiscard]] inline std::optional<double> to_double(std::string_view text) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end)
        return std::nullopt;
    return value;
}

/// An all-digit id without its leading zeros ("001" -> "1", "0" -> "0"), so that ids written
/// with padding match judgments written without; any other id is returned unchanged.
[[nodiscard]] inline std::string normalise_numeric_id(std::string_view id) {
    if (id.empty())
        return {};
    for (char c : id)
        if (c < '0' || c > '9')
            return std::string(id);
    while (id.size() > 1 && id.front() == '0')
        id.remove_prefix(1);
    return std::string(id);
}

} // namespace newssearch::eval::detail
