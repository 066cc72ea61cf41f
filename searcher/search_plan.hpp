#pragma once
/// The first two stages of a search: parse (the request's query text, or the article of `like`,
/// or only filters, read into a Xapian query) and plan (the filters, how the query may be relaxed,
/// how deep the matcher looks). A plan is data: it reads the index only for `like` and for
/// spelling, and it can be tested without running a match.

#include "searcher/query_builder.hpp"

#include <newssearch/types.hpp>

#include <xapian.h>

#include <string>

namespace newssearch::searcher {

struct SearchPlan {
    ParsedQuery parsed;         ///< the scored query, its spelling correction and notices
    QueryOptions query_options; ///< how the query text was read (to read it again relaxed)
    std::string query_text;     ///< what the query builder read (the bag of words, when asked)
    Xapian::Query filter;       ///< sources, entities and dates: narrows, never scores; empty: none
    bool date_filtered = false; ///< a date bound or --dated-only is in force
    /// The typed query may be searched again relaxed (its spelling correction, then any of its
    /// words) when nothing matched: only for the first page of a typed query.
    bool can_relax = false;
    Xapian::doccount first = 0;          ///< first article to fetch
    Xapian::doccount count = 0;          ///< articles to fetch
    Xapian::doccount check_at_least = 0; ///< articles the matcher looks at, for counts and facets

    /// `query` narrowed by the plan's filter.
    [[nodiscard]] Xapian::Query filtered(const Xapian::Query& query) const;
};

/// The words of `text` as written, separated by spaces: whatever syntax the text had is gone.
/// Capitals stay (entity names are recognised by them); upper-case operator words do not.
[[nodiscard]] std::string bag_of_words(const Analyzer& analyzer, std::string_view text);

/// Parses and plans `options` (already validated). `database` is read only for `like`. Throws
/// UsageError when the query has nothing searchable or `like` names no article.
[[nodiscard]] SearchPlan plan_search(const SearchOptions& options, const QueryBuilder& builder,
                                     const Analyzer& analyzer, const Xapian::Database& database);

} // namespace newssearch::searcher
