#pragma once
/// Ranking an article's passages for a query, when the query is searched. The index has one
/// document per article (common/schema.hpp); which of its passages answers the query best is
/// decided here, from the passages' text with the same analysis the indexer and the highlighter
/// use: BM25 over each passage's matches of the query's words, phrases and entities, with the
/// index's article frequencies for idf.

#include "common/analyzer.hpp"
#include "common/article_document.hpp"
#include "searcher/highlighter.hpp"
#include "searcher/ranking.hpp"

#include <xapian.h>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::searcher {

struct ScoredPassage {
    std::size_t index = 0;          ///< in ArticleDocument::passages
    std::string text;
    double score = 0;               ///< 0: the query matched nothing in it
    std::vector<ByteRange> marks;   ///< matched words, phrases and entity mentions, merged
};

/// What a hit's passages are scored against.
struct PassageQuery {
    HighlightTerms terms;             ///< the query's words and phrases, as for highlighting
    std::set<std::string> entity_keys; ///< entities the query matched through the entity field
};

/// Not thread-safe (it caches term statistics): one per search.
class PassageRanker {
  public:
    /// `database` (which must outlive the ranker) gives the idf of each term.
    PassageRanker(const Analyzer& analyzer, const Xapian::Database& database, const RankingSettings& ranking);

    /// Every passage of `document`, in passage order, with its score and marks.
    [[nodiscard]] std::vector<ScoredPassage> score(const ArticleDocument& document, const PassageQuery& query);

  private:
    /// log(1 + (N - n + 0.5) / (n + 0.5)) for a term in n of the index's N articles: never
    /// negative, so a word in most articles still counts a little.
    double idf(const std::string& term);

    const Analyzer& analyzer_;
    const Xapian::Database& database_;
    RankingSettings ranking_;
    std::map<std::string, double> idf_;
};

/// The index of the best passage: the highest score, the first on ties (also when none matched).
[[nodiscard]] std::size_t best_passage(const std::vector<ScoredPassage>& passages);

/// A passage an article contributes to a list of passages, with its share of the article's score.
struct PassageShare {
    std::size_t index = 0;
    double share = 0; ///< the best passage 1, another its score over the best one's
};

/// Every passage the query matched, and always the best one, in passage order.
[[nodiscard]] std::vector<PassageShare> matching_passages(const std::vector<ScoredPassage>& passages);

/// The keys of the entities among a hit's matching terms (Enquire::get_matching_terms).
[[nodiscard]] std::set<std::string> matched_entity_keys(const std::vector<std::string>& matching_terms);

} // namespace newssearch::searcher
