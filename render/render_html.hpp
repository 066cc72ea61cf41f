#pragma once
/// The HTML form of a hit: escaped text with matched words in <mark>, ready to insert in a page.
/// Every byte of article text passes through html_escape(), so markup in an article is shown as
/// text, never interpreted.

#include <newssearch/types.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace newssearch::render {

/// `text` with &, <, >, " and ' replaced by character references; other bytes unchanged.
[[nodiscard]] std::string html_escape(std::string_view text);

/// `text` HTML-escaped, with each of `ranges` (byte offsets into `text`, sorted, non-overlapping)
/// wrapped in <mark>...</mark>. Ranges past the end of the text are clipped; overlapping or
/// unsorted ones are skipped.
[[nodiscard]] std::string html_marked(std::string_view text, const std::vector<ByteRange>& ranges);

/// A hit's snippet as HTML: html_marked() with "…" where the passage goes on before or after it.
[[nodiscard]] std::string snippet_html(const Hit& hit);

/// A hit's title as HTML: html_marked() of the title with its highlights.
[[nodiscard]] std::string title_html(const Hit& hit);

} // namespace newssearch::render
