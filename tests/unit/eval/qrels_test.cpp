#include "eval/qrels.hpp"

#include "common/errors.hpp"
#include "tests/unit/eval/eval_test_support.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace newssearch;
using namespace newssearch::eval;
using newssearch::eval::test::message_of;

namespace {
Qrels parse(const std::string& text) {
    std::istringstream in(text);
    return parse_qrels(in, "x.qrels");
}
} // namespace

TEST_CASE("qrels: graded, zero and negative judgments", "[eval][qrels]") {
    const Qrels qrels = parse("# a comment\n"
                              "1 0 d1 2\n"
                              "\n"
                              "1 0 d2 0\r\n"
                              "1\t0\td3\t-1\n"
                              "  10 Q0 d1 1  \n"
                              "2 0 d9 1\n");
    CHECK(qrels.size() == 5);
    CHECK(qrels.num_topics() == 3);
    CHECK(qrels.relevance("1", "d1") == 2);
    CHECK(qrels.relevance("1", "d2") == 0);
    CHECK(qrels.relevance("1", "d3") == -1);
    CHECK_FALSE(qrels.relevance("1", "d9").has_value());
    CHECK_FALSE(qrels.relevance("3", "d1").has_value());
    CHECK(qrels.num_relevant("1") == 1); // 0 and -1 are not relevant
    CHECK(qrels.num_relevant("3") == 0);
    CHECK(qrels.find("3") == nullptr);
    REQUIRE(qrels.find("1") != nullptr);
    CHECK(qrels.find("1")->size() == 3);

    // Byte-wise topic order, as trec_eval reports: "10" before "2".
    std::vector<std::string> ids;
    for (const auto& [qid, judgments] : qrels.topics())
        ids.push_back(qid);
    CHECK(ids == std::vector<std::string>{"1", "10", "2"});
}

TEST_CASE("qrels: malformed lines name file and line", "[eval][qrels]") {
    CHECK(message_of<DataError>([] { (void)parse("1 0 d1 1\n1 0 d2\n"); }) ==
          "x.qrels:2: expected 4 fields 'qid iter docid relevance', found 3");
    CHECK(message_of<DataError>([] { (void)parse("1 0 d1 1 extra\n"); }) ==
          "x.qrels:1: expected 4 fields 'qid iter docid relevance', found 5");
    CHECK(message_of<DataError>([] { (void)parse("\n\n1 0 d1 high\n"); }) ==
          "x.qrels:3: relevance 'high' is not an integer");
    CHECK(message_of<DataError>([] { (void)parse("1 0 d1 1.5\n"); }) ==
          "x.qrels:1: relevance '1.5' is not an integer");
    // trec_eval refuses a document judged twice for one topic; so do we.
    CHECK(message_of<DataError>([] { (void)parse("1 0 d1 1\n2 0 d1 1\n1 0 d1 0\n"); }) ==
          "x.qrels:3: document 'd1' judged twice for topic '1'");
}

TEST_CASE("qrels: reading a missing file is a DataError naming it", "[eval][qrels]") {
    const std::string message =
        message_of<DataError>([] { (void)read_qrels("/nonexistent/dir/x.qrels"); });
    CHECK(message == "/nonexistent/dir/x.qrels: cannot open qrels file");
}

TEST_CASE("qrels: add checks its arguments", "[eval][qrels]") {
    Qrels qrels;
    qrels.add("1", "d1", 1);
    CHECK_THROWS_AS(qrels.add("1", "d1", 0), UsageError);
    CHECK_THROWS_AS(qrels.add("", "d2", 0), UsageError);
    CHECK_THROWS_AS(qrels.add("1", "d 2", 0), UsageError);
    CHECK(qrels.size() == 1);
    CHECK_FALSE(qrels.empty());
}

TEST_CASE("qrels: the shared Cranfield and CISI judgments load", "[eval][qrels][shared]") {
    const auto folder = test::shared_data() / "trec_eval-reference";
    if (!std::filesystem::exists(folder)) {
        WARN("shared data not found at " << folder << ": skipped");
        return;
    }
    const Qrels cranfield = read_qrels(folder / "cranfield.qrels");
    CHECK(cranfield.num_topics() == 225);
    CHECK(cranfield.size() == 1612);
    const Qrels cisi = read_qrels(folder / "cisi.qrels");
    CHECK(cisi.num_topics() == 76);
    CHECK(cisi.size() == 3114);
}
