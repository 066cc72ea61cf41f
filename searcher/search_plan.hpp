#pragma once
/// The first two stages of a search: parse (the request's query text, or the article of `like`,
/// or only filters, read into a Xapian query) and plan (the filters, whether the query is ranked,
/// how deep the matcher looks). A plan is data: it reads the index only for `like` and for
/// spelling, and it can be tested without running a match.

#include "searcher/query_builder.hpp"

#include <newssearch/types.hpp>

#include <xapian.h>

#include <string>

namespace newssearch::searcher {

struct SearchPlan {
    ParsedQuery parsed;         ///< the scored query, its spelling correction and notices
    QueryOptions query_options; ///< how the query text was read (to read it again corrected)
    std::string query_text;     ///< what the query builder read (the bag of words, when asked)
    Xapian::Query filter;       ///< sources, entities and dates: narrows, never scores; empty: none
    bool date_filtered = false; ///< a date bound or --dated-only is in force
    /// A typed query of words (phrases and exclusions allowed, no boolean syntax) is matched in ranks (SearchPlan::any_words below): articles with all the
    /// words first, then those with some of them; its spelling correction is searched instead
    /// when no article has all the typed words and some have all the corrected ones.
    bool ranked = false;
    /// A query typed in boolean syntax (not `like`, not a bag of words): its spelling correction is
    /// searched when it finds nothing.
    bool typed = false;
    /// The same query with its words joined by OR (operators the user typed kept): the
    /// near-misses of ranked matching. Set when `ranked`.
    ParsedQuery any_words;
    /// Neighbouring words of the query found together, and its words in titles
    /// (QueryBuilder::ranking_evidence). Set when `ranked`.
    QueryBuilder::Evidence evidence;
    /// Copies of a story are grouped into one hit (SearchOptions::collapse_copies): the matcher
    /// fetches from the first result (searcher/copies.hpp) and the page is cut from the stories.
    bool stories = false;
    Xapian::doccount first = 0;          ///< first article to fetch
    Xapian::doccount count = 0;          ///< articles to fetch
    Xapian::doccount check_at_least = 0; ///< articles the matcher looks at, for counts and facets

    /// `query` narrowed by the plan's filter.
    [[nodiscard]] Xapian::Query filtered(const Xapian::Query& query) const;
};

/// `text` read with OR between its words (operators written in it kept): the near-misses of
/// ranked matching.
[[nodiscard]] ParsedQuery parse_any_words(const QueryBuilder& builder, std::string_view text, QueryOptions options);

/// Whether `text` uses boolean syntax: the operators AND, OR, NOT, XOR, NEAR, ADJ (in capitals)
/// or a required word (+word). Such a query means exactly what it says: it is not ranked.
/// Parentheses without an operator group nothing and do not count.
[[nodiscard]] bool has_boolean_syntax(std::string_view text);

/// The words of `text` as written, separated by spaces: whatever syntax the text had is gone.
/// Capitals stay (entity names are recognised by them); upper-case operator words do not.
[[nodiscard]] std::string bag_of_words(const Analyzer& analyzer, std::string_view text);

/// Parses and plans `options` (already validated). `database` is read only for `like`. Throws
/// UsageError when the query has nothing searchable or `like` names no article.
[[nodiscard]] SearchPlan plan_search(const SearchOptions& options, const QueryBuilder& builder,
                                     const Analyzer& analyzer, const Xapian::Database& database);

} // namespace newssearch::searcher
