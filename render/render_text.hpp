#pragma once
/// The human view of search results: for a terminal (ANSI colour) or plain text (piped).

#include <newssearch/types.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::render {

struct TextStyle {
    bool color = false; ///< ANSI escapes: bold titles, highlighted matches, dim metadata
};

/// Writes `text` with `highlights` (byte ranges into it) marked: in colour when `style.color`,
/// unmarked otherwise.
void write_marked(std::ostream& out, std::string_view text, const std::vector<ByteRange>& highlights,
                  const TextStyle& style);

/// Writes the result list: a summary line, notices, then per hit its rank, title, a metadata line
/// (source, date, passage, score) and the snippet.
void render_text(std::ostream& out, const SearchResults& result, const TextStyle& style);

} // namespace newssearch::render
