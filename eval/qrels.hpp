#pragma once
/// Relevance judgments ("qrels") in TREC's format: one `qid iter docid relevance` line per judged
/// document, whitespace separated; `iter` is ignored. Relevance is a graded integer: values >= 1
/// are relevant (trec_eval's default relevance level), 0 is judged non-relevant, and negative
/// values mean "in the pool but unjudged" (non-relevant for every measure here).

#include <cstddef>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace newssearch::eval {

/// The judgments of one topic: document id -> relevance, ordered by document id.
using Judgments = std::map<std::string, int, std::less<>>;

/// Judgments for a set of topics, ordered by topic id byte-wise (the order trec_eval reports in).
class Qrels {
  public:
    /// Records that `docid` has `relevance` for topic `qid`. Throws UsageError when an id is
    /// empty or contains whitespace, or when (qid, docid) is already judged.
    void add(std::string_view qid, std::string_view docid, int relevance);

    /// Every judged topic with its judgments.
    [[nodiscard]] const std::map<std::string, Judgments, std::less<>>& topics() const {
        return topics_;
    }

    /// The judgments of topic `qid`, or nullptr when the topic has none.
    [[nodiscard]] const Judgments* find(std::string_view qid) const;

    /// The relevance of `docid` for `qid`, or nothing when it was not judged.
    [[nodiscard]] std::optional<int> relevance(std::string_view qid, std::string_view docid) const;

    /// How many documents are relevant (relevance >= 1) for `qid`; 0 for an unknown topic.
    [[nodiscard]] std::size_t num_relevant(std::string_view qid) const;

    /// Number of judged topics.
    [[nodiscard]] std::size_t num_topics() const { return topics_.size(); }

    /// Number of judgments over all topics.
    [[nodiscard]] std::size_t size() const { return size_; }

    /// True when nothing is judged.
    [[nodiscard]] bool empty() const { return size_ == 0; }

  private:
    std::map<std::string, Judgments, std::less<>> topics_;
    std::size_t size_ = 0;
};

/// Parses qrels text. Blank lines and lines starting with '#' are skipped. Throws DataError
/// "<source>:<line>: ..." for a line without exactly four fields, a relevance that is not an
/// integer, or a document judged twice for the same topic (trec_eval refuses those too).
[[nodiscard]] Qrels parse_qrels(std::istream& in, std::string_view source);

/// Reads the qrels file at `path` (see parse_qrels); DataError when it cannot be read.
[[nodiscard]] Qrels read_qrels(const std::filesystem::path& path);

} // namespace newssearch::eval
