#pragma once
/// Facets: for the articles a query matches, the most frequent entities, sources and categories,
/// and every month, so a reader can narrow the search with one more word or a date range.

#include "searcher/entity_names.hpp"

#include <newssearch/types.hpp>

#include <xapian.h>

#include <map>
#include <cstddef>
#include <string>
#include <string_view>

namespace newssearch::searcher {

/// A Xapian match spy that counts what the matching articles it sees have.
class ArticleFacetSpy : public Xapian::MatchSpy {
  public:
    /// `database` names the entities top() returns, through `names` (the searcher's, remembered
    /// across searches); both must outlive the spy.
    ArticleFacetSpy(const Xapian::Database& database, EntityNames& names) : database_(database), names_(names) {}

    void operator()(const Xapian::Document& document, double weight) override;

    /// Adds what Xapian's value-count spies counted over the slots schema::slot_article_entities,
    /// slot_source, slot_category and slot_date (remote servers run those spies, not this one).
    void add_counts(const Xapian::ValueCountMatchSpy& entities, const Xapian::ValueCountMatchSpy& sources,
                    const Xapian::ValueCountMatchSpy& categories, const Xapian::ValueCountMatchSpy& dates);

    /// Forgets everything counted (before the same spy watches another query).
    void reset();

    /// The `top` most frequent entities of each type, sources and categories, most frequent first
    /// (ties by name; entities' ties by key), and every month in date order ("undated" last).
    [[nodiscard]] Facets top(std::size_t top) const;

  private:
    void count_entities(std::string_view keys, std::size_t articles);
    void count_source(const std::string& source, std::size_t articles);
    void count_category(const std::string& category, std::size_t articles);
    void count_date(const std::string& date, std::size_t articles);

    const Xapian::Database& database_;
    EntityNames& names_;
    std::size_t articles_ = 0;
    std::map<std::string, std::size_t> entities_; ///< key -> articles
    std::map<std::string, std::size_t> sources_;
    std::map<std::string, std::size_t> categories_;
    std::map<std::string, std::size_t> months_;
};

} // namespace newssearch::searcher
