#pragma once
/// Why an article ranked where it did: the BM25 weight each matching query term contributed, with
/// the field it matched in. Computed with Xapian's own weighting, one term at a time, so the parts
/// add up to the score Xapian gave.

#include <newssearch/types.hpp>

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

namespace newssearch::searcher {

/// Explains one hit: `terms` are the query terms that matched it (Enquire::get_matching_terms);
/// those of `words` (MatchResult::words) are listed, and each of `bonuses` (MatchResult::bonuses)
/// the article earns. `article_term` is the article's unique term. `title_terms` are the index forms of the title
/// words, to tell how much of a body term's frequency came from the title. Entity-field terms
/// are weighted by `entity_boost`, as the query weights them.
[[nodiscard]] Explanation explain_hit(const Xapian::Database& database, const Xapian::Weight& weighting,
                                      const std::vector<std::string>& terms, const Xapian::Query& words,
                                      const std::vector<std::pair<std::string, Xapian::Query>>& bonuses,
                                      const std::string& article_term,
                                      const std::vector<std::string>& title_terms, double score,
                                      double entity_boost);

} // namespace newssearch::searcher
