#pragma once
/// Batch retrieval for evaluation: every topic of a set searched against a newssearch index, the
/// results written as a TREC run. Topics are natural-language questions, so they are searched as
/// a bag of words: query syntax in them (quotes, '-', ':', upper-case AND/OR/NOT) is ignored, and
/// the words are combined with OR and ranked by BM25, as IR evaluation expects. Stemming,
/// stopwords, synonyms and entity matching are the interactive search's (QueryBuilder, with the
/// index's gazetteer).
///
/// Articles are ranked by BM25 over the whole article; a passage run ranks the matching passages
/// of the best articles as the interactive --passages search does (searcher/passage_ranking.hpp),
/// each named "ARTICLE#ORDINAL" (the passage's ordinal in its article, from 0). Pseudo-relevance feedback is optional (see feedback.hpp).

#include "searcher/feedback.hpp"
#include "eval/run_file.hpp"
#include "eval/topics.hpp"
#include "searcher/ranking.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace newssearch::eval {

/// Everything that decides a batch run. The defaults are the evaluated ones (docs/EVALUATION.md).
struct BatchSettings {
    std::size_t depth = 1000;           ///< results per topic, >= 1
    bool passages = false;              ///< rank passages ("ARTICLE#ORDINAL"), not articles
    std::string run_tag = "newssearch"; ///< the run's name (last column), no whitespace
    searcher::RankingSettings ranking;  ///< BM25 and entity boost, as the interactive search's
    searcher::FeedbackSettings feedback;          ///< pseudo-relevance feedback (off by default)
};

/// Throws UsageError when a setting is out of range (depth 0, empty or spaced run tag, negative
/// BM25 parameters, feedback weight outside [0, 1)).
void validate(const BatchSettings& settings);

/// The ids of a passage run: "ARTICLE#ORDINAL".
[[nodiscard]] std::string passage_docid(const std::string& article_id, unsigned ordinal);

/// Runs topics against one index. Not thread-safe: one runner per thread.
class BatchRunner {
  public:
    /// Opens the index at `database_path` read-only (IndexError when there is none) and checks
    /// `settings` (UsageError).
    BatchRunner(const std::string& database_path, BatchSettings settings);
    ~BatchRunner();
    BatchRunner(const BatchRunner&) = delete;
    BatchRunner& operator=(const BatchRunner&) = delete;

    /// The ranking for one topic, best first, ranks from 1, at most `depth` entries. A topic
    /// without a searchable word (only stopwords or punctuation) gets an empty ranking.
    [[nodiscard]] std::vector<RunEntry> run_topic(const Topic& topic);

    /// Runs every topic in order. `on_progress(done, total)` is called after each topic.
    [[nodiscard]] Run run(const std::vector<Topic>& topics,
                          const std::function<void(std::size_t, std::size_t)>& on_progress = {});

    [[nodiscard]] const BatchSettings& settings() const { return settings_; }

  private:
    struct State;
    BatchSettings settings_;
    std::unique_ptr<State> state_;
};

} // namespace newssearch::eval
