#include "eval/batch_runner.hpp"

#include "common/errors.hpp"
#include "indexer/index_writer.hpp"
#include "eval/metrics.hpp"
#include "tests/unit/eval/eval_test_support.hpp"
#include "tests/unit/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace newssearch;
using namespace newssearch::eval;
using newssearch::eval::test::message_of;

namespace {

Article make_article(const std::string& id, const std::string& title,
                     std::vector<std::string> paragraphs) {
    Article article;
    article.id = id;
    article.title = title;
    for (auto& text : paragraphs)
        article.paragraphs.push_back({std::move(text), false});
    return article;
}

/// Three articles; "riyadh" has its answer in a later passage.
class SmallIndex {
  public:
    SmallIndex() {
        indexer::IndexWriter writer(dir_ / "db");
        std::vector<std::string> riyadh;
        for (int i = 0; i < 12; ++i)
            riyadh.push_back("Paragraph " + std::to_string(i) +
                             " talks about the weather and other news of the day.");
        riyadh.push_back(
            "The delegations met in Riyadh to restore embassy staffing and direct flights.");
        writer.add(make_article("riyadh", "Diplomats meet", riyadh));
        writer.add(make_article("assets", "Frozen assets",
                                {"Moscow waits for confirmation that the Anchorage agreements on "
                                 "frozen assets hold."}));
        writer.add(make_article("idea", "A proposal",
                                {"Lavrov introduced a new idea for the talks in Kuala Lumpur."}));
        writer.commit();
    }
    [[nodiscard]] std::string path() const { return dir_ / "db"; }

  private:
    newssearch::test::TempDir dir_;
};

std::vector<std::string> docids(const std::vector<RunEntry>& entries) {
    std::vector<std::string> ids;
    for (const RunEntry& entry : entries)
        ids.push_back(entry.docid);
    return ids;
}

} // namespace

TEST_CASE("batch: a topic is searched as a user's query, through the one search pipeline", "[eval][batch]") {
    const SmallIndex index;
    BatchRunner runner(index.path(), BatchSettings{});
    // All words first: only the article that has them all.
    CHECK(docids(runner.run_topic({"1", "frozen assets Anchorage", ""})) == std::vector<std::string>{"assets"});
    // The same request Searcher::search gets from the command line.
    Searcher searcher(index.path());
    const SearchResults results = searcher.search({.query = "talks Riyadh embassy", .limit = 1000});
    std::vector<std::string> searched;
    for (const Hit& hit : results.hits) searched.push_back(hit.article.id);
    CHECK(docids(runner.run_topic({"2", "talks Riyadh embassy", ""})) == searched);
}

TEST_CASE("batch: --bag-of-words searches topics as bags of words, any word counts", "[eval][batch]") {
    const SmallIndex index;
    BatchSettings settings;
    settings.bag_of_words = true;
    BatchRunner runner(index.path(), settings);
    // Not every word is in one article (OR semantics), and query syntax in a topic is ignored:
    // '-' does not exclude, quotes do not make a phrase, AND is a word.
    const auto entries =
        runner.run_topic({"1", "embassy -Riyadh \"assets frozen\" AND flights", ""});
    auto ids = docids(entries);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"assets", "riyadh"});
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].rank == 1);
    CHECK(entries[1].rank == 2);
    CHECK(entries[0].score > entries[1].score);
    CHECK(entries[0].tag == "newssearch");
}

TEST_CASE("batch: a passage run names passages ARTICLE#ORDINAL", "[eval][batch]") {
    const SmallIndex index;
    BatchSettings settings;
    settings.passages = true;
    settings.run_tag = "passages";
    BatchRunner runner(index.path(), settings);
    const auto entries =
        runner.run_topic({"1", "Where did the delegations meet about embassy staffing?", ""});
    REQUIRE_FALSE(entries.empty());
    CHECK_THAT(entries[0].docid, Catch::StartsWith("riyadh#"));
    CHECK(entries[0].docid != "riyadh#0");
    CHECK(entries[0].tag == "passages");
    CHECK(passage_docid("a/b", 12) == "a/b#12");
}

TEST_CASE("batch: depth, empty topics and feedback", "[eval][batch]") {
    const SmallIndex index;
    BatchSettings settings;
    settings.depth = 1;
    BatchRunner shallow(index.path(), settings);
    CHECK(shallow.run_topic({"1", "talks", ""}).size() == 1);
    // Only stopwords and punctuation: still searched for the words as they are, or nothing.
    CHECK(shallow.run_topic({"2", "?!", ""}).empty());

    settings.depth = 1000;
    BatchRunner plain(index.path(), settings);
    CHECK(docids(plain.run_topic({"3", "Kuala Lumpur", ""})) == std::vector<std::string>{"idea"});
    // With feedback, "idea" (the only match) is taken as relevant and its words expand the query:
    // "talks" now also finds the Riyadh article, below the article that matched the topic itself.
    settings.feedback.on = true;
    settings.feedback.documents = 1;
    BatchRunner with_feedback(index.path(), settings);
    CHECK(docids(with_feedback.run_topic({"3", "Kuala Lumpur", ""})) ==
          std::vector<std::string>{"idea", "riyadh"});
}

TEST_CASE("batch: a run over topics evaluates", "[eval][batch]") {
    const SmallIndex index;
    BatchRunner runner(index.path(), BatchSettings{});
    std::vector<std::pair<std::size_t, std::size_t>> progress;
    const Run run = runner.run(
        {{"1", "frozen assets", ""}, {"2", "the", ""}, {"3", "Riyadh embassy", ""}},
        [&](std::size_t done, std::size_t total) { progress.emplace_back(done, total); });
    CHECK(progress.back() == std::pair<std::size_t, std::size_t>{3, 3});
    CHECK(run.contains("1"));
    CHECK(run.contains("3"));
    Qrels qrels;
    qrels.add("1", "assets", 1);
    qrels.add("3", "riyadh", 2);
    const EvalReport report = evaluate(run, qrels);
    CHECK(report.num_q == 2);
    CHECK(report.mean.map == 1.0);
}

TEST_CASE("batch: settings are checked and a missing index is an IndexError", "[eval][batch]") {
    const SmallIndex index;
    const auto message = [&](BatchSettings settings) {
        return message_of<UsageError>([&] { BatchRunner runner(index.path(), settings); });
    };
    BatchSettings settings;
    settings.depth = 0;
    CHECK(message(settings) == "limit must be 1..10000, not 0");
    settings = {};
    settings.run_tag = "two words";
    CHECK(message(settings) == "the run tag must be a non-empty word without spaces");
    settings = {};
    settings.feedback.on = true;
    settings.feedback.weight = 1.0;
    CHECK(message(settings) == "feedback weight must be in [0, 1), not 1");
    CHECK_THROWS_AS(BatchRunner("/nonexistent/newssearch-db", BatchSettings{}), IndexError);
}
