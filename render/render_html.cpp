#include "render/render_html.hpp"

#include <algorithm>

namespace newssearch::render {

std::string html_escape(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&#39;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

std::string html_marked(std::string_view text, const std::vector<ByteRange>& ranges) {
    std::string html;
    std::size_t done = 0;
    for (const ByteRange& range : ranges) {
        const std::size_t begin = range.begin;
        const std::size_t end = std::min<std::size_t>(range.end, text.size());
        if (begin < done || begin >= end)
            continue;
        html += html_escape(text.substr(done, begin - done));
        html += "<mark>";
        html += html_escape(text.substr(begin, end - begin));
        html += "</mark>";
        done = end;
    }
    html += html_escape(text.substr(done));
    return html;
}

std::string snippet_html(const Hit& hit) {
    std::string html;
    if (hit.snippet_starts_mid_text)
        html += "\u2026";
    html += html_marked(hit.snippet, hit.highlights);
    if (hit.snippet_ends_mid_text)
        html += "\u2026";
    return html;
}

std::string title_html(const Hit& hit) {
    return html_marked(hit.article.title, hit.title_highlights);
}

} // namespace newssearch::render
