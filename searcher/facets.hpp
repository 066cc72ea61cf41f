#pragma once
/// Facets: for the articles a query matches, the most frequent entities, sources and months, so a
/// reader can narrow the search with one more word. Counted over articles, not passages.

#include "searcher/search_result.hpp"

#include <xapian.h>

#include <map>
#include <set>
#include <string>

namespace newssearch::searcher {

/// A Xapian match spy that sees every matching passage and counts each article once.
class ArticleFacetSpy : public Xapian::MatchSpy {
  public:
    /// `database` (which must outlive the spy) names the entities top() returns.
    explicit ArticleFacetSpy(const Xapian::Database& database) : database_(database) {}

    void operator()(const Xapian::Document& document, double weight) override;

    /// Forgets everything counted (before the same spy watches another query).
    void reset();

    /// The `top` most frequent values of each facet, most frequent first (ties by name; entities'
    /// ties by key).
    [[nodiscard]] Facets top(std::size_t top) const;

  private:
    const Xapian::Database& database_;
    std::set<std::string> seen_articles_;
    std::map<std::string, std::size_t> entities_; ///< key -> articles
    std::map<std::string, std::size_t> sources_;
    std::map<std::string, std::size_t> months_;
};

} // namespace newssearch::searcher
