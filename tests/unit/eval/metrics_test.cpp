#include "eval/metrics.hpp"

#include "common/errors.hpp"
#include "tests/unit/eval/eval_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <vector>

using namespace newssearch;
using namespace newssearch::eval;
using newssearch::eval::test::message_of;

namespace {

/// A run from (qid, docid, score) triples; ranks count up per topic in the order given.
Run make_run(const std::vector<std::tuple<std::string, std::string, double>>& lines) {
    Run run;
    for (const auto& [qid, docid, score] : lines)
        run.add(qid, RunEntry{docid, static_cast<long>(run.entries(qid).size() + 1), score, "t"});
    return run;
}

Qrels make_qrels(const std::vector<std::tuple<std::string, std::string, int>>& lines) {
    Qrels qrels;
    for (const auto& [qid, docid, relevance] : lines)
        qrels.add(qid, docid, relevance);
    return qrels;
}

/// The only topic of evaluate(run, qrels).
TopicMetrics single(const Run& run, const Qrels& qrels) {
    const EvalReport report = evaluate(run, qrels);
    REQUIRE(report.per_topic.size() == 1);
    return report.per_topic.front();
}

double dcg_term(double gain, int rank) {
    return gain / std::log2(rank + 1.0);
}

} // namespace

TEST_CASE("metrics: every measure on a small hand-computed topic", "[eval][metrics]") {
    // Ranking d1 d2 d3 d4 d5; relevant: d1, d3 and d6 (never retrieved), so R = 3.
    const Run run =
        make_run({{"1", "d1", 5}, {"1", "d2", 4}, {"1", "d3", 3}, {"1", "d4", 2}, {"1", "d5", 1}});
    const Qrels qrels =
        make_qrels({{"1", "d1", 1}, {"1", "d3", 1}, {"1", "d6", 1}, {"1", "d2", 0}});
    const TopicMetrics m = single(run, qrels);
    CHECK(m.qid == "1");
    CHECK(m.map == Approx((1.0 / 1 + 2.0 / 3) / 3));
    CHECK(m.p5 == Approx(2.0 / 5));
    CHECK(m.p10 == Approx(2.0 / 10)); // P@10 divides by 10 though only 5 were retrieved
    CHECK(m.recip_rank == 1.0);
    CHECK(m.rprec == Approx(2.0 / 3)); // d1 d2 d3
    CHECK(m.recall100 == Approx(2.0 / 3));
    CHECK(m.recall1000 == Approx(2.0 / 3));
    const double dcg = dcg_term(1, 1) + dcg_term(1, 3);
    const double ideal = dcg_term(1, 1) + dcg_term(1, 2) + dcg_term(1, 3);
    CHECK(m.ndcg10 == Approx(dcg / ideal)); // 0.7039
}

TEST_CASE("metrics: ties are broken by document id descending, byte-wise", "[eval][metrics]") {
    // Pins trec_eval's comp_sim_docno(): equal scores put the larger docid first; "9" > "10".
    const Qrels qrels = make_qrels({{"1", "a", 1}, {"2", "10", 1}});
    const EvalReport report = evaluate(
        make_run(
            {{"1", "a", 2.0}, {"1", "b", 2.0}, {"1", "c", 2.0}, {"2", "10", 1.0}, {"2", "9", 1.0}}),
        qrels);
    REQUIRE(report.per_topic.size() == 2);
    CHECK(report.per_topic[0].recip_rank == Approx(1.0 / 3)); // c b a
    CHECK(report.per_topic[1].recip_rank == Approx(1.0 / 2)); // 9 10
}

TEST_CASE("metrics: the rank column is ignored, scores decide", "[eval][metrics]") {
    Run run;
    run.add("1", {"low", 1, 0.5, "t"}); // claims rank 1
    run.add("1", {"high", 2, 7.0, "t"});
    const TopicMetrics m = single(run, make_qrels({{"1", "high", 1}}));
    CHECK(m.recip_rank == 1.0);
    CHECK(m.map == 1.0);
}

TEST_CASE("metrics: which topics are evaluated and averaged", "[eval][metrics]") {
    const Run run = make_run({{"1", "a", 2},
                              {"1", "b", 1}, // judged, a relevant
                              {"2", "a", 1}, // no judgments at all: ignored
                              {"3", "a", 2},
                              {"3", "b", 1}}); // judged, nothing relevant
    const Qrels qrels = make_qrels({{"1", "a", 1},
                                    {"3", "a", 0},
                                    {"3", "b", -1},
                                    {"4", "a", 1}}); // not in the run: ignored, not a zero
    const EvalReport report = evaluate(run, qrels);
    REQUIRE(report.num_q == 2);
    REQUIRE(report.per_topic.size() == 2);
    CHECK(report.per_topic[0].qid == "1");
    // A judged topic without relevant documents is evaluated, scores 0 and counts in num_q
    // (trec_eval evaluates every qrels topic present in the run).
    const TopicMetrics& none = report.per_topic[1];
    CHECK(none.qid == "3");
    CHECK(none.map == 0.0);
    CHECK(none.p5 == 0.0);
    CHECK(none.ndcg10 == 0.0);
    CHECK(none.recip_rank == 0.0);
    CHECK(none.rprec == 0.0);
    CHECK(none.recall1000 == 0.0);
    CHECK(report.mean.qid == "all");
    CHECK(report.mean.map == Approx(0.5));
    CHECK(report.mean.recip_rank == Approx(0.5));
    CHECK(report.mean.p5 == Approx(0.1)); // (1/5 + 0) / 2
}

TEST_CASE("metrics: graded nDCG uses the relevance value as gain", "[eval][metrics]") {
    const Run run = make_run({{"1", "d1", 3}, {"1", "d2", 2}, {"1", "d3", 1}});
    const TopicMetrics m =
        single(run, make_qrels({{"1", "d1", 1}, {"1", "d2", 3}, {"1", "d3", 2}, {"1", "d4", 0}}));
    const double dcg = dcg_term(1, 1) + dcg_term(3, 2) + dcg_term(2, 3);
    const double ideal = dcg_term(3, 1) + dcg_term(2, 2) + dcg_term(1, 3);
    CHECK(m.ndcg10 == Approx(dcg / ideal)); // 0.8175
    CHECK(m.p5 == Approx(3.0 / 5));         // graded values >= 1 are all relevant
    CHECK(m.map == 1.0);
}

TEST_CASE("metrics: unjudged and negative judgments are non-relevant", "[eval][metrics]") {
    const Run run = make_run(
        {{"1", "unjudged", 4}, {"1", "negative", 3}, {"1", "zero", 2}, {"1", "relevant", 1}});
    const TopicMetrics m =
        single(run, make_qrels({{"1", "negative", -1}, {"1", "zero", 0}, {"1", "relevant", 2}}));
    CHECK(m.recip_rank == Approx(1.0 / 4));
    CHECK(m.map == Approx(1.0 / 4)); // R = 1: the negative judgment is not relevant
    CHECK(m.p5 == Approx(1.0 / 5));
    CHECK(m.ndcg10 == Approx(dcg_term(2, 4) / dcg_term(2, 1)));
}

TEST_CASE("metrics: R-precision when R exceeds what was retrieved", "[eval][metrics]") {
    // R = 4 but two documents retrieved: the top min(retrieved, R) are looked at, divided by R.
    const Run run = make_run({{"1", "a", 2}, {"1", "x", 1}});
    const TopicMetrics m =
        single(run, make_qrels({{"1", "a", 1}, {"1", "b", 1}, {"1", "c", 1}, {"1", "d", 1}}));
    CHECK(m.rprec == Approx(1.0 / 4));
    CHECK(m.recall100 == Approx(1.0 / 4));
    CHECK(m.map == Approx(1.0 / 4));
}

TEST_CASE("metrics: recall at 100 and 1000 stop at their cutoffs", "[eval][metrics]") {
    // 1200 documents; relevant at ranks 50, 120 and 1001, plus one never retrieved: R = 4.
    Run run;
    for (int rank = 1; rank <= 1200; ++rank)
        run.add("1", {"doc" + std::to_string(rank), rank, 2000.0 - rank, "t"});
    const TopicMetrics m = single(
        run,
        make_qrels(
            {{"1", "doc50", 1}, {"1", "doc120", 1}, {"1", "doc1001", 1}, {"1", "missing", 1}}));
    CHECK(m.recall100 == Approx(1.0 / 4));
    CHECK(m.recall1000 == Approx(2.0 / 4));
    CHECK(m.p10 == 0.0);
    CHECK(m.recip_rank == Approx(1.0 / 50));
    CHECK(m.map == Approx((1.0 / 50 + 2.0 / 120 + 3.0 / 1001) / 4)); // map has no cutoff
    CHECK(m.rprec == 0.0);
}

TEST_CASE("metrics: duplicate documents are refused, as trec_eval does", "[eval][metrics]") {
    const std::vector<RunEntry> ranking{{"a", 1, 2.0, "t"}, {"b", 2, 1.0, "t"}, {"a", 3, 0.5, "t"}};
    CHECK(message_of<UsageError>([&] { (void)evaluate_topic("1", ranking, Judgments{}); }) ==
          "evaluate: document 'a' retrieved twice for topic '1'");
}

TEST_CASE("metrics: no topic in common is an error", "[eval][metrics]") {
    // Typically Cranfield judgments (1..225 by position) against a run numbered by .I.
    CHECK(message_of<DataError>([] {
              (void)evaluate(make_run({{"365", "a", 1}}), make_qrels({{"225", "a", 1}}));
          }) == "evaluate: no topic of the run has relevance judgments (1 run topics, 1 judged "
                "topics): do they number their topics the same way?");
}

TEST_CASE("metrics: trec_eval text layout and JSON", "[eval][metrics]") {
    const Run run = make_run({{"1", "d1", 5}, {"1", "d2", 4}, {"2", "d1", 1}});
    const EvalReport report = evaluate(run, make_qrels({{"1", "d2", 1}, {"2", "d9", 1}}));
    CHECK(format_trec_eval(report) == "map                   \t1\t0.5000\n"
                                      "Rprec                 \t1\t0.0000\n"
                                      "recip_rank            \t1\t0.5000\n"
                                      "P_5                   \t1\t0.2000\n"
                                      "P_10                  \t1\t0.1000\n"
                                      "recall_100            \t1\t1.0000\n"
                                      "recall_1000           \t1\t1.0000\n"
                                      "ndcg_cut_10           \t1\t0.6309\n"
                                      "map                   \t2\t0.0000\n"
                                      "Rprec                 \t2\t0.0000\n"
                                      "recip_rank            \t2\t0.0000\n"
                                      "P_5                   \t2\t0.0000\n"
                                      "P_10                  \t2\t0.0000\n"
                                      "recall_100            \t2\t0.0000\n"
                                      "recall_1000           \t2\t0.0000\n"
                                      "ndcg_cut_10           \t2\t0.0000\n"
                                      "num_q                 \tall\t2\n"
                                      "map                   \tall\t0.2500\n"
                                      "Rprec                 \tall\t0.0000\n"
                                      "recip_rank            \tall\t0.2500\n"
                                      "P_5                   \tall\t0.1000\n"
                                      "P_10                  \tall\t0.0500\n"
                                      "recall_100            \tall\t0.5000\n"
                                      "recall_1000           \tall\t0.5000\n"
                                      "ndcg_cut_10           \tall\t0.3155\n");
    CHECK(format_trec_eval(report, false).rfind("num_q                 \tall\t2\n", 0) == 0);

    const nlohmann::json json = to_json(report);
    CHECK(json["num_q"] == 2);
    CHECK(json["all"]["map"].get<double>() == report.mean.map);
    CHECK(json["all"]["ndcg_cut_10"].get<double>() == report.mean.ndcg10);
    REQUIRE(json["per_topic"].size() == 2);
    CHECK(json["per_topic"][0]["qid"] == "1");
    CHECK(json["per_topic"][0]["P_5"].get<double>() == Approx(0.2));
    CHECK(json["per_topic"][1]["recall_1000"].get<double>() == 0.0);
}

TEST_CASE("metrics: success at 1, 5 and 10 say whether a relevant document was that high", "[eval][metrics]") {
    Run run;
    for (int rank = 1; rank <= 12; ++rank) run.add("1", {"doc" + std::to_string(rank), rank, 100.0 - rank, "t"});
    const TopicMetrics third = single(run, make_qrels({{"1", "doc3", 1}, {"1", "doc11", 1}}));
    CHECK(third.success1 == 0.0);
    CHECK(third.success5 == 1.0);
    CHECK(third.success10 == 1.0);
    const TopicMetrics eleventh = single(run, make_qrels({{"1", "doc11", 1}}));
    CHECK(eleventh.success10 == 0.0);
    CHECK(eleventh.recip_rank == Approx(1.0 / 11));
}

TEST_CASE("metrics: means per group of topics, and the groups file's errors", "[eval][metrics]") {
    // Topic 1 finds its document first, 2 third, 3 not at all.
    const Run run = make_run({{"1", "a", 3}, {"2", "x", 3}, {"2", "y", 2}, {"2", "b", 1}, {"3", "z", 1}});
    const EvalReport report =
        evaluate(run, make_qrels({{"1", "a", 1}, {"2", "b", 1}, {"3", "c", 1}}));
    const GroupReport groups = group_means(report, {{"1", "typo"}, {"2", "typo"}, {"3", "entity"}});
    REQUIRE(groups.groups.size() == 2);
    CHECK(groups.groups[0].name == "entity");
    CHECK(groups.groups[0].num_q == 1);
    CHECK(groups.groups[0].mean.recip_rank == 0.0);
    CHECK(groups.groups[1].name == "typo");
    CHECK(groups.groups[1].num_q == 2);
    CHECK(groups.groups[1].mean.recip_rank == Approx((1.0 + 1.0 / 3) / 2));
    CHECK(groups.groups[1].mean.success1 == Approx(0.5));
    CHECK(groups.groups[1].mean.success10 == Approx(1.0));
    const nlohmann::json json = to_json(groups);
    CHECK(json["typo"]["num_q"] == 2);
    CHECK(json["typo"]["success_1"].get<double>() == Approx(0.5));

    std::ostringstream table;
    write_group_table(table, groups, report);
    CHECK(table.str().find("typo               2     0.6667    0.5000     1.0000") != std::string::npos);

    const std::string path = (std::filesystem::temp_directory_path() / "newssearch-groups-test.tsv").string();
    std::ofstream(path) << "1\ttypo\n# comment\n\n2 typo\n";
    CHECK(message_of<DataError>([&] { (void)read_groups(path); }) == path + ":4: expected 'qid<TAB>group'");
    std::filesystem::remove(path);
}
