#include "eval/run_file.hpp"

#include "common/errors.hpp"
#include "tests/unit/eval/eval_test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

using namespace newssearch;
using namespace newssearch::eval;
using newssearch::eval::test::message_of;

namespace {
Run parse(const std::string& text) {
    std::istringstream in(text);
    return parse_run(in, "x.run");
}

std::string written(const Run& run) {
    std::ostringstream out;
    write_run(out, run);
    return out.str();
}
} // namespace

TEST_CASE("run: lines parse into topics in order of first appearance", "[eval][run]") {
    const Run run = parse("# comment\n"
                          "2 Q0 d7 1 3.5 bm25\n"
                          "\n"
                          "1\tQ0\td1\t1\t-0.25\tbm25\r\n"
                          "2 Q0 d8 2 1e-3 other\n");
    CHECK(run.size() == 3);
    CHECK(run.topic_ids() == std::vector<std::string>{"2", "1"});
    REQUIRE(run.entries("2").size() == 2);
    CHECK(run.entries("2")[0] == RunEntry{"d7", 1, 3.5, "bm25"});
    CHECK(run.entries("2")[1] == RunEntry{"d8", 2, 0.001, "other"});
    CHECK(run.entries("1")[0] == RunEntry{"d1", 1, -0.25, "bm25"});
    CHECK(run.entries("3").empty());
    CHECK(run.contains("1"));
    CHECK_FALSE(run.contains("3"));
}

TEST_CASE("run: malformed lines name file and line", "[eval][run]") {
    CHECK(message_of<DataError>([] { (void)parse("1 Q0 d1 1 2.0\n"); }) ==
          "x.run:1: expected 6 fields 'qid Q0 docid rank score tag', found 5");
    CHECK(message_of<DataError>([] { (void)parse("1 Q0 d1 1 2.0 t\n1 Q0 d2 first 2.0 t\n"); }) ==
          "x.run:2: rank 'first' is not an integer");
    CHECK(message_of<DataError>([] { (void)parse("1 Q0 d1 1 high t\n"); }) ==
          "x.run:1: score 'high' is not a number");
    CHECK(message_of<DataError>([] { (void)parse("1 Q0 d1 1 nan t\n"); }) ==
          "x.run:1: score 'nan' is not a number");
    // trec_eval refuses a document listed twice for a topic ("duplicate docs"); so do we.
    CHECK(message_of<DataError>([] {
              (void)parse("1 Q0 d1 1 2.0 t\n2 Q0 d1 1 2.0 t\n1 Q0 d1 2 1.0 t\n");
          }) == "x.run:3: document 'd1' listed twice for topic '1' (first at line 1)");
}

TEST_CASE("run: writing gives TREC lines that read back unchanged", "[eval][run]") {
    Run run;
    run.add("3", {"doc-b", 1, 12.5, "newssearch"});
    run.add("3", {"doc-a", 2, 0.1 + 0.2, "newssearch"});
    run.add("1", {"doc-c", 1, -1.0, "newssearch"});
    const std::string text = written(run);
    CHECK(text == "3 Q0 doc-b 1 12.5 newssearch\n"
                  "3 Q0 doc-a 2 0.30000000000000004 newssearch\n"
                  "1 Q0 doc-c 1 -1 newssearch\n");
    const Run again = parse(text);
    CHECK(again.topic_ids() == run.topic_ids());
    for (const std::string& qid : run.topic_ids()) {
        REQUIRE(again.entries(qid).size() == run.entries(qid).size());
        for (std::size_t i = 0; i < run.entries(qid).size(); ++i)
            CHECK(again.entries(qid)[i] == run.entries(qid)[i]); // scores bit-identical
    }
}

TEST_CASE("run: format_score is the shortest exact form", "[eval][run]") {
    CHECK(format_score(26.130395) == "26.130395");
    CHECK(format_score(1.0) == "1");
    CHECK(format_score(1e-7) == "1e-07");
    CHECK(format_score(-std::numeric_limits<double>::infinity()) == "-inf");
}

TEST_CASE("run: add checks its arguments", "[eval][run]") {
    Run run;
    run.add("1", {"d1", 1, 1.0, "t"});
    CHECK_THROWS_AS(run.add("1", {"d1", 2, 0.5, "t"}), UsageError);
    CHECK_THROWS_AS(run.add("", {"d2", 1, 1.0, "t"}), UsageError);
    CHECK_THROWS_AS(run.add("1 2", {"d2", 1, 1.0, "t"}), UsageError);
    CHECK_THROWS_AS(run.add("1", {"d 2", 1, 1.0, "t"}), UsageError);
    CHECK_THROWS_AS(run.add("1", {"d2", 1, 1.0, ""}), UsageError);
    CHECK_THROWS_AS(run.add("1", {"d2", 1, std::numeric_limits<double>::quiet_NaN(), "t"}),
                    UsageError);
    CHECK(run.size() == 1);
}

TEST_CASE("run: files round-trip, a missing file is a DataError naming it", "[eval][run]") {
    const auto path = std::filesystem::temp_directory_path() / "newssearch_eval_run_test.run";
    Run run;
    run.add("7", {"d1", 1, 2.0, "t"});
    write_run_file(path, run);
    const Run again = read_run(path);
    std::filesystem::remove(path);
    CHECK(again.entries("7").size() == 1);
    CHECK(message_of<DataError>([] { (void)read_run("/nonexistent/x.run"); }) ==
          "/nonexistent/x.run: cannot open run file");
    CHECK(message_of<DataError>([&] { write_run_file("/nonexistent/dir/x.run", run); }) ==
          "/nonexistent/dir/x.run: cannot create run file");
}
