#pragma once
/// "More like this": an article's most telling words as a query (Xapian's relevance feedback).

#include "common/analyzer.hpp"

#include <xapian.h>

#include <string>

namespace newssearch::searcher {

/// The 25 words that best tell the article `article_id` apart (stopwords, numbers and words no
/// other article has left out), OR-ed, without the article itself. Throws UsageError when no
/// article has that id or it has no such word.
[[nodiscard]] Xapian::Query more_like(const Xapian::Database& database, const Analyzer& analyzer,
                                      const std::string& article_id);

} // namespace newssearch::searcher
