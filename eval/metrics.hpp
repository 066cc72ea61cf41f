#pragma once
/// Retrieval measures computed exactly as trec_eval 9 computes them, so that figures can be
/// compared with published ones. The equivalent command is
///     trec_eval -q -m map -m P.5,10 -m ndcg_cut.10 -m recip_rank -m Rprec -m recall.100,1000
///               -m num_q QRELS RUN
/// Conventions (all trec_eval's defaults):
///  - evaluated topics are those in both the run and the qrels; a topic of the qrels missing from
///    the run is ignored, not counted as 0 (trec_eval without -c), and a run topic without any
///    judgment is ignored;
///  - a topic that is judged but has no relevant document is evaluated, scoring 0 everywhere,
///    and counts in num_q;
///  - each topic's ranking is the run re-sorted by score descending, ties broken by document id
///    descending (byte-wise); the rank column is ignored;
///  - relevant means relevance >= 1; unjudged and negative-relevance documents are non-relevant;
///  - P@k divides by k even when fewer than k documents were retrieved; recall@k and Rprec
///    divide by R, the number of relevant documents;
///  - nDCG@10 uses the relevance value as gain, DCG = sum over ranks r = 1..10 of g_r / log2(r +
///  1),
///    and the ideal DCG from all relevant judged documents sorted by gain;
///  - `all` is the arithmetic mean over the evaluated topics.

#include "eval/qrels.hpp"
#include "eval/run_file.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <map>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::eval {

/// The measures of one topic, or their means (qid "all").
struct TopicMetrics {
    std::string qid;
    double map = 0.0;        ///< average precision (trec_eval "map")
    double p5 = 0.0;         ///< precision at 5 ("P_5")
    double p10 = 0.0;        ///< precision at 10 ("P_10")
    double ndcg10 = 0.0;     ///< graded nDCG at 10 ("ndcg_cut_10")
    double recip_rank = 0.0; ///< 1 / rank of the first relevant document ("recip_rank")
    double rprec = 0.0;      ///< precision at R ("Rprec")
    double recall100 = 0.0;  ///< recall at 100 ("recall_100")
    double recall1000 = 0.0; ///< recall at 1000 ("recall_1000")
    double success1 = 0.0;   ///< 1 when a relevant document is first ("success_1")
    double success5 = 0.0;   ///< 1 when one is in the first 5 ("success_5")
    double success10 = 0.0;  ///< 1 when one is in the first 10 ("success_10")
};

/// The evaluation of a run.
struct EvalReport {
    std::vector<TopicMetrics> per_topic; ///< evaluated topics, ordered by topic id byte-wise
    TopicMetrics mean;                   ///< qid "all": the mean of per_topic
    std::size_t num_q = 0;               ///< number of evaluated topics
};

/// The means of the topics of each group (a query style, a category...), from a file of
/// `qid<TAB>group` lines; topics without a group are in none.
struct GroupReport {
    struct Group {
        std::string name;
        std::size_t num_q = 0;
        TopicMetrics mean;
    };
    std::vector<Group> groups; ///< by name, byte-wise
};

/// Reads `qid<TAB>group` lines (no header; blank lines and lines starting with '#' skipped).
/// Throws DataError naming FILE:LINE for a line without a tab.
[[nodiscard]] std::map<std::string, std::string> read_groups(const std::string& path);

/// The means of `report`'s topics per group of `groups` (qid -> group).
[[nodiscard]] GroupReport group_means(const EvalReport& report, const std::map<std::string, std::string>& groups);

/// The group means as a table: a header line, then one line per group and one for all topics
/// (num_q, recip_rank, success_1, success_10, map, ndcg_cut_10, P_10), 4 decimals.
void write_group_table(std::ostream& out, const GroupReport& groups, const EvalReport& report);

/// The group means as JSON: {"GROUP": {"num_q": N, "map": ..., "success_1": ...}, ...}.
[[nodiscard]] nlohmann::json to_json(const GroupReport& groups);

/// The measures of one topic: `ranking` is what the run retrieved for it (any order, no duplicate
/// document ids), `judgments` its qrels.
[[nodiscard]] TopicMetrics evaluate_topic(std::string_view qid, std::span<const RunEntry> ranking,
                                          const Judgments& judgments);

/// Evaluates every topic that has both entries in `run` and judgments in `qrels`, then averages.
/// Throws DataError when there is no such topic (trec_eval fails the same way), which usually
/// means the run and the qrels number their topics differently.
[[nodiscard]] EvalReport evaluate(const Run& run, const Qrels& qrels);

/// Writes the report as `trec_eval -q` prints it: for each topic the lines
/// `name<TAB>qid<TAB>value` (name left-aligned in 22 columns, value with 4 decimals) for map,
/// Rprec, recip_rank, P_5, P_10, recall_100, recall_1000, ndcg_cut_10; then `num_q` and the
/// same measures for `all`. Without `per_topic`, only the `all` lines.
void write_trec_eval(std::ostream& out, const EvalReport& report, bool per_topic = true);

/// write_trec_eval() into a string.
[[nodiscard]] std::string format_trec_eval(const EvalReport& report, bool per_topic = true);

/// The report as JSON, full precision, keys named as trec_eval names the measures:
/// {"num_q": N, "all": {"map": ..., "P_5": ..., ...}, "per_topic": [{"qid": "1", "map": ...}, ...]}
/// JSON also has trec_eval's success_1, success_5 and success_10 (the text output keeps exactly
/// the lines of the trec_eval command above).
[[nodiscard]] nlohmann::json to_json(const EvalReport& report);

} // namespace newssearch::eval
