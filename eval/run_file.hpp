#pragma once
/// Retrieval runs in TREC's format: one `qid Q0 docid rank score tag` line per retrieved document,
/// whitespace separated. Evaluation ignores `rank` and orders each topic by score (see
/// metrics.hpp); the rank is kept so that a run read and written back is unchanged.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace newssearch::eval {

/// One retrieved document of a topic.
struct RunEntry {
    std::string docid;  ///< document id, non-empty, no whitespace
    long rank = 0;      ///< the rank column as written (1 = first); not used by evaluation
    double score = 0.0; ///< higher is retrieved first; never NaN
    std::string tag;    ///< run name, non-empty, no whitespace

    bool operator==(const RunEntry&) const = default;
};

/// The documents retrieved for each topic. Topics keep the order in which they first appeared,
/// entries the order in which they were added.
class Run {
  public:
    /// Appends `entry` to topic `qid`. Throws UsageError when an id or the tag is empty or has
    /// whitespace, when the score is NaN, or when `entry.docid` is already in this topic
    /// (trec_eval refuses runs with duplicate documents).
    void add(std::string_view qid, RunEntry entry);

    /// Topic ids in order of first appearance.
    [[nodiscard]] const std::vector<std::string>& topic_ids() const { return order_; }

    /// The entries of topic `qid` in the order added; empty when the topic is not in the run.
    [[nodiscard]] std::span<const RunEntry> entries(std::string_view qid) const;

    /// True when topic `qid` has at least one entry.
    [[nodiscard]] bool contains(std::string_view qid) const;

    /// Number of entries over all topics.
    [[nodiscard]] std::size_t size() const { return size_; }

    /// True when the run has no entry.
    [[nodiscard]] bool empty() const { return size_ == 0; }

  private:
    struct Topic {
        std::vector<RunEntry> entries;
        std::unordered_set<std::string> docids;
    };
    std::vector<std::string> order_;
    std::map<std::string, Topic, std::less<>> topics_;
    std::size_t size_ = 0;
};

/// Parses run text. Blank lines and lines starting with '#' are skipped. Throws DataError
/// "<source>:<line>: ..." for a line without exactly six fields, a rank that is not an integer,
/// a score that is not a number (or is NaN), or a document listed twice for a topic.
[[nodiscard]] Run parse_run(std::istream& in, std::string_view source);

/// Reads the run file at `path` (see parse_run); DataError when it cannot be read.
[[nodiscard]] Run read_run(const std::filesystem::path& path);

/// The score as written in run files: the shortest text that reads back as the same double, so
/// writing and re-reading a run never creates ties that change its evaluation.
[[nodiscard]] std::string format_score(double score);

/// Writes `run` as `qid Q0 docid rank score tag` lines: topics in order of first appearance,
/// entries in the order added.
void write_run(std::ostream& out, const Run& run);

/// Writes `run` to the file at `path` (replaced if it exists); DataError when it cannot be written.
void write_run_file(const std::filesystem::path& path, const Run& run);

} // namespace newssearch::eval
