#pragma once
/// Ranking an article's passages for a query, when the query is searched. The index has one
/// document per article (common/schema.hpp); which of its passages answers the query best is
/// decided here, from the passages' text with the same analysis the indexer and the highlighter
/// use: BM25 over each passage's matches of the query's words, phrases and entities, the article's
/// title counted with every passage (title_wdf times, as the index weights it), with the index's
/// article frequencies for idf. Scores of passages of different articles compare: `--passages`
/// lists them by it.

#include "common/analyzer.hpp"
#include "common/article_document.hpp"
#include "searcher/highlighter.hpp"
#include <newssearch/types.hpp>

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
    double score = 0;               ///< 0: the query matched nothing in it or in the title
    std::vector<ByteRange> marks;   ///< matched words, phrases and entity mentions, merged
};

/// What a hit's passages are scored against.
struct PassageQuery {
    HighlightTerms terms;             ///< the query's words and phrases, as for highlighting
    std::set<std::string> entity_keys; ///< entities the query searches in the entity field
};

/// The words, phrases and entities of `query` that passages are scored on: those that
/// highlight_terms() marks, and the entity-field terms outside NOT and filters.
[[nodiscard]] PassageQuery passage_query(const Xapian::Query& query);

/// Whether `query` has a wildcard, whose words only the matching articles tell
/// (Enquire::get_matching_terms, for add_matched_terms).
[[nodiscard]] bool has_wildcard(const Xapian::Query& query);

/// Not thread-safe (it caches term statistics): one per search.
class PassageRanker {
  public:
    /// `database` gives the idf of each term, or `statistics`, the match's results, when given:
    /// they hold the query terms' frequencies already (over remote shards each look-up in the
    /// database is a round trip to every shard). `stemmed` may be kept across searches. All
    /// must outlive the ranker.
    PassageRanker(const Analyzer& analyzer, const Xapian::Database& database, const RankingSettings& ranking,
                  StemmedTerms& stemmed, const Xapian::MSet* statistics = nullptr);

    /// Every passage of `document`, in passage order, with its score and marks.
    [[nodiscard]] std::vector<ScoredPassage> score(const ArticleDocument& document, const PassageQuery& query);

  private:
    /// log(1 + (N - n + 0.5) / (n + 0.5)) for a term in n of the index's N articles: never
    /// negative, so a word in most articles still counts a little.
    double idf(const std::string& term);

    const Analyzer& analyzer_;
    const Xapian::Database& database_;
    const Xapian::MSet* statistics_;
    RankingSettings ranking_;
    Xapian::termcount title_wdf_;
    std::map<std::string, double> idf_;
    StemmedTerms& stemmed_;
};

/// The index of the best passage: the highest score among those in which the query matched
/// something of their own, the first on ties; the first passage when it matched none of them.
[[nodiscard]] std::size_t best_passage(const std::vector<ScoredPassage>& passages);

/// The passages an article contributes to a list of passages: the best one, and every other one in
/// which the query matched something of its own (not only the title), in passage order.
[[nodiscard]] std::vector<std::size_t> matching_passages(const std::vector<ScoredPassage>& passages);


} // namespace newssearch::searcher
