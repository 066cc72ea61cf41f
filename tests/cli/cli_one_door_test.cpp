// The one door into search: batch evaluation, the command line and the library run the same
// pipeline, and the library writes an index the way `newssearch index` does.

#include "cli_fixture.hpp"

#include "eval/run_file.hpp"
#include "eval/topics.hpp"
#include "indexer/shard_router.hpp"

#include <newssearch/index.hpp>

#include <filesystem>
#include <map>

using namespace newssearch;
using namespace newssearch::test;

namespace {

const std::string shared_data = NEWSSEARCH_SHARED_DATA;

/// `newssearch index --db DB ARGS...` must succeed.
void index_into(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"index", "--db", db});
    const CommandResult result = run_newssearch(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
}

} // namespace

TEST_CASE("batch ranks every known-item topic exactly as `newssearch search` does (BBC)") {
    const std::string topics_path = shared_data + "/bbc-known-item-dev/topics.tsv";
    if (!std::filesystem::exists(topics_path) || !std::filesystem::exists(shared_data + "/bbc")) {
        WARN("the shared BBC data is not here: nothing to compare");
        return;
    }
    const TempDir dir;
    const std::string db = dir / "bbc";
    index_into(db, {shared_data + "/bbc"});

    const std::string run_path = dir / "run.txt";
    const CommandResult batch =
        run_newssearch({"batch", "--db", db, "--topics", topics_path, "--depth", "10", "-q", "-o", run_path});
    INFO(batch.err);
    REQUIRE(batch.exit_code == 0);
    const eval::Run run = eval::read_run(run_path);
    const std::vector<eval::Topic> topics = eval::read_topics(topics_path, {});
    REQUIRE(topics.size() >= 50);

    std::size_t compared = 0;
    for (const eval::Topic& topic : topics) {
        const nlohmann::json result = nlohmann::json::parse(
            run_newssearch({"search", "--db", db, "--json", "--limit", "10", "--", topic.query}).out);
        std::vector<std::string> from_batch;
        if (run.contains(topic.id))
            for (const eval::RunEntry& entry : run.entries(topic.id)) from_batch.push_back(entry.docid);
        // A story's copies follow it in the run, as the page lists them under it.
        std::vector<std::string> shown;
        for (const auto& hit : result["hits"]) {
            shown.push_back(hit["article_id"].get<std::string>());
            for (const auto& copy : hit["copies"]) shown.push_back(copy.get<std::string>());
        }
        if (shown.size() > 10) shown.resize(10);
        INFO(topic.id << ": " << topic.query);
        CHECK(from_batch == shown);
        compared += !from_batch.empty();
    }
    CHECK(compared == topics.size()); // every topic finds something, so the comparison is not vacuous
}

TEST_CASE("articles added through the library to a sharded index land in their hash shard") {
    const TempDir dir;
    const std::string db = dir / "db";
    index_into(db, {"--shards", "3", corpus_raw});

    const std::vector<std::string> ids = {"api-1", "api-2", "api-3", "api-4", "api-5", "api-6", "api-7"};
    {
        Index index(db);
        for (const std::string& id : ids) {
            Article article;
            article.id = id;
            article.title = "Zanzibar harbour " + id;
            article.paragraphs.push_back({"The Zanzibar harbour authority reopened pier " + id + ".", false});
            CHECK(index.add(article) == AddOutcome::added);
        }
        index.commit();
    }
    // The whole index finds them all.
    const nlohmann::json all = nlohmann::json::parse(
        run_newssearch({"search", "--db", db, "--json", "--limit", "20", "Zanzibar"}).out);
    CHECK(article_ids(all).size() == ids.size());
    // Each shard holds exactly the articles whose id hashes to it.
    std::map<std::size_t, std::vector<std::string>> expected;
    for (const std::string& id : ids) expected[indexer::shard_of(id, 3)].push_back(id);
    for (std::size_t shard = 0; shard < 3; ++shard) {
        const std::string shard_db = db + "/shard-" + std::to_string(shard);
        const CommandResult result = run_newssearch({"search", "--db", shard_db, "--json", "--limit", "20", "Zanzibar"});
        INFO("shard " << shard << ": " << result.err);
        std::vector<std::string> found;
        if (result.exit_code == 0) found = article_ids(nlohmann::json::parse(result.out));
        std::sort(found.begin(), found.end());
        CHECK(found == expected[shard]);
    }
}
