#pragma once
/// Pseudo-relevance feedback, RM3-style: take the best passages of a first ranking as relevant,
/// let Xapian pick the terms that distinguish them from the collection (Enquire::get_eset), and
/// search again with the query interpolated with those terms.

#include "common/analyzer.hpp"

#include <newssearch/types.hpp>

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_set>

namespace newssearch::searcher {

/// Whether `settings` asks for feedback that can change anything.
[[nodiscard]] bool feedback_enabled(const FeedbackSettings& settings);

/// Accepts only expansion terms that can stand in a free-text query: unprefixed stems ("Z" +
/// stem), not the stem of a stopword, at least two bytes long. Field terms (titles, authors),
/// boolean terms (ids, dates, sources) and unstemmed forms are refused.
class FeedbackTermDecider : public Xapian::ExpandDecider {
  public:
    explicit FeedbackTermDecider(const Analyzer& analyzer);
    bool operator()(const std::string& term) const override;

  private:
    std::unordered_set<std::string> stopword_stems_;
};

/// The expanded query: `original` scaled by 1 - weight, OR each term of `eset` scaled by
/// weight x original length x its share of the ESet's total weight. `original` is returned
/// unchanged when `eset` is empty or feedback is disabled.
[[nodiscard]] Xapian::Query expand_query(const Xapian::Query& original, const Xapian::ESet& eset,
                                         const FeedbackSettings& settings);

} // namespace newssearch::searcher
