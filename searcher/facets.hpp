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
    void operator()(const Xapian::Document& document, double weight) override;

    /// Forgets everything counted (before the same spy watches another query).
    void reset();

    /// The `top` most frequent values of each facet, most frequent first (ties by name).
    [[nodiscard]] Facets top(std::size_t top) const;

  private:
    struct EntityInfo {
        std::string canonical;
        std::string type;
        std::size_t articles = 0;
    };
    std::set<std::string> seen_articles_;
    std::map<std::string, EntityInfo> entities_;
    std::map<std::string, std::size_t> sources_;
    std::map<std::string, std::size_t> months_;
};

} // namespace newssearch::searcher
