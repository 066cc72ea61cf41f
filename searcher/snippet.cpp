#include "searcher/snippet.hpp"
#include "common/text.hpp"

namespace newssearch::searcher {
namespace {

using text::is_space;

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Moves `at` forward to the start of the next word, unless that passes `limit`; then only to
/// the next character boundary.
std::size_t snap_start(std::string_view text, std::size_t at, std::size_t limit) {
    if (at == 0 || is_space(text[at - 1])) return at;
    std::size_t next = at;
    while (next < limit && !is_space(text[next])) ++next;
    if (next < limit) return next + 1;
    while (at < text.size() && is_continuation_byte(text[at])) ++at;
    return at;
}

/// Moves `at` back to the end of the previous word, unless that passes `floor`; then only to
/// the previous character boundary.
std::size_t snap_end(std::string_view text, std::size_t at, std::size_t floor) {
    if (at >= text.size() || is_space(text[at])) return at;
    std::size_t previous = at;
    while (previous > floor && !is_space(text[previous - 1])) --previous;
    if (previous > floor) return previous - 1;
    while (at > 0 && is_continuation_byte(text[at])) --at;
    return at;
}

} // namespace

Snippet make_snippet(std::string_view text, const std::vector<ByteRange>& highlights,
                     std::size_t max_bytes) {
    if (text.size() <= max_bytes || max_bytes == 0)
        return Snippet{std::string(text), highlights, false, false};

    // Pick the window that covers the most highlights; it opens a little before its first one.
    const std::size_t context = max_bytes / 4;
    std::size_t best_start = 0;
    std::size_t best_count = 0;
    for (std::size_t i = 0; i < highlights.size(); ++i) {
        const std::size_t start = highlights[i].begin > context ? highlights[i].begin - context : 0;
        std::size_t count = 0;
        for (std::size_t k = i; k < highlights.size() && highlights[k].end <= start + max_bytes; ++k) ++count;
        if (count > best_count) best_count = count, best_start = start;
    }
    std::size_t start = std::min(best_start, text.size() - max_bytes);
    std::size_t end = start + max_bytes;
    // Cut at spaces, but never so as to lose a mark the window was chosen for.
    std::size_t first_mark = end;
    std::size_t last_mark = start;
    for (const ByteRange& range : highlights) {
        if (range.begin >= start && range.end <= end) {
            first_mark = std::min(first_mark, range.begin);
            last_mark = std::max(last_mark, range.end);
        }
    }
    start = snap_start(text, start, first_mark);
    end = snap_end(text, end, last_mark);
    while (start < end && is_space(text[start])) ++start;
    while (end > start && is_space(text[end - 1])) --end;

    Snippet snippet;
    snippet.text = std::string(text.substr(start, end - start));
    snippet.starts_mid_text = start > 0;
    snippet.ends_mid_text = end < text.size();
    for (const ByteRange& range : highlights)
        if (range.begin >= start && range.end <= end)
            snippet.highlights.push_back({range.begin - start, range.end - start});
    return snippet;
}

} // namespace newssearch::searcher
