#pragma once
/// The match stage of a search: runs a plan (searcher/search_plan.hpp) against the index with
/// BM25 and the request's order. A typed query of words is matched in ranks (any of the words,
/// with bonuses for all of them and for words in the title and lead); its spelling correction is
/// searched instead when no article has all the typed words. Pseudo-relevance feedback, when
/// asked for, expands the words and runs the query again.

#include "searcher/facets.hpp"
#include "searcher/search_plan.hpp"

#include <newssearch/types.hpp>

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

namespace newssearch::searcher {

struct MatchResult {
    Xapian::MSet articles;            ///< the page's articles (from SearchPlan::first)
    ParsedQuery parsed;               ///< the query that found them (the plan's, or its correction)
    std::vector<std::string> notices; ///< what matching did with the query, for the user
    std::string suggestion;           ///< a better spelling, when it was not searched instead
    std::string corrected;            ///< the spelling that was searched instead, when one was
    /// The words part of `parsed.query`, whose terms each add their BM25 weight (explain), and
    /// the bonuses ranked matching added to it, as scaled queries (empty when not ranked).
    Xapian::Query words;
    std::vector<std::pair<std::string, Xapian::Query>> bonuses;
};

/// Ranked matching (SearchPlan::ranked): an article's score is its BM25 score for any of the
/// words, plus these fractions of the BM25 weight of the words when it has all of them, of the
/// query words in its title, and of the query words in its lead (the standfirst, else the first
/// body passage: news puts the gist first).
/// Chosen on the BBC news dev sets (docs/EVALUATION.md, "Ranked matching").
namespace ranked_weights {
inline constexpr double all_words = 0.1;
inline constexpr double title_words = 0.1;
inline constexpr double lead_words = 0.1;
} // namespace ranked_weights

/// The bonuses of ranked matching, as scaled queries named by what earns them (ScoreBonus).
[[nodiscard]] std::vector<std::pair<std::string, Xapian::Query>> ranked_bonuses(const Xapian::Query& all_words,
                                                                                const Xapian::Query& any_words,
                                                                                const QueryBuilder::Evidence& evidence);

/// The ranked query: the near-misses of `any_words` (the query with OR between words), scored
/// higher with each of `bonuses`; only the words match, the bonuses only add to the score.
[[nodiscard]] Xapian::Query ranked_query(const Xapian::Query& any_words,
                                         const std::vector<std::pair<std::string, Xapian::Query>>& bonuses);

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
    /// Whether any article matches `query` (narrowed by the plan's filter).
    bool matches_any(const SearchPlan& plan, const Xapian::Query& query);
    Xapian::MSet run(const SearchPlan& plan, const Xapian::Query& query, ArticleFacetSpy* facet_spy);
    /// `words` expanded with the telling words of the best articles `query` finds
    /// (SearchOptions::feedback).
    Xapian::Query with_feedback(const SearchPlan& plan, const Xapian::Query& query, const Xapian::Query& words);

    const Analyzer& analyzer_;
    const SearchOptions& options_;
    Xapian::BM25Weight weighting_;
    Xapian::Enquire enquire_;
};

} // namespace newssearch::searcher
