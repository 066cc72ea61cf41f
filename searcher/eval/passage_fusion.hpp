#pragma once
/// From passage scores to article scores. The index holds passages; evaluation (and a reader)
/// wants articles. An article's score is its best passage's score (MaxP) plus, optionally, a
/// decaying share of its next-best passages: evidence spread over several passages counts, but
/// never as much as the best one. Pure functions, testable without an index.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace newssearch::eval {

/// How passage scores combine into an article score:
///     score = s1 + decay * s2 + decay^2 * s3 + ...   (s1 >= s2 >= ..., at most `passages` terms)
/// `passages` = 1 (or `decay` = 0) is MaxP, the default: on Cranfield every decay tried lowered
/// MAP and nDCG@10 (an article's title is indexed in each of its passages, so adding passages
/// mostly counts the title again; see docs/EVALUATION.md).
struct PassageFusion {
    std::size_t passages = 1; ///< how many of an article's best passages count, >= 1
    double decay = 0.25; ///< weight of each further passage relative to the one before, in [0, 1]
};

/// One scored passage of a ranking.
struct ScoredPassage {
    std::string article_id;
    double score = 0.0;
};

/// One article of a ranking, with the fused score.
struct ScoredArticle {
    std::string article_id;
    double score = 0.0;

    bool operator==(const ScoredArticle&) const = default;
};

/// The fused score of one article; `scores` are its passages' scores, best first.
[[nodiscard]] double fuse_scores(std::span<const double> scores, const PassageFusion& fusion);

/// Articles ranked by fused score, best first (ties: article id ascending), at most `depth`.
/// `passages` may come in any order and hold any number of passages per article; only each
/// article's `fusion.passages` best count.
[[nodiscard]] std::vector<ScoredArticle> rank_articles(std::span<const ScoredPassage> passages,
                                                       const PassageFusion& fusion,
                                                       std::size_t depth);

} // namespace newssearch::eval
