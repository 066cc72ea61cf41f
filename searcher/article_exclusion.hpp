#pragma once
/// "NOT word" and "-word" exclude whole articles, not just the passages that contain the word:
/// a reader who asks for "Lavrov -Alaska" does not want an article that mentions Alaska in
/// another paragraph.

#include <xapian.h>

#include <cstddef>

namespace newssearch::searcher {

/// Most articles an exclusion is widened to; past it (a very common excluded word), the
/// exclusion stays per passage.
inline constexpr std::size_t max_excluded_articles = 20000;

/// `query` with its top-level exclusions (AND_NOT, also under a FILTER) widened from passages to
/// the articles they occur in. Other queries are returned unchanged.
[[nodiscard]] Xapian::Query exclude_whole_articles(const Xapian::Database& database, const Xapian::Query& query);

} // namespace newssearch::searcher
