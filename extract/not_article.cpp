#include "extract/not_article.hpp"

#include <array>

namespace newssearch::extract {
namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trimmed(std::string_view line) {
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    return line;
}

} // namespace

std::string not_article_by_name(std::string_view file_name) {
    const std::string stem = lower_ascii(file_name.substr(0, file_name.find('.')));
    static constexpr std::array<std::string_view, 8> documentation = {
        "license", "licence", "copying", "authors", "changelog", "changes", "notice", "install"};
    bool matches = stem.starts_with("readme");
    for (const std::string_view name : documentation) matches = matches || stem == name;
    if (!matches) return {};
    return "not an article: the collection's documentation (" + std::string(file_name) +
           "); name the file to index it anyway";
}

std::string not_article_by_shape(std::string_view start) {
    std::size_t lines = 0;
    std::size_t one_word_lines = 0;
    std::size_t bytes = 0;
    std::size_t one_word_bytes = 0;
    // The last line may be cut by the sample: leave it out unless the whole file is here.
    const bool whole = start.size() < shape_sample_bytes;
    while (!start.empty()) {
        const std::size_t end = start.find('\n');
        if (end == std::string_view::npos && !whole) break;
        const std::string_view line = trimmed(start.substr(0, end));
        start.remove_prefix(end == std::string_view::npos ? start.size() : end + 1);
        if (line.empty()) continue;
        ++lines;
        bytes += line.size();
        if (line.find_first_of(" \t") == std::string_view::npos) {
            ++one_word_lines;
            one_word_bytes += line.size();
        }
    }
    // By bytes, not lines: a page's menu of one-word lines weighs little beside its paragraphs.
    if (lines < 10 || one_word_bytes * 10 < bytes * 9) return {};
    return "not an article: a list with one entry per line (" + std::to_string(one_word_lines) + " of " +
           std::to_string(lines) + " lines one word); name the file to index it anyway";
}

} // namespace newssearch::extract
