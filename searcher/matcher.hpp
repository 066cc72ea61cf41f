#pragma once
/// The match stage of a search: runs a plan (searcher/search_plan.hpp) against the index with
/// BM25 and the request's order, and relaxes it when nothing matched: the spelling correction
/// first, then any of the words (the "some of the words" fallback). Pseudo-relevance feedback,
/// when asked for, expands the query that matched and runs it again.

#include "searcher/facets.hpp"
#include "searcher/search_plan.hpp"

#include <newssearch/types.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace newssearch::searcher {

struct MatchResult {
    Xapian::MSet articles;            ///< the page's articles (from SearchPlan::first)
    ParsedQuery parsed;               ///< the query that found them (the plan's, or relaxed)
    std::vector<std::string> notices; ///< what relaxing or feedback changed, for the user
    std::string suggestion;           ///< a better spelling, when it was not searched instead
    std::string corrected;            ///< the spelling that was searched instead, when one was
};

/// Not thread-safe; one per search (it holds the Enquire that the hits stage asks for matching
/// terms).
class Matcher {
  public:
    Matcher(const Xapian::Database& database, const Analyzer& analyzer, const SearchOptions& options);

    /// Runs `plan`. `facet_spy`, when not null, watches the final match (local databases only:
    /// remote servers run only Xapian's own spies).
    [[nodiscard]] MatchResult match(const SearchPlan& plan, const QueryBuilder& builder, ArticleFacetSpy* facet_spy);

    /// The Enquire of the last match, for Enquire::get_matching_terms.
    [[nodiscard]] const Xapian::Enquire& enquire() const { return enquire_; }
    [[nodiscard]] const Xapian::BM25Weight& weighting() const { return weighting_; }

  private:
    Xapian::MSet run(const SearchPlan& plan, const Xapian::Query& query, ArticleFacetSpy* facet_spy);
    /// `query` expanded with the telling words of its best articles (SearchOptions::feedback).
    Xapian::Query with_feedback(const SearchPlan& plan, const Xapian::Query& query);

    const Analyzer& analyzer_;
    const SearchOptions& options_;
    Xapian::BM25Weight weighting_;
    Xapian::Enquire enquire_;
};

} // namespace newssearch::searcher
