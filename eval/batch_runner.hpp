#pragma once
/// Batch retrieval for evaluation: every topic of a set searched through the one search pipeline
/// (the library's newssearch::Searcher, exactly what `newssearch search`, the HTTP service and
/// embedders run), the results written as a TREC run. By default a topic is searched as a user's
/// query would be, so the figures describe what users get; research modes are options of that
/// same pipeline: a bag of words (syntax ignored, any word counts), passages as docids
/// ("ARTICLE#ORDINAL", the passage's ordinal in its article from 0), pseudo-relevance feedback.

#include "eval/run_file.hpp"
#include "eval/topics.hpp"

#include <newssearch/searcher.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace newssearch::eval {

/// Everything that decides a batch run.
struct BatchSettings {
    std::size_t depth = 1000;           ///< results per topic, 1..10000 (a search's limit)
    bool passages = false;              ///< rank passages ("ARTICLE#ORDINAL"), not articles
    bool bag_of_words = false;          ///< topics as bags of words, OR-ed (SearchOptions::bag_of_words)
    /// Copies of a story (SearchOptions::collapse_copies) follow it in the run, as the page lists
    /// them under it; false: they are ranked as documents of their own.
    bool collapse_copies = true;
    std::string run_tag = "newssearch"; ///< the run's name (last column), no whitespace
    RankingSettings ranking;            ///< BM25 and entity boost
    FeedbackSettings feedback;          ///< pseudo-relevance feedback (off by default)
};

/// The search request a topic becomes under `settings`.
[[nodiscard]] SearchOptions topic_search(const BatchSettings& settings, const std::string& query);

/// The ids of a passage run: "ARTICLE#ORDINAL".
[[nodiscard]] std::string passage_docid(const std::string& article_id, std::size_t ordinal);

/// Runs topics against one index. Not thread-safe: one runner per thread.
class BatchRunner {
  public:
    /// Opens the index at `database_path` read-only (IndexError when there is none) and checks
    /// `settings` (UsageError: depth out of range, an empty or spaced run tag, ranking or
    /// feedback settings the search pipeline refuses).
    BatchRunner(const std::string& database_path, BatchSettings settings);

    /// The ranking for one topic, best first, ranks from 1, at most `depth` entries. A topic
    /// without a searchable word (only stopwords or punctuation) gets an empty ranking.
    [[nodiscard]] std::vector<RunEntry> run_topic(const Topic& topic);

    /// Runs every topic in order. `on_progress(done, total)` is called after each topic.
    [[nodiscard]] Run run(const std::vector<Topic>& topics,
                          const std::function<void(std::size_t, std::size_t)>& on_progress = {});

    [[nodiscard]] const BatchSettings& settings() const { return settings_; }

  private:
    BatchSettings settings_;
    Searcher searcher_;
};

} // namespace newssearch::eval
