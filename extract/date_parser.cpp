#include "extract/date_parser.hpp"
#include "common/text.hpp"

#include <array>
#include <cstdio>
#include <vector>

namespace newssearch::extract {

namespace {

// Longer lines are prose or navigation, not a stated date; the bound also keeps the parser cheap.
constexpr std::size_t max_date_line_bytes = 160;

using text::is_digit;
using text::is_space;

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
    for (std::string_view item : set) {
        if (s == item) {
            return true;
        }
    }
    return false;
}

// Tokens are separated by whitespace and commas; commas never carry meaning in the accepted shapes.
std::vector<std::string_view> tokenize(std::string_view line) {
    std::vector<std::string_view> tokens;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (is_space(line[i]) || line[i] == ',')) {
            ++i;
        }
        std::size_t start = i;
        while (i < line.size() && !is_space(line[i]) && line[i] != ',') {
            ++i;
        }
        if (i > start) {
            tokens.push_back(line.substr(start, i - start));
        }
    }
    return tokens;
}

std::string_view strip_trailing(std::string_view s, char c) {
    while (!s.empty() && s.back() == c) {
        s.remove_suffix(1);
    }
    return s;
}

std::string_view strip_parens(std::string_view s) {
    if (!s.empty() && s.front() == '(') {
        s.remove_prefix(1);
    }
    if (!s.empty() && s.back() == ')') {
        s.remove_suffix(1);
    }
    return s;
}

/// Unsigned decimal with min_digits..max_digits digits and nothing else.
std::optional<int> parse_number(std::string_view s, std::size_t min_digits,
                                std::size_t max_digits) {
    if (s.size() < min_digits || s.size() > max_digits) {
        return std::nullopt;
    }
    int value = 0;
    for (char c : s) {
        if (!is_digit(c)) {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

bool is_separator(std::string_view tok) {
    static constexpr std::array<std::string_view, 10> separators{
        "|", "-", "/", ":", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x80\xA2", "at", "@"};
    return one_of(text::ascii_lower(tok), separators);
}

bool is_label(std::string_view tok) {
    static constexpr std::array<std::string_view, 12> labels{
        "published", "updated",     "posted",   "date",    "dated", "on",
        "last",      "publication", "modified", "created", "first", "originally"};
    return one_of(std::string_view(text::ascii_lower(strip_trailing(tok, ':'))), labels);
}

bool is_weekday(std::string_view tok) {
    static constexpr std::array<std::string_view, 19> weekdays{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon",    "tue",     "tues",      "wed",      "thu",    "thur",     "thurs",
        "fri",    "sat",     "sun",       "weds",     "tu"};
    std::string low = text::ascii_lower(strip_trailing(strip_trailing(tok, ':'), '.'));
    return one_of(std::string_view(low), weekdays);
}

/// 1..12 for an English month name or abbreviation ("Feb", "Feb.", "Sept", "February").
std::optional<int> month_from_name(std::string_view tok) {
    static constexpr std::array<std::string_view, 12> full{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    static constexpr std::array<std::string_view, 12> abbrev{
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string low = text::ascii_lower(strip_trailing(tok, '.'));
    for (std::size_t m = 0; m < 12; ++m) {
        if (low == full[m] || low == abbrev[m]) {
            return static_cast<int>(m) + 1;
        }
    }
    if (low == "sept") {
        return 9;
    }
    return std::nullopt;
}

/// "18", "8", "18th", "1st", "2nd", "3rd".
std::optional<int> day_from_token(std::string_view tok) {
    std::string low = text::ascii_lower(tok);
    std::string_view s = low;
    for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (s.size() > suffix.size() && s.ends_with(suffix)) {
            s.remove_suffix(suffix.size());
            break;
        }
    }
    return parse_number(s, 1, 2);
}

std::optional<int> year_from_token(std::string_view tok) {
    return parse_number(strip_trailing(tok, '.'), 4, 4);
}

std::string iso(int year, int month, int day) {
    std::array<char, 16> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02d", year, month, day);
    return std::string(buf.data());
}

/// Year-first numeric token: 2025-02-18, 2025/02/18, 2025.02.18, optionally "T13:06:00Z".
std::optional<std::string> year_first_token(std::string_view tok) {
    if (tok.size() < 8 || !is_digit(tok[0])) {
        return std::nullopt;
    }
    const char sep = tok.size() > 4 ? tok[4] : '\0';
    if (sep != '-' && sep != '/' && sep != '.') {
        return std::nullopt;
    }
    std::size_t tail = tok.find_first_of("Tt");
    std::string_view date = tok.substr(0, tail);
    std::size_t second = date.find(sep, 5);
    if (second == std::string_view::npos) {
        return std::nullopt;
    }
    auto year = parse_number(date.substr(0, 4), 4, 4);
    auto month = parse_number(date.substr(5, second - 5), 1, 2);
    auto day = parse_number(date.substr(second + 1), 1, 2);
    if (!year || !month || !day || !is_valid_date(*year, *month, *day)) {
        return std::nullopt;
    }
    return iso(*year, *month, *day);
}

/// Dotted day-first token: 18.02.2025.
std::optional<std::string> dotted_day_first_token(std::string_view tok) {
    std::size_t first = tok.find('.');
    if (first == std::string_view::npos) {
        return std::nullopt;
    }
    std::size_t second = tok.find('.', first + 1);
    if (second == std::string_view::npos) {
        return std::nullopt;
    }
    auto day = parse_number(tok.substr(0, first), 1, 2);
    auto month = parse_number(tok.substr(first + 1, second - first - 1), 1, 2);
    auto year = parse_number(tok.substr(second + 1), 4, 4);
    if (!year || !month || !day || !is_valid_date(*year, *month, *day)) {
        return std::nullopt;
    }
    return iso(*year, *month, *day);
}

struct DateMatch {
    std::string iso;
    std::size_t tokens = 0;
};

std::optional<DateMatch> match_date(const std::vector<std::string_view>& toks, std::size_t i) {
    if (i >= toks.size()) {
        return std::nullopt;
    }
    if (auto d = year_first_token(toks[i])) {
        return DateMatch{*d, 1};
    }
    if (auto d = dotted_day_first_token(toks[i])) {
        return DateMatch{*d, 1};
    }
    if (i + 2 >= toks.size()) {
        return std::nullopt;
    }
    // Month Day Year
    if (auto month = month_from_name(toks[i])) {
        auto day = day_from_token(toks[i + 1]);
        auto year = year_from_token(toks[i + 2]);
        if (day && year && is_valid_date(*year, *month, *day)) {
            return DateMatch{iso(*year, *month, *day), 3};
        }
        return std::nullopt;
    }
    // Day Month Year
    if (auto day = day_from_token(toks[i])) {
        auto month = month_from_name(toks[i + 1]);
        auto year = year_from_token(toks[i + 2]);
        if (month && year && is_valid_date(*year, *month, *day)) {
            return DateMatch{iso(*year, *month, *day), 3};
        }
    }
    return std::nullopt;
}

bool is_am_pm(std::string_view low) {
    static constexpr std::array<std::string_view, 6> forms{"am",   "pm",  "a.m.",
                                                           "p.m.", "a.m", "p.m"};
    return one_of(low, forms);
}

/// 1:06, 13:06:00, 1:06pm, 1:06p.m., and the dotted 13.06 some British sites print.
bool is_time(std::string_view tok) {
    std::string low = text::ascii_lower(tok);
    std::string_view s = low;
    std::size_t sep = s.find_first_of(":.");
    if (sep == std::string_view::npos || sep == 0 || sep > 2) {
        return false;
    }
    auto hour = parse_number(s.substr(0, sep), 1, 2);
    if (!hour || *hour > 24) {
        return false;
    }
    s.remove_prefix(sep + 1);
    auto minute = s.size() >= 2 ? parse_number(s.substr(0, 2), 2, 2) : std::nullopt;
    if (!minute || *minute > 59) {
        return false;
    }
    s.remove_prefix(2);
    if (s.size() >= 3 && s[0] == ':' && parse_number(s.substr(1, 2), 2, 2)) {
        s.remove_prefix(3);
    }
    return s.empty() || is_am_pm(s);
}

/// UTC, ET, Eastern, GMT+2, UTC+03:00, +02:00, +0200, (ET).
bool is_timezone(std::string_view tok) {
    static constexpr std::array<std::string_view, 38> zones{
        "utc",      "gmt",  "z",     "et",       "est",      "edt",     "ct",      "cst",
        "cdt",      "mt",   "mst",   "mdt",      "pt",       "pst",     "pdt",     "bst",
        "cet",      "cest", "eet",   "eest",     "msk",      "ist",     "jst",     "kst",
        "aest",     "aedt", "hkt",   "sgt",      "wib",      "eastern", "central", "pacific",
        "mountain", "time", "local", "standard", "daylight", "wet"};
    std::string low = text::ascii_lower(strip_parens(tok));
    std::string_view s = low;
    if (one_of(s, zones)) {
        return true;
    }
    for (std::string_view prefix : {"utc", "gmt"}) {
        if (s.starts_with(prefix)) {
            s.remove_prefix(prefix.size());
            break;
        }
    }
    if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) {
        return false;
    }
    s.remove_prefix(1);
    for (char c : s) {
        if (!is_digit(c) && c != ':') {
            return false;
        }
    }
    return s.size() <= 5;
}

bool is_function_word(std::string_view low) {
    static constexpr std::array<std::string_view, 40> words{
        "a",    "an",   "the",  "of",  "to",   "in",   "on",  "at",  "for",  "with",
        "by",   "from", "and",  "or",  "but",  "is",   "are", "was", "were", "be",
        "been", "has",  "have", "had", "that", "this", "it",  "as",  "will", "would",
        "he",   "she",  "they", "we",  "i",    "you",  "his", "her", "its",  "their"};
    return one_of(low, words);
}

/// Leftovers after the date that do not make the line prose: "fbpx" and similar tracking junk.
bool is_junk_tail(const std::vector<std::string_view>& toks, std::size_t from) {
    if (toks.size() - from > 2) {
        return false;
    }
    for (std::size_t j = from; j < toks.size(); ++j) {
        std::string_view t = toks[j];
        if (t.size() > 12) {
            return false;
        }
        for (char c : t) {
            bool ok = (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        if (is_function_word(t) || month_from_name(t) || is_weekday(t)) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> parse_date_line_impl(std::string_view line, int depth) {
    if (line.size() > max_date_line_bytes || depth > 2) {
        return std::nullopt;
    }
    const std::vector<std::string_view> toks = tokenize(line);
    std::size_t i = 0;
    bool seen_weekday = false;
    while (i < toks.size()) {
        if (is_label(toks[i]) || is_separator(toks[i])) {
            ++i;
        } else if (!seen_weekday && is_weekday(toks[i])) {
            seen_weekday = true;
            ++i;
        } else {
            break;
        }
    }
    auto match = match_date(toks, i);
    if (!match) {
        return std::nullopt;
    }
    std::size_t j = i + match->tokens;
    while (j < toks.size()) {
        std::string low = text::ascii_lower(toks[j]);
        if (is_separator(toks[j]) || is_time(toks[j]) || is_am_pm(low) || is_timezone(toks[j])) {
            ++j;
        } else {
            break;
        }
    }
    if (j == toks.size()) {
        return match->iso;
    }
    // "Feb 18, 2025 | Updated Feb 19, 2025": the first date is the publication date.
    const auto rest_offset = static_cast<std::size_t>(toks[j].data() - line.data());
    if (parse_date_line_impl(line.substr(rest_offset), depth + 1)) {
        return match->iso;
    }
    if (is_junk_tail(toks, j)) {
        return match->iso;
    }
    return std::nullopt;
}

} // namespace

bool is_valid_date(int year, int month, int day) {
    if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    static constexpr std::array<int, 12> days_in_month{31, 28, 31, 30, 31, 30,
                                                       31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int max_day = days_in_month[static_cast<std::size_t>(month - 1)];
    if (month == 2 && leap) {
        max_day = 29;
    }
    return day <= max_day;
}

std::optional<std::string> parse_date_line(std::string_view line) {
    return parse_date_line_impl(line, 0);
}

} // namespace newssearch::extract
