// The real thing: newssearch's evaluator against trec_eval's own output on the shared Cranfield
// and CISI runs (see shared/data/trec_eval-reference/README.md).

#include "eval/metrics.hpp"

#include "tests/unit/eval/eval_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace newssearch::eval;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("trec_eval reference: every figure reproduced to 4 decimals", "[eval][metrics][shared]") {
    const auto folder = test::shared_data() / "trec_eval-reference";
    if (!std::filesystem::exists(folder)) {
        WARN("shared data not found at " << folder << ": skipped");
        return;
    }
    struct Collection {
        std::string name;
        std::size_t num_q;
        std::string map;
    };
    // num_q pins which topics count: CISI's run has 112 topics, only 76 of them judged.
    for (const Collection& collection :
         {Collection{"cranfield", 225, "0.2915"}, Collection{"cisi", 76, "0.1978"}}) {
        SECTION(collection.name) {
            const EvalReport report =
                evaluate(read_run(folder / (collection.name + ".xapian-bm25.run")),
                         read_qrels(folder / (collection.name + ".qrels")));
            CHECK(report.num_q == collection.num_q);
            const auto ours = lines_of(format_trec_eval(report));
            const auto theirs =
                lines_of(file_text(folder / (collection.name + ".xapian-bm25.trec_eval.txt")));
            REQUIRE(ours.size() == theirs.size());
            std::size_t mismatches = 0;
            for (std::size_t i = 0; i < ours.size(); ++i) {
                if (ours[i] == theirs[i])
                    continue;
                if (++mismatches <= 10)
                    FAIL_CHECK("line " << i + 1 << ": ours '" << ours[i] << "', trec_eval '"
                                       << theirs[i] << "'");
            }
            CHECK(mismatches == 0);
            CHECK(ours.back().substr(0, 11) == "ndcg_cut_10");
            CHECK(std::find(ours.begin(), ours.end(),
                            "map                   \tall\t" + collection.map) != ours.end());
        }
    }
}
