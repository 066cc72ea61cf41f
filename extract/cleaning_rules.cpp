#include "extract/cleaning_rules.hpp"

#include "extract/date_parser.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>

namespace newssearch::extract {

namespace {

template <std::size_t N> using Vocab = std::array<std::string_view, N>;

template <std::size_t N> bool in(const Vocab<N>& vocab, std::string_view word) {
    return std::find(vocab.begin(), vocab.end(), word) != vocab.end();
}

using text::is_space;

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_ascii(char c) {
    return static_cast<unsigned char>(c) < 0x80;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

template <std::size_t N> bool contains_any(std::string_view haystack, const Vocab<N>& needles) {
    return std::any_of(needles.begin(), needles.end(),
                       [&](std::string_view n) { return contains(haystack, n); });
}

using text::iequals;

/// Decodes the code point at s[i] and advances i; an invalid or truncated sequence yields
/// U+FFFD and advances one byte, so malformed input can never stall a loop.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += len;
    return cp;
}

bool is_letter(char32_t cp) {
    return u_isalpha(static_cast<UChar32>(cp)) != 0;
}

// Punctuation that may wrap a word: ASCII punctuation plus the curly quotes, guillemets, dashes
// and ellipsis that news text uses. Stripped from word edges when comparing lines.
constexpr Vocab<12> unicode_edge_punct{
    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB",
    "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA6", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\xBA"};

bool is_ascii_punct(char c) {
    return is_ascii(c) && !is_ascii_alnum(c) && !is_space(c);
}

std::string_view strip_edge_punct(std::string_view w) {
    bool changed = true;
    while (changed && !w.empty()) {
        changed = false;
        if (is_ascii_punct(w.front())) {
            w.remove_prefix(1);
            changed = true;
        } else if (is_ascii_punct(w.back())) {
            w.remove_suffix(1);
            changed = true;
        } else if (is_ascii(w.front()) && is_ascii(w.back())) {
            break; // Unicode punctuation begins and ends with bytes outside ASCII: none at either edge
        } else {
            for (std::string_view p : unicode_edge_punct) {
                if (w.starts_with(p)) {
                    w.remove_prefix(p.size());
                    changed = true;
                } else if (w.ends_with(p)) {
                    w.remove_suffix(p.size());
                    changed = true;
                }
            }
        }
    }
    return w;
}

/// Appends a word stripped of edge punctuation as a key word: lower-cased, the curly apostrophe
/// folded to '\''.
void append_key_word(std::string& out, std::string_view stripped) {
    static constexpr std::string_view curly_apostrophe = "\xE2\x80\x99";
    for (std::size_t i = 0; i < stripped.size(); ++i) {
        const char c = stripped[i];
        if (c == curly_apostrophe[0] && stripped.substr(i).starts_with(curly_apostrophe)) {
            out.push_back('\'');
            i += curly_apostrophe.size() - 1;
        } else {
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
    }
}

/// Calls visit(word) with each word of s stripped of its edge punctuation, skipping words that
/// were nothing but punctuation; stops when visit returns false.
template <typename Visit> void for_each_stripped_word(std::string_view s, Visit visit) {
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < s.size() && !is_space(s[i])) {
            ++i;
        }
        const std::string_view stripped = strip_edge_punct(s.substr(start, i - start));
        if (!stripped.empty() && !visit(stripped)) {
            return;
        }
    }
}

/// Lower-cased key words of a line (see line_key).
std::vector<std::string> key_words(std::string_view s) {
    std::vector<std::string> out;
    for_each_stripped_word(s, [&](std::string_view stripped) {
        append_key_word(out.emplace_back(), stripped);
        return true;
    });
    return out;
}

/// The key words of a line that has at most max_words of them, else nothing: the rules for
/// short lines reject a long one before lower-casing any of its words.
std::optional<std::vector<std::string>> key_words_at_most(std::string_view s, std::size_t max_words) {
    if (more_key_words_than(s, max_words)) {
        return std::nullopt;
    }
    return key_words(s);
}

/// Words joined by single spaces: a line key from key words.
std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        if (!out.empty()) {
            out.push_back(' ');
        }
        out += w;
    }
    return out;
}

std::unordered_set<std::string> key_word_set(std::string_view s) {
    auto words = key_words(s);
    return {std::make_move_iterator(words.begin()), std::make_move_iterator(words.end())};
}

// Navigation vocabulary. Actions never name a section, so one of them marks a menu line.
constexpr Vocab<48> nav_actions{
    "subscribe",  "subscriber",  "subscribers", "subscription", "subscriptions", "donate",
    "donation",   "donations",   "login",       "log",          "logout",        "signin",
    "signup",     "sign",        "register",    "menu",         "search",        "account",
    "newsletter", "newsletters", "contact",     "home",         "homepage",      "skip",
    "navigation", "toggle",      "close",       "shop",         "store",         "advertise",
    "careers",    "jobs",        "e-edition",   "epaper",       "membership",    "join",
    "support",    "follow",      "profile",     "help",         "faq",           "terms",
    "privacy",    "give",        "gift",        "renew",        "manage",        "myaccount"};

constexpr Vocab<64> nav_sections{
    "news",      "world",       "politics",  "business",      "economy",        "economics",
    "markets",   "finance",     "tech",      "technology",    "science",        "health",
    "sport",     "sports",      "culture",   "arts",          "entertainment",  "lifestyle",
    "style",     "travel",      "food",      "opinion",       "opinions",       "analysis",
    "editorial", "editorials",  "columns",   "columnists",    "features",       "foreign",
    "affairs",   "domestic",    "national",  "international", "local",          "regional",
    "uk",        "europe",      "asia",      "africa",        "americas",       "weather",
    "climate",   "environment", "education", "video",         "videos",         "photos",
    "podcasts",  "podcast",     "magazine",  "books",         "music",          "film",
    "movies",    "tv",          "society",   "religion",      "investigations", "blog",
    "blogs",     "events",      "archive",   "sections"};

// Small words that glue menu items together ("Sign in", "Skip to main content", "Support us").
constexpr Vocab<17> nav_joiners{"in",  "up",   "to",   "us",      "our",  "for",
                                "the", "and",  "now",  "content", "main", "out",
                                "me",  "free", "here", "more",    "back"};

// Dateline words: "Thursday" above a headline is when, not which section.
constexpr Vocab<22> calendar_words{
    "monday",    "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday", "today",
    "yesterday", "january", "february",  "march",    "april",    "june",     "july",   "august",
    "september", "october", "november",  "december", "tomorrow", "updated"};

bool is_nav_word(std::string_view low) {
    return in(nav_actions, low) || in(nav_sections, low);
}

constexpr Vocab<24> name_particles{"de",  "da",  "di",  "do",  "dos", "das", "del", "della",
                                   "van", "von", "der", "den", "ter", "la",  "le",  "du",
                                   "bin", "ibn", "al",  "el",  "af",  "av",  "zu",  "y"};

/// Offset just past the last personal name of a name list at the start of `s` ("Jane Doe,
/// John Roe and Max Mustermann, Reuters" -> up to "Mustermann"); 0 when it starts with none.
std::size_t leading_names_end(std::string_view s) {
    static constexpr Vocab<4> list_separators{", ", " and ", " & ", "; "};
    std::size_t start = 0;
    std::size_t end = 0;
    while (start < s.size()) {
        std::size_t sep = std::string_view::npos;
        std::size_t sep_len = 0;
        for (std::string_view candidate : list_separators) {
            std::size_t p = s.find(candidate, start);
            if (p < sep) {
                sep = p;
                sep_len = candidate.size();
            }
        }
        std::string_view segment = trim(
            s.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
        if (!is_personal_name(segment)) {
            break;
        }
        end = (sep == std::string_view::npos) ? s.size() : sep;
        if (sep == std::string_view::npos) {
            break;
        }
        start = sep + sep_len;
    }
    return end;
}

/// Lower-cased `s` without a trailing ':' (label comparisons).
std::string label_key(std::string_view s) {
    s = trim(s);
    while (!s.empty() && s.back() == ':') {
        s.remove_suffix(1);
    }
    return ascii_lower(trim(s));
}

std::optional<HeaderLabel> header_label(std::string_view text) {
    static constexpr Vocab<5> source_labels{"source", "publisher", "site", "news source", "origin"};
    static constexpr Vocab<8> category_labels{"category", "categories",  "section",    "topic",
                                              "rubric",   "filed under", "department", "kicker"};
    static constexpr Vocab<7> author_labels{"author",   "authors", "written by", "byline",
                                            "reporter", "by",      "words"};
    static constexpr Vocab<12> date_labels{"date",           "publication date", "published",
                                           "published on",   "posted",           "posted on",
                                           "updated",        "last updated",     "date published",
                                           "published date", "first published",  "release date"};
    const std::string key = label_key(text);
    if (in(source_labels, key)) {
        return HeaderLabel::source;
    }
    if (in(category_labels, key)) {
        return HeaderLabel::category;
    }
    if (in(author_labels, key)) {
        return HeaderLabel::author;
    }
    if (in(date_labels, key)) {
        return HeaderLabel::date;
    }
    return std::nullopt;
}

/// The validated value of a label, or nullopt when `value` cannot be that label's value.
std::optional<std::string> validated_value(HeaderLabel label, std::string_view value) {
    value = trim(value);
    if (value.empty()) {
        return std::nullopt;
    }
    switch (label) {
    case HeaderLabel::source:
        if (is_domain_like(value)) {
            return std::string(bare_domain(value));
        }
        if (word_count(value) <= 5 && !ends_with_sentence_punctuation(value)) {
            return std::string(value);
        }
        return std::nullopt;
    case HeaderLabel::category:
        if (word_count(value) <= 4 && !ends_with_sentence_punctuation(value) &&
            !contains(value, ":")) {
            return std::string(value);
        }
        return std::nullopt;
    case HeaderLabel::author:
        if (std::size_t end = leading_names_end(value); end > 0) {
            return std::string(value.substr(0, end));
        }
        return std::nullopt;
    case HeaderLabel::date:
        return parse_date_line(value);
    }
    return std::nullopt;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.push_back(c);
    }
    return out;
}

/// Whether `inside` has an agency or photo word (via, Photo, Getty, AP, Reuters, ...).
bool has_credit_word(std::string_view inside) {
    static constexpr Vocab<50> cues{
        "via",       "Photo", "Photos",  "photo",     "Photograph", "Photographer", "Getty",
        "Images",    "AP",    "AFP",     "EPA",       "UPI",        "AAP",          "PA",
        "ANP",       "TASS",  "dpa",     "DPA",       "Reuters",    "REUTERS",      "Shutterstock",
        "Bloomberg", "Pool",  "Alamy",   "Xinhua",    "Sputnik",    "Anadolu",      "NurPhoto",
        "Imago",     "IMAGO", "Handout", "handout",   "Courtesy",   "courtesy",     "Abaca",
        "ABACA",     "Zuma",  "ZUMA",    "SIPA",      "Sipa",       "Wikimedia",    "Unsplash",
        "Pexels",    "Kyodo", "Yonhap",  "WireImage", "Corbis",     "iStock",       "Gettyimages",
        "Credit"};
    std::size_t i = 0;
    while (i < inside.size()) {
        std::size_t j = inside.find_first_of(" ,/;:", i);
        if (j == std::string_view::npos) {
            j = inside.size();
        }
        std::string_view tok = inside.substr(i, j - i);
        while (!tok.empty() && tok.back() == '.') {
            tok.remove_suffix(1);
        }
        if (tok.ends_with(".com")) {
            tok.remove_suffix(4);
        }
        if (in(cues, tok)) {
            return true;
        }
        i = j + 1;
    }
    return false;
}

/// Whether `inside` has a `Name/Agency` slash: a slash between a letter and a capitalised word.
bool has_credit_slash(std::string_view inside) {
    for (std::size_t p = inside.find('/'); p != std::string_view::npos;
         p = inside.find('/', p + 1)) {
        if (p > 0 && p + 1 < inside.size() && !is_space(inside[p - 1]) &&
            !(inside[p - 1] >= '0' && inside[p - 1] <= '9') &&
            starts_with_capital(inside.substr(p + 1))) {
            return true;
        }
    }
    return false;
}

bool has_credit_cue(std::string_view inside) {
    return has_credit_word(inside) || has_credit_slash(inside);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Text helpers

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) {
            ++i;
        }
        std::size_t start = i;
        while (i < s.size() && !is_space(s[i])) {
            ++i;
        }
        if (i > start) {
            words.push_back(s.substr(start, i - start));
        }
    }
    return words;
}

namespace {

/// The words of `s`, counted no further than one past `limit`: the rest of a long line is not
/// read.
std::size_t count_words_up_to(std::string_view s, std::size_t limit) {
    std::size_t count = 0;
    bool in_word = false;
    for (char c : s) {
        if (is_space(c)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            if (++count > limit) {
                break;
            }
        }
    }
    return count;
}

} // namespace

std::size_t word_count(std::string_view s) {
    return count_words_up_to(s, s.size());
}

bool more_words_than(std::string_view s, std::size_t limit) {
    return count_words_up_to(s, limit) > limit;
}

bool ends_with_sentence_punctuation(std::string_view s) {
    static constexpr Vocab<5> closers{"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE2\x80\xBA",
                                      "\xE2\x80\x9C"};
    s = trim(s);
    bool changed = true;
    while (changed && !s.empty()) {
        changed = false;
        const char c = s.back();
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_') {
            s.remove_suffix(1);
            changed = true;
            continue;
        }
        for (std::string_view closer : closers) {
            if (s.ends_with(closer)) {
                s.remove_suffix(closer.size());
                changed = true;
                break;
            }
        }
    }
    if (s.empty()) {
        return false;
    }
    const char last = s.back();
    return last == '.' || last == '!' || last == '?' || s.ends_with("\xE2\x80\xA6");
}

bool is_sentence_like(std::string_view s, std::size_t min_words) {
    return word_count(s) >= min_words && ends_with_sentence_punctuation(s);
}

bool more_key_words_than(std::string_view s, std::size_t limit) {
    std::size_t count = 0;
    for_each_stripped_word(s, [&](std::string_view) { return ++count <= limit; });
    return count > limit;
}

std::string line_key(std::string_view s) {
    std::string key;
    key.reserve(s.size());
    for_each_stripped_word(s, [&](std::string_view stripped) {
        if (!key.empty()) {
            key.push_back(' ');
        }
        append_key_word(key, stripped);
        return true;
    });
    return key;
}

double word_overlap(std::string_view a, std::string_view b) {
    const auto set_a = key_word_set(a);
    const auto set_b = key_word_set(b);
    if (set_a.empty() || set_b.empty()) {
        return 0.0;
    }
    const auto& smaller = set_a.size() <= set_b.size() ? set_a : set_b;
    const auto& larger = set_a.size() <= set_b.size() ? set_b : set_a;
    std::size_t common = 0;
    for (const std::string& w : smaller) {
        common += larger.count(w);
    }
    return static_cast<double>(common) / static_cast<double>(smaller.size());
}

bool words_contained_in(std::string_view part, std::string_view whole) {
    const auto part_words = key_words(part);
    if (part_words.empty()) {
        return false;
    }
    const auto whole_set = key_word_set(whole);
    return std::all_of(part_words.begin(), part_words.end(),
                       [&](const std::string& w) { return whole_set.count(w) > 0; });
}

bool starts_with_capital(std::string_view word) {
    if (word.empty()) {
        return false;
    }
    std::size_t i = 0;
    const auto cp = static_cast<UChar32>(next_code_point(word, i));
    return u_isupper(cp) != 0 || u_istitle(cp) != 0;
}

std::string_view bare_domain(std::string_view s) {
    s = trim(s);
    for (std::string_view prefix : {"https://", "http://"}) {
        if (s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix)) {
            s.remove_prefix(prefix.size());
        }
    }
    if (s.size() > 4 && iequals(s.substr(0, 4), "www.")) {
        s.remove_prefix(4);
    }
    while (!s.empty() && s.back() == '/') {
        s.remove_suffix(1);
    }
    return s;
}

bool is_domain_like(std::string_view s) {
    s = bare_domain(s);
    if (s.empty() || s.size() > 253) {
        return false;
    }
    std::size_t labels = 0;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = s.find('.', start);
        std::string_view label =
            s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
        if (label.empty() || label.front() == '-' || label.back() == '-') {
            return false;
        }
        for (char c : label) {
            if (!is_ascii_alnum(c) && c != '-') {
                return false;
            }
        }
        ++labels;
        if (dot == std::string_view::npos) {
            // The top-level label: letters only, at least two.
            if (label.size() < 2) {
                return false;
            }
            for (char c : label) {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                    return false;
                }
            }
            break;
        }
        start = dot + 1;
    }
    return labels >= 2;
}

bool is_function_word(std::string_view low) {
    static constexpr Vocab<66> words{
        "a",     "an",    "the",   "of",    "to",    "in",   "on",    "at",     "for",   "with",
        "by",    "from",  "and",   "or",    "but",   "nor",  "is",    "are",    "was",   "were",
        "be",    "been",  "being", "has",   "have",  "had",  "do",    "does",   "did",   "that",
        "this",  "these", "those", "it",    "its",   "as",   "into",  "over",   "after", "before",
        "about", "not",   "no",    "will",  "would", "can",  "could", "should", "may",   "might",
        "must",  "his",   "her",   "their", "our",   "your", "my",    "we",     "you",   "he",
        "she",   "they",  "i",     "if",    "than",  "which"};
    return in(words, low);
}

// ---------------------------------------------------------------------------------------------
// Boilerplate predicates

bool is_cookie_banner(std::string_view line) {
    static constexpr Vocab<22> consent_cues{
        "consent",     "accept",      "agree",      "opt-out",  "opt out",      "opt in",
        "privacy",     "website",     "this site",  "our site", "browsing",     "browser",
        "experience",  "preferences", "settings",   "we use",   "uses cookies", "use of cookies",
        "use cookies", "personalis",  "personaliz", "partners"};
    if (!more_words_than(line, 80)) {
        const std::string low = ascii_lower(line);
        if (contains(low, "cookie") && contains_any(low, consent_cues)) {
            return true;
        }
    }
    // Consent buttons scraped as their own line.
    static constexpr Vocab<19> button_words{
        "accept",    "reject", "all",       "manage",  "preferences", "settings",  "i",
        "agree",     "ok",     "okay",      "decline", "consent",     "customise", "customize",
        "necessary", "only",   "essential", "allow",   "cookies"};
    static constexpr Vocab<7> button_verbs{"accept", "reject", "decline", "consent",
                                           "agree",  "manage", "allow"};
    const auto keys = key_words_at_most(line, 4);
    if (!keys || keys->empty()) {
        return false;
    }
    bool has_verb = false;
    for (const std::string& w : *keys) {
        if (!in(button_words, w)) {
            return false;
        }
        has_verb = has_verb || in(button_verbs, w);
    }
    return has_verb;
}

bool is_language_switch_prompt(std::string_view line) {
    if (more_words_than(line, 40) || !more_words_than(line, 0)) {
        return false;
    }
    const std::string low = ascii_lower(line);
    static constexpr Vocab<6> offers{"switch",  "prefer",       "available in",
                                     "read in", "read this in", "change language"};
    static constexpr Vocab<3> subjects{"version", "language", "edition"};
    static constexpr Vocab<6> page_words{"website", "site",     "page",
                                         "browser", "settings", "article"};
    if (contains_any(low, offers) && contains_any(low, subjects) && contains_any(low, page_words)) {
        return true;
    }
    if (!more_words_than(line, 4)) {
        const std::string key = line_key(line);
        static constexpr Vocab<2> short_subjects{"version", "edition"};
        if (contains_any(key, short_subjects) && !ends_with_sentence_punctuation(line)) {
            return true;
        }
        return key.starts_with("switch to ") || key.starts_with("read in ") ||
               key.starts_with("read this in ") || key == "in english";
    }
    return false;
}

bool is_share_line(std::string_view line) {
    if (more_words_than(line, 8)) {
        return false;
    }
    const auto keys = key_words(line);
    const auto raw = split_words(line);
    if (keys.empty()) {
        return false;
    }
    static constexpr Vocab<14> widget_words{"this",  "on",  "via", "article", "page",
                                            "story", "the", "to",  "with",    "post",
                                            "link",  "now", "it",  "video"};
    if (keys[0] == "share") {
        if (raw.size() == 1) {
            return true;
        }
        return raw[1].starts_with('@') || (keys.size() > 1 && in(widget_words, keys[1]));
    }
    static constexpr Vocab<27> social{
        "facebook", "twitter", "x",         "linkedin",  "whatsapp", "telegram",  "email",
        "e-mail",   "mail",    "print",     "copy",      "link",     "pinterest", "reddit",
        "share",    "tweet",   "messenger", "flipboard", "bluesky",  "threads",   "viber",
        "vk",       "sms",     "copied",    "url",       "comments", "comment"};
    static constexpr Vocab<11> networks{"facebook", "twitter",   "linkedin", "whatsapp",
                                        "telegram", "pinterest", "reddit",   "flipboard",
                                        "bluesky",  "copy",      "tweet"};
    if (keys.size() < 2) {
        return false;
    }
    bool has_network = false;
    for (const std::string& w : keys) {
        if (!in(social, w)) {
            return false;
        }
        has_network = has_network || in(networks, w);
    }
    return has_network;
}

bool is_comments_prompt(std::string_view line) {
    static constexpr Vocab<6> prompts{"no comments yet",       "there are no comments yet", "be the first to comment",
                                      "be the first to comment on this", "comments are closed", "comments closed"};
    return !more_words_than(line, 8) && (in(prompts, line_key(line)) || is_comments_heading(line));
}

bool is_post_footer_line(std::string_view line) {
    // The blog engine's sentence about the post ("This entry was posted on May 3, 2012 at 9:14 am
    // and is filed under News. You can follow any responses to this entry through the RSS 2.0
    // feed."): it names the post and its categories, it says nothing of the story.
    const std::string opening = ascii_lower(trim(line).substr(0, 10));
    if ((opening == "this entry" || opening.starts_with("this post")) && !more_words_than(line, 80)) {
        const std::string key = line_key(line);
        if ((key.starts_with("this entry was posted") || key.starts_with("this post was posted") ||
             key.starts_with("this entry was published") || key.starts_with("this post was published")) &&
            key.find(" filed under ") != std::string::npos) {
            return true;
        }
    }
    if (more_words_than(line, 30)) {
        return false;
    }
    // Items between separators.
    std::vector<std::string_view> items;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        std::size_t separator = 0;
        if (i == line.size() || line[i] == '|') {
            separator = 1;
        } else if (line.substr(i).starts_with("\xC2\xB7")) { // ·
            separator = 2;
        } else if (line.substr(i).starts_with("\xE2\x80\xA2")) { // •
            separator = 3;
        }
        if (separator == 0) {
            continue;
        }
        if (const std::string_view item = trim(line.substr(start, i - start)); !item.empty()) {
            items.push_back(item);
        }
        start = i + separator;
        i = start - 1;
    }
    if (items.size() < 2) {
        return false;
    }
    static constexpr Vocab<7> marks{"permalink", "trackback", "trackbacks", "comment", "comments", "reply", "no comments"};
    const auto is_number = [](const std::string& w) {
        return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    for (const std::string_view item : items) {
        std::vector<std::string> keys = key_words(item);
        // "3 Comments", "Comments (3)": the count says nothing about what the item is.
        if (!keys.empty() && is_number(keys.front())) {
            keys.erase(keys.begin());
        }
        if (!keys.empty() && is_number(keys.back())) {
            keys.pop_back();
        }
        const std::string key = join_words(keys);
        if (in(marks, key) || key == "leave a comment") {
            return true;
        }
    }
    return false;
}

bool is_rights_notice(std::string_view line) {
    if (more_words_than(line, 40)) {
        return false;
    }
    // Every notice below has "reserved", "may" (not be) or "version" (of this) among its words.
    static constexpr Vocab<3> cues{"reserved", "may", "version"};
    if (!contains_any(ascii_lower(line), cues)) {
        return false;
    }
    const std::string key = line_key(line);
    const bool reserved = key.find("all rights reserved") != std::string::npos;
    const bool restricted = key.find("may not be published") != std::string::npos ||
                            key.find("may not be reproduced") != std::string::npos ||
                            key.find("may not be redistributed") != std::string::npos ||
                            key.find("may not be rewritten") != std::string::npos;
    const std::string_view trimmed = trim(line);
    const bool copyright_mark = trimmed.starts_with("\xC2\xA9") || key.starts_with("c ") ||
                                key.starts_with("copyright ") || trimmed.starts_with("(c)") ||
                                trimmed.starts_with("(C)");
    if (copyright_mark && (reserved || restricted)) {
        return true;
    }
    if (key == "all rights reserved" || (key.starts_with("this material may not be") && restricted)) {
        return true;
    }
    static constexpr Vocab<4> print_notices{"a version of this article appear", "a version of this story appear",
                                            "a version of this review appear", "a version of this column appear"};
    return std::any_of(print_notices.begin(), print_notices.end(),
                       [&](std::string_view start) { return key.starts_with(start); });
}

bool is_advertisement_line(std::string_view line) {
    static constexpr Vocab<31> vocab{
        "advertisement", "advertisements", "advertising", "advert",   "ad",      "ads",
        "sponsored",     "content",        "promoted",    "story",    "article", "continues",
        "continue",      "below",          "reading",     "scroll",   "to",      "with",
        "paid",          "partner",        "post",        "by",       "the",     "after",
        "this",          "from",           "our",         "sponsors", "sponsor", "feature",
        "commercial"};
    static constexpr Vocab<12> core{
        "advertisement", "advertisements", "advertising", "advert",   "ad",      "ads",
        "sponsored",     "promoted",       "continues",   "continue", "sponsor", "sponsors"};
    const auto keys = key_words_at_most(line, 6);
    if (!keys || keys->empty()) {
        return false;
    }
    bool has_core = false;
    for (const std::string& w : *keys) {
        if (!in(vocab, w)) {
            return false;
        }
        has_core = has_core || in(core, w);
    }
    return has_core;
}

bool is_page_control_label(std::string_view line) {
    if (more_words_than(line, 8)) {
        return false;
    }
    static constexpr Vocab<12> labels{"hide caption", "show caption", "toggle caption", "text size", "font size",
                                      "a a a", "text size a a a", "font size a a a", "text size a a",
                                      "font size a a", "follow us", "follow us on"};
    return in(labels, line_key(line));
}

bool is_reblog_note(std::string_view line) {
    if (more_words_than(line, 7)) {
        return false;
    }
    const auto raw = split_words(line);
    const auto keys = key_words(line);
    if (raw.size() != keys.size()) {
        return false;
    }
    // "<user> liked this", "<user> posted this", "<user> reblogged this from <user> [and added:]".
    if (keys.size() == 3) {
        return (keys[1] == "liked" || keys[1] == "posted") && keys[2] == "this" && !raw[2].ends_with('.');
    }
    return (keys.size() == 5 || (keys.size() == 7 && keys[5] == "and" && keys[6] == "added" && raw[6].ends_with(':'))) &&
           keys[1] == "reblogged" && keys[2] == "this" && keys[3] == "from";
}

bool is_audio_player_notice(std::string_view line) {
    if (more_words_than(line, 20)) {
        return false;
    }
    static constexpr Vocab<16> cues{"text to speech",
                                    "text-to-speech",
                                    "audionative",
                                    "audio player",
                                    "listen to this",
                                    "listen to article",
                                    "listen to the article",
                                    "listen to the story",
                                    "audio element",
                                    "support the audio",
                                    "play audio",
                                    "audio version",
                                    "min listen",
                                    "minute listen",
                                    "minutes listen",
                                    "loading the player"};
    const std::string low = ascii_lower(line);
    return contains_any(low, cues) || (contains(low, "loading") && contains(low, "player"));
}

namespace {

/// Rules (a) and (b) of is_navigation_line on one menu segment.
bool is_navigation_segment(std::string_view line) {
    const auto raw = split_words(line);
    if (raw.empty() || raw.size() > 12 || ends_with_sentence_punctuation(line)) {
        return false;
    }
    std::size_t words = 0;
    std::size_t nav = 0;
    bool has_action = false;
    bool all_vocab = true;
    bool all_capitalised = true;
    bool has_function_word = false;
    for (std::string_view w : raw) {
        const std::string_view stripped = strip_edge_punct(w);
        if (stripped.empty()) {
            continue; // "|", "&", "·": separators between menu items
        }
        ++words;
        std::string low = ascii_lower(stripped);
        const bool action = in(nav_actions, low);
        const bool vocab = action || in(nav_sections, low);
        has_action = has_action || action;
        nav += vocab ? 1 : 0;
        all_vocab = all_vocab && (vocab || in(nav_joiners, low));
        all_capitalised = all_capitalised && starts_with_capital(stripped);
        has_function_word = has_function_word || is_function_word(low);
    }
    if (words == 0) {
        return false;
    }
    if (all_vocab && has_action) {
        return true;
    }
    return words >= 3 && all_capitalised && !has_function_word && nav >= 2 && nav * 2 >= words;
}

} // namespace

bool is_navigation_line(std::string_view line) {
    if (more_words_than(line, 12)) {
        return false;
    }
    if (is_navigation_segment(line)) {
        return true;
    }
    // "The Guardian - Back to homepage": a site name glued to a menu item.
    static constexpr Vocab<6> separators{" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                         " | ", " \xC2\xB7 ",     " \xE2\x80\xA2 "};
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (true) {
        std::size_t best = std::string_view::npos;
        std::size_t best_len = 0;
        for (std::string_view sep : separators) {
            const std::size_t p = line.find(sep, start);
            if (p < best) {
                best = p;
                best_len = sep.size();
            }
        }
        segments.push_back(trim(line.substr(start, best == line.npos ? line.npos : best - start)));
        if (best == std::string_view::npos) {
            break;
        }
        start = best + best_len;
    }
    if (segments.size() < 2) {
        return false;
    }
    bool has_menu_segment = false;
    for (std::string_view segment : segments) {
        if (is_navigation_segment(segment)) {
            has_menu_segment = true;
        } else if (word_count(segment) > 3 || ends_with_sentence_punctuation(segment)) {
            return false;
        }
    }
    return has_menu_segment;
}

bool is_related_link_teaser(std::string_view line) {
    if (more_words_than(line, 25)) {
        return false;
    }
    static constexpr Vocab<12> prefixes{
        "read more:",     "read also:",   "also read:", "see also:",    "related:",
        "more:",          "watch:",       "read:",      "recommended:", "related article:",
        "related story:", "more on this:"};
    const std::string low = ascii_lower(trim(line).substr(0, 20));
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view p) { return std::string_view(low).starts_with(p); });
}

bool is_alt_text_dump(std::string_view line) {
    line = trim(line);
    if (line.size() < 15 || line.find(' ') != std::string_view::npos) {
        return false;
    }
    std::size_t separators = 0;
    std::size_t lettered_parts = 0;
    bool part_has_letter = false;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == ',' || line[i] == '_') {
            if (i < line.size()) {
                ++separators;
            }
            lettered_parts += part_has_letter ? 1 : 0;
            part_has_letter = false;
        } else if (!is_ascii(line[i]) || (line[i] >= 'a' && line[i] <= 'z') ||
                   (line[i] >= 'A' && line[i] <= 'Z')) {
            part_has_letter = true;
        }
    }
    return separators >= 4 && lettered_parts >= 3;
}

bool is_trailing_list_marker(std::string_view line) {
    if (more_words_than(line, 6)) {
        return false;
    }
    if (auto item = strip_bullet(line)) {
        line = *item;
    }
    const std::string key = line_key(line);
    static constexpr Vocab<50> markers{"related",
                                       "related posts",
                                       "related articles",
                                       "related stories",
                                       "related content",
                                       "related news",
                                       "related topics",
                                       "related coverage",
                                       "related reading",
                                       "related links",
                                       "related video",
                                       "more like this",
                                       "you may also like",
                                       "you might also like",
                                       "you may like",
                                       "you might like",
                                       "you may also be interested in",
                                       "read more",
                                       "recommended",
                                       "recommended for you",
                                       "recommended stories",
                                       "recommended articles",
                                       "recommended reading",
                                       "most read",
                                       "most popular",
                                       "most viewed",
                                       "most shared",
                                       "trending",
                                       "trending now",
                                       "trending stories",
                                       "trending news",
                                       "read next",
                                       "further reading",
                                       "up next",
                                       "see also",
                                       "also read",
                                       "editor's picks",
                                       "editors picks",
                                       "editors' picks",
                                       "explore more",
                                       "explore more on these topics",
                                       "top stories",
                                       "latest news",
                                       "latest stories",
                                       "more stories",
                                       "more news",
                                       "more articles",
                                       "more on this story",
                                       "what to read next",
                                       "don't miss"};
    return in(markers, key) || (key.starts_with("more from ") && key.size() > 10);
}

bool is_comments_heading(std::string_view line) {
    if (more_words_than(line, 12)) {
        return false;
    }
    std::vector<std::string> words = key_words(line);
    // A count first ("12 Comments", "One response"): the heading says the same without it.
    const bool counted = !words.empty() && (std::isdigit(static_cast<unsigned char>(words.front()[0])) ||
                                            words.front() == "one" || words.front() == "no");
    if (counted) {
        words.erase(words.begin());
    }
    if (words.empty()) {
        return false;
    }
    // A lone "Comment" is as often an opinion section's name; "1 Comment" is not.
    if (counted && words.size() == 1 && (words[0] == "comment" || words[0] == "response" || words[0] == "reply")) {
        return true;
    }
    const std::string key = join_words(words);
    static constexpr Vocab<12> headings{"comments", "responses", "replies",
                                        "reader comments", "readers comments", "leave a reply", "leave a comment",
                                        "post a comment", "add a comment", "discussion", "join the discussion",
                                        "what readers say"};
    if (in(headings, key)) {
        return true;
    }
    // "3 Responses to <title>", "5 thoughts on <title>": counted, or it may be a sentence
    // ("Responses to the storm were slow").
    const std::string& first = words.front();
    if (!counted || words.size() <= 2) {
        return false;
    }
    const bool comments_word = first == "responses" || first == "response" || first == "comments" || first == "comment";
    const bool thoughts_word = first == "thoughts" || first == "thought";
    return (comments_word && (words[1] == "to" || words[1] == "on")) || (thoughts_word && words[1] == "on");
}

// ---------------------------------------------------------------------------------------------
// Transforms

std::string strip_markup(std::string_view line) {
    // 1. "**" is never text: bold delimiters, paired or stray.
    std::string s;
    s.reserve(line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*') {
            ++i;
            continue;
        }
        s.push_back(line[i]);
    }

    // An emphasis delimiter opens after a boundary and closes before one; inside a word
    // ("snake__case", "5*3") it is text.
    auto opens = [](const std::string& t, std::size_t pos, std::size_t len) {
        const bool before_ok = pos == 0 || (is_ascii(t[pos - 1]) && !is_ascii_alnum(t[pos - 1]));
        return before_ok && pos + len < t.size() && !is_space(t[pos + len]);
    };
    auto closes = [](const std::string& t, std::size_t pos, std::size_t len) {
        const bool after_ok =
            pos + len >= t.size() || !is_ascii(t[pos + len]) || !is_ascii_alnum(t[pos + len]);
        return after_ok && pos > 0 && !is_space(t[pos - 1]);
    };

    // 2. "__x__" emphasis.
    {
        std::string out;
        out.reserve(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '_' && i + 1 < s.size() && s[i + 1] == '_' &&
                (opens(s, i, 2) || closes(s, i, 2))) {
                ++i;
                continue;
            }
            out.push_back(s[i]);
        }
        s.swap(out);
    }

    // 3. "*x*" emphasis: an opening star paired with the next star when that one closes.
    {
        std::vector<std::size_t> stars;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '*') {
                stars.push_back(i);
            }
        }
        std::vector<bool> drop(s.size(), false);
        for (std::size_t k = 0; k + 1 < stars.size(); ++k) {
            if (opens(s, stars[k], 1) && closes(s, stars[k + 1], 1) &&
                stars[k + 1] > stars[k] + 1) {
                drop[stars[k]] = true;
                drop[stars[k + 1]] = true;
                ++k;
            }
        }
        std::string out;
        out.reserve(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (!drop[i]) {
                out.push_back(s[i]);
            }
        }
        s.swap(out);
    }

    // 4. "[text](url)" and "![alt](url)". Searches are bounded so that pathological input stays
    // linear.
    {
        constexpr std::size_t max_text = 300;
        constexpr std::size_t max_url = 1024;
        std::string out;
        out.reserve(s.size());
        std::size_t copied = 0;
        std::size_t pos = 0;
        for (std::size_t p = s.find("](", pos); p != std::string::npos; p = s.find("](", pos)) {
            pos = p + 2;
            const std::size_t lo = std::max(copied, p > max_text ? p - max_text : 0);
            const std::string_view window(s.data() + lo, p - lo);
            const std::size_t rel_open = window.rfind('[');
            if (rel_open == std::string_view::npos ||
                window.find(']', rel_open) != std::string_view::npos) {
                continue;
            }
            const std::size_t open = lo + rel_open;
            const std::string_view rest(s.data() + p + 2, std::min(max_url, s.size() - (p + 2)));
            const std::size_t rel_close = rest.find(')');
            if (rel_close == std::string_view::npos || rel_close == 0 ||
                rest.substr(0, rel_close).find(' ') != std::string_view::npos) {
                continue;
            }
            std::size_t start = open;
            if (start > copied && s[start - 1] == '!') {
                --start;
            }
            out.append(s, copied, start - copied);
            out.append(s, open + 1, p - open - 1);
            copied = p + 2 + rel_close + 1;
            pos = copied;
        }
        out.append(s, copied, std::string::npos);
        s.swap(out);
    }

    // 5. Leading "#" heading markers.
    std::string_view view = trim(s);
    if (is_markdown_heading(view)) {
        while (!view.empty() && view.front() == '#') {
            view.remove_prefix(1);
        }
    }
    return collapse_spaces(view);
}

bool is_markdown_heading(std::string_view line) {
    line = trim(line);
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') {
        ++hashes;
    }
    return hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ';
}

std::optional<std::string_view> strip_bullet(std::string_view line) {
    line = trim(line);
    // Typographic bullets may touch the text; ASCII ones need a space ("-5%", "*note").
    static constexpr Vocab<6> unicode_bullets{"\xE2\x80\xA2", "\xC2\xB7",     "\xE2\x97\xA6",
                                              "\xE2\x96\xAA", "\xE2\x80\xA3", "\xE2\x96\xBA"};
    for (std::string_view bullet : unicode_bullets) {
        if (line.starts_with(bullet)) {
            std::string_view rest = trim(line.substr(bullet.size()));
            if (rest.empty()) {
                return std::nullopt;
            }
            return rest;
        }
    }
    static constexpr Vocab<3> spaced_bullets{"- ", "* ", "\xE2\x80\x93 "};
    for (std::string_view bullet : spaced_bullets) {
        if (line.starts_with(bullet)) {
            std::string_view rest = trim(line.substr(bullet.size()));
            if (rest.empty()) {
                return std::nullopt;
            }
            return rest;
        }
    }
    return std::nullopt;
}

std::optional<CaptionParts> split_caption_credit(std::string_view paragraph) {
    paragraph = trim(paragraph);
    if (paragraph.size() < 3 || paragraph.back() != ')') {
        return std::nullopt;
    }
    // Credits are short: look for the matching '(' only within a bounded distance.
    constexpr std::size_t max_credit_bytes = 200;
    const std::size_t close = paragraph.size() - 1;
    const std::size_t limit = close > max_credit_bytes ? close - max_credit_bytes : 0;
    int depth = 0;
    std::size_t open = std::string_view::npos;
    for (std::size_t i = close + 1; i-- > limit;) {
        if (paragraph[i] == ')') {
            ++depth;
        } else if (paragraph[i] == '(') {
            if (--depth == 0) {
                open = i;
                break;
            }
        }
    }
    if (open == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view inside = trim(paragraph.substr(open + 1, close - open - 1));
    if (inside.empty() || word_count(inside) > 12 || ends_with_sentence_punctuation(inside) ||
        !has_credit_cue(inside)) {
        return std::nullopt;
    }
    return CaptionParts{collapse_spaces(paragraph.substr(0, open)), collapse_spaces(inside)};
}

bool is_photo_credit_line(std::string_view line) {
    line = trim(line);
    const bool parenthesised = line.size() > 2 && line.front() == '(' && line.back() == ')';
    if (parenthesised) {
        line = trim(line.substr(1, line.size() - 2));
    }
    // "Name/Agency", or spaced: "Saul Loeb / AFP".
    const std::size_t spaced = line.find(" / ");
    const bool credit_slash = has_credit_slash(line) ||
                       (spaced != std::string_view::npos && spaced > 0 && starts_with_capital(line.substr(spaced + 3)));
    if (line.empty() || more_words_than(line, 10) || ends_with_sentence_punctuation(line) || !credit_slash ||
        !(parenthesised || has_credit_word(line))) {
        return false;
    }
    // Names and agencies: every word capitalised, but for the joining words of a credit.
    static constexpr Vocab<8> joining{"via", "for", "and", "of", "the", "de", "van", "von"};
    for (std::string_view word : split_words(line)) {
        std::size_t slash = word.find('/');
        const std::string_view first = slash == std::string_view::npos ? word : word.substr(0, slash);
        if (first.empty() || first == "-" || first == "\xE2\x80\x93" || first == "|") {
            continue;
        }
        if (!starts_with_capital(first) && !in(joining, ascii_lower(first))) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> credit_line(std::string_view line) {
    line = trim(line);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon > 20) {
        return std::nullopt;
    }
    static constexpr Vocab<13> labels{
        "credit",       "credits",      "photo",       "photos",       "image",
        "images",       "photograph",   "picture",     "photo credit", "image credit",
        "image source", "illustration", "photo source"};
    if (!in(labels, label_key(line.substr(0, colon)))) {
        return std::nullopt;
    }
    std::string_view value = trim(line.substr(colon + 1));
    if (value.empty() || word_count(value) > 8 || is_sentence_like(value, 4)) {
        return std::nullopt;
    }
    while (!value.empty() && value.back() == '.') {
        value.remove_suffix(1);
    }
    return collapse_spaces(value);
}

TitleParts site_suffix_split(std::string_view line, std::string_view known_source) {
    line = trim(line);
    TitleParts result;
    auto is_known = [&](std::string_view part) {
        return !known_source.empty() && (iequals(part, known_source) ||
                                         iequals(bare_domain(part), bare_domain(known_source)));
    };

    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t bar = line.find(" | ", start);
        std::string_view part =
            trim(line.substr(start, bar == std::string_view::npos ? line.npos : bar - start));
        if (!part.empty()) {
            parts.push_back(part);
        }
        if (bar == std::string_view::npos) {
            break;
        }
        start = bar + 3;
    }

    if (parts.size() >= 2) {
        std::size_t title_idx = 0;
        for (std::size_t k = 1; k < parts.size(); ++k) {
            if (word_count(parts[k]) > word_count(parts[title_idx])) {
                title_idx = k;
            }
        }
        result.title = parts[title_idx];
        for (std::size_t k = 0; k < parts.size(); ++k) {
            if (k == title_idx) {
                continue;
            }
            const std::string_view part = parts[k];
            const bool last = k + 1 == parts.size();
            if (last && k > title_idx && result.source.empty()) {
                if (is_domain_like(part)) {
                    result.source = bare_domain(part);
                    continue;
                }
                if (is_known(part) || (parts.size() >= 3 && word_count(part) <= 5)) {
                    result.source = part;
                    continue;
                }
            }
            if (result.section.empty() && word_count(part) <= 3 && !is_domain_like(part)) {
                result.section = part;
            }
        }
        // A two-part line whose trailing part is neither a site nor a known source: the part is
        // unexplained furniture; it is dropped from the title but not guessed to be anything.
        if (parts.size() == 2 && result.source.empty() && title_idx == 0) {
            result.section.clear();
        }
        return result;
    }

    static constexpr Vocab<3> dashes{" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    std::size_t best = std::string_view::npos;
    std::size_t best_len = 0;
    for (std::string_view dash : dashes) {
        const std::size_t p = line.rfind(dash);
        if (p != std::string_view::npos && (best == std::string_view::npos || p > best)) {
            best = p;
            best_len = dash.size();
        }
    }
    if (best != std::string_view::npos && best > 0) {
        const std::string_view suffix = trim(line.substr(best + best_len));
        if (is_domain_like(suffix)) {
            result.title = trim(line.substr(0, best));
            result.source = bare_domain(suffix);
            return result;
        }
        if (is_known(suffix)) {
            result.title = trim(line.substr(0, best));
            result.source = suffix;
            return result;
        }
    }
    result.title = line;
    return result;
}

std::optional<std::string> source_from_share_line(std::string_view line) {
    if (!is_share_line(line)) {
        return std::nullopt;
    }
    for (std::string_view w : split_words(line)) {
        if (w.size() > 1 && w.front() == '@') {
            std::string_view handle = w.substr(1);
            while (!handle.empty() && is_ascii_punct(handle.back()) && handle.back() != '/') {
                handle.remove_suffix(1);
            }
            if (is_domain_like(handle)) {
                return std::string(bare_domain(handle));
            }
        }
    }
    return std::nullopt;
}

std::optional<LabelValue> label_value(std::string_view line, std::string_view next_line,
                                      bool blank_between) {
    line = trim(line);
    if (line.empty() || more_words_than(line, 12)) {
        return std::nullopt;
    }
    // Inline "Label: value".
    if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
        const std::string_view value = trim(line.substr(colon + 1));
        if (!value.empty()) {
            const auto label = header_label(line.substr(0, colon));
            if (!label) {
                return std::nullopt;
            }
            auto checked = validated_value(*label, value);
            if (!checked) {
                return std::nullopt;
            }
            return LabelValue{*label, std::move(*checked), false};
        }
    }
    // A line that is only the label; its value, if any, is the next line.
    const auto label = header_label(line);
    if (!label) {
        return std::nullopt;
    }
    if (blank_between || trim(next_line).empty()) {
        return LabelValue{*label, "", false};
    }
    if (auto checked = validated_value(*label, next_line)) {
        return LabelValue{*label, std::move(*checked), true};
    }
    return LabelValue{*label, "", false};
}

std::optional<std::string> byline_name(std::string_view line) {
    line = trim(line);
    static constexpr Vocab<7> prefixes{"by ",       "by:",           "written by ", "words by ",
                                       "story by ", "reporting by ", "text by "};
    const std::string low = ascii_lower(line.substr(0, std::min<std::size_t>(line.size(), 16)));
    std::string_view rest;
    bool matched = false;
    for (std::string_view prefix : prefixes) {
        if (std::string_view(low).starts_with(prefix)) {
            rest = trim(line.substr(prefix.size()));
            matched = true;
            break;
        }
    }
    if (!matched) {
        return std::nullopt;
    }
    const std::size_t end = leading_names_end(rest);
    if (end == 0) {
        return std::nullopt;
    }
    return std::string(trim(rest.substr(0, end)));
}

bool is_personal_name(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.size() > 50) {
        return false;
    }
    const auto words = split_words(line);
    if (words.size() < 2 || words.size() > 5) {
        return false;
    }
    std::size_t capitalised = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string_view w = words[k];
        const std::string low = ascii_lower(w);
        if (k > 0 && in(name_particles, low)) {
            continue;
        }
        if (!starts_with_capital(w) || is_function_word(low) || is_nav_word(low)) {
            return false;
        }
        for (std::size_t i = 0; i < w.size();) {
            const char32_t cp = next_code_point(w, i);
            const bool ok =
                is_letter(cp) || cp == '-' || cp == '\'' || cp == '.' || cp == U'\u2019';
            if (!ok) {
                return false;
            }
        }
        ++capitalised;
    }
    return capitalised >= 2 && capitalised <= 4;
}

bool is_kicker(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.size() > 40 || is_domain_like(line) || is_trailing_list_marker(line)) {
        return false;
    }
    std::size_t words = 0;
    for (std::string_view w : split_words(line)) {
        const std::string low = ascii_lower(w);
        if (w == "&" || low == "and") {
            continue;
        }
        if (!starts_with_capital(w) || is_function_word(low) || in(nav_actions, low) ||
            in(calendar_words, low)) {
            return false;
        }
        for (std::size_t i = 0; i < w.size();) {
            const char32_t cp = next_code_point(w, i);
            if (!is_letter(cp) && cp != '-') {
                return false;
            }
        }
        ++words;
    }
    return words >= 1 && words <= 3;
}

} // namespace newssearch::extract
