#pragma once
/// Files that sit among a collection's articles but are not articles: its documentation (README,
/// LICENSE, ...) and its lists (one entry per line: Reuters-21578's all-places-strings.lc.txt,
/// a data file of records). A folder walk skips them, with the reason; a file named on its own
/// is read whatever it is.

#include <cstddef>
#include <string>
#include <string_view>

namespace newssearch::extract {

/// Why a file called `file_name` is a collection's documentation and no article, or empty.
/// The name before its first dot is, in any case, README (or starts with it), LICENSE, LICENCE,
/// COPYING, AUTHORS, CHANGELOG, CHANGES, NOTICE or INSTALL.
[[nodiscard]] std::string not_article_by_name(std::string_view file_name);

/// Why the text `start` (the first bytes of a file) is a list and no article, or empty: at least
/// 10 non-blank lines, and 9 in 10 of its bytes on lines of one word each (no space inside the
/// line) — a word list or a file of records, never prose.
[[nodiscard]] std::string not_article_by_shape(std::string_view start);

/// How much of a file not_article_by_shape needs.
inline constexpr std::size_t shape_sample_bytes = 16 * 1024;

} // namespace newssearch::extract
