// One story once, on real news: copies of a story are one hit with its copies listed, on the BBC
// set (exact and near-duplicate copies, labelled in corpus/eval/bbc-duplicate-pairs.tsv) and on
// Reuters (a story re-filed under the same headline as it grew).

#include "cli_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <utility>

using namespace newssearch::test;

namespace {

const std::string shared_data = NEWSSEARCH_SHARED_DATA;

/// The labelled pairs of copies, both ways round.
std::set<std::pair<std::string, std::string>> labelled_copies() {
    std::ifstream in(std::string(NEWSSEARCH_CORPUS_DIR) + "/eval/bbc-duplicate-pairs.tsv");
    std::set<std::pair<std::string, std::string>> pairs;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        const std::string a = line.substr(0, tab);
        const std::string b = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
        pairs.emplace(a, b);
        pairs.emplace(b, a);
    }
    return pairs;
}

std::size_t copy_pairs_in(const std::vector<std::string>& ids, const std::set<std::pair<std::string, std::string>>& pairs) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < ids.size(); ++i)
        for (std::size_t j = i + 1; j < ids.size(); ++j) count += pairs.contains({ids[i], ids[j]});
    return count;
}

} // namespace

TEST_CASE("BBC: no two copies of a story in the top 10, and the copies are listed under their story", "[cli][copies]") {
    if (!std::filesystem::exists(shared_data + "/bbc")) {
        WARN("the shared BBC data is not here");
        return;
    }
    const TempDir dir;
    REQUIRE(run_newssearch({"index", "-q", "--db", dir / "bbc", shared_data + "/bbc"}).exit_code == 0);
    const auto pairs = labelled_copies();
    REQUIRE(pairs.size() > 300);

    const auto all = nlohmann::json::parse(
        run_newssearch({"--db", dir / "bbc", "--json", "--limit", "10", "--all-copies", "iPod sales"}).out);
    REQUIRE(copy_pairs_in(article_ids(all), pairs) > 0); // the set has copies for this query

    const auto stories = nlohmann::json::parse(run_newssearch({"--db", dir / "bbc", "--json", "--limit", "10", "iPod sales"}).out);
    CHECK(copy_pairs_in(article_ids(stories), pairs) == 0);
    std::size_t listed = 0;
    for (const auto& hit : stories["hits"])
        for (const auto& copy : hit["copies"]) {
            CHECK(pairs.contains({hit["article_id"].get<std::string>(), copy.get<std::string>()}));
            ++listed;
        }
    CHECK(listed > 0);

    const CommandResult text = run_newssearch({"--db", dir / "bbc", "--limit", "10", "iPod sales"});
    CHECK_THAT(text.out, Catch::Contains("more cop") && Catch::Contains("of this story:"));
}

TEST_CASE("Reuters: a story re-filed under the same headline on the same day is one hit", "[cli][copies]") {
    const std::string file = shared_data + "/reuters21578/reut2-006.sgm";
    if (!std::filesystem::exists(file)) {
        WARN("the shared Reuters data is not here");
        return;
    }
    const TempDir dir;
    REQUIRE(run_newssearch({"index", "-q", "--db", dir / "reuters", file}).exit_code == 0);
    const auto all = nlohmann::json::parse(
        run_newssearch({"--db", dir / "reuters", "--json", "--limit", "10", "--all-copies", "oil prices OPEC"}).out);
    const auto stories =
        nlohmann::json::parse(run_newssearch({"--db", dir / "reuters", "--json", "--limit", "10", "oil prices OPEC"}).out);
    const auto titles = [](const nlohmann::json& result) {
        std::vector<std::string> out;
        for (const auto& hit : result["hits"]) out.push_back(hit["title"].get<std::string>() + "|" + hit["date"].dump());
        return out;
    };
    const std::vector<std::string> all_titles = titles(all);
    REQUIRE(std::set<std::string>(all_titles.begin(), all_titles.end()).size() < all_titles.size());
    const std::vector<std::string> story_titles = titles(stories);
    CHECK(std::set<std::string>(story_titles.begin(), story_titles.end()).size() == story_titles.size());
}
