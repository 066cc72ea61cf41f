#include "api_fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace newssearch;
using newssearch::test::article;

namespace {

std::vector<std::string> ids(const SearchResults& results) {
    std::vector<std::string> out;
    for (const Hit& hit : results.hits) out.push_back(hit.article.id);
    return out;
}

} // namespace

TEST_CASE("a search returns article metadata, snippet highlights, score and entities", "[api][search]") {
    const test::CorpusIndex corpus;
    CHECK(corpus.summary().added == 4);
    Searcher searcher(corpus.path());
    const SearchResults results = searcher.search({.query = "new idea", .limit = 3});
    REQUIRE_FALSE(results.hits.empty());
    const Hit& hit = results.hits[0];
    CHECK(hit.rank == 1);
    CHECK(hit.score > 0);
    CHECK(hit.article.title.find("Rubio and Lavrov") != std::string::npos);
    CHECK_FALSE(hit.article.source.empty());
    CHECK(test::marked(hit).find("[new idea]") != std::string::npos);
    for (const ByteRange& range : hit.highlights) CHECK(range.end <= hit.snippet.size());
    CHECK(hit.snippet.size() <= 320);
    CHECK(results.total_estimate >= 1);

    // The passage names Lavrov and Rubio: entities with canonical names, types and ranges.
    const SearchResults discussion = searcher.search({.query = "candid discussion"});
    const Hit& first = discussion.hits.at(0);
    const auto lavrov = std::find_if(first.entities.begin(), first.entities.end(),
                                     [](const EntityMention& m) { return m.entity.key == "sergey_lavrov"; });
    REQUIRE(lavrov != first.entities.end());
    CHECK(lavrov->entity.canonical.find("Lavrov") != std::string::npos);
    CHECK(lavrov->entity.type == "person");
    CHECK(first.text.substr(lavrov->range.begin, lavrov->range.end - lavrov->range.begin).find("Lavrov") !=
          std::string::npos);
}

TEST_CASE("search options: paging, passages, dates, sort, sources, entities", "[api][search]") {
    const test::TempDir dir;
    {
        Index index(dir / "db");
        index.add(article("old", "Ceasefire talks begin", {"Ceasefire talks began in Geneva."}, "2024-03-01",
                          "Daily Wire"));
        index.add(article("new", "Ceasefire talks resume", {"Ceasefire talks resumed in Geneva."}, "2025-06-01",
                          "Evening Post"));
        index.add(article("undated", "Ceasefire", {"Talks about a ceasefire, date unknown."}, "", "Evening Post"));
        index.commit();
    }
    Searcher searcher(dir / "db");
    CHECK(searcher.search({.query = "ceasefire talks"}).total_estimate == 3);
    CHECK(searcher.search({.query = "ceasefire talks", .limit = 1}).hits.size() == 1);
    CHECK(searcher.search({.query = "ceasefire talks", .limit = 2, .offset = 2}).hits.size() == 1);
    CHECK(ids(searcher.search({.query = "talks", .since = "2025", .dated_only = true})) ==
          std::vector<std::string>{"new"});
    CHECK(ids(searcher.search({.query = "talks", .until = "2024-12", .dated_only = true})) ==
          std::vector<std::string>{"old"});
    CHECK(ids(searcher.search({.query = "talks", .dated_only = true, .sort = SortOrder::newest_first})) ==
          std::vector<std::string>{"new", "old"});
    CHECK(ids(searcher.search({.query = "talks", .dated_only = true, .sort = SortOrder::oldest_first})) ==
          std::vector<std::string>{"old", "new"});
    SearchOptions by_source{.query = "talks"};
    by_source.sources = {"evening post"};
    auto found = ids(searcher.search(by_source));
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"new", "undated"});
    // Did you mean: a misspelt word the index knows better; nothing matched, so the correction
    // was searched instead, with a notice.
    CHECK(searcher.search({.query = "talks OR genevaa"}).did_you_mean == "talks OR geneva");
    const SearchResults corrected = searcher.search({.query = "ceasefire genevaa"});
    CHECK(corrected.hits.size() == 3); // two with both words, then one with "ceasefire" only
    CHECK(corrected.corrected_query == "ceasefire geneva");
    REQUIRE(corrected.notices.size() == 1);
    CHECK(corrected.notices[0].find("\"ceasefire geneva\"") != std::string::npos);
}

TEST_CASE("passages: each matching passage of an article is a hit", "[api][search]") {
    const test::TempDir dir;
    {
        std::vector<std::string> rounds;
        for (int i = 1; i <= 12; ++i) rounds.push_back("Round " + std::to_string(i) + " of the talks ended late.");
        Index index(dir / "db");
        index.add(article("rounds", "Twelve rounds", rounds));
        index.commit();
    }
    Searcher searcher(dir / "db");
    const SearchResults articles = searcher.search({.query = "talks"});
    REQUIRE(articles.hits.size() == 1);
    CHECK(articles.hits[0].other_matching_passages >= 1);
    const SearchResults passages = searcher.search({.query = "talks", .passages = true});
    CHECK(passages.hits.size() == articles.hits[0].other_matching_passages + 1);
    CHECK(passages.hits[0].passage != passages.hits[1].passage);
}

TEST_CASE("entity filters by name or key, all of them", "[api][search]") {
    const test::CorpusIndex corpus;
    Searcher searcher(corpus.path());
    // Every bundled article names Rubio; two name Kuala Lumpur, one of them Malaysia too, none Alaska too.
    CHECK(searcher.search({.query = "Rubio"}).hits.size() == 4);
    const auto kuala_lumpur = searcher.search({.query = "Rubio", .entities = {"Kuala Lumpur"}});
    CHECK(kuala_lumpur.hits.size() == 2);
    CHECK(ids(searcher.search({.query = "Rubio", .entities = {"kuala_lumpur"}})) == ids(kuala_lumpur));
    CHECK(searcher.search({.query = "Rubio", .entities = {"Kuala Lumpur", "Malaysia"}}).hits.size() == 1);
    CHECK(searcher.search({.query = "Rubio", .entities = {"Kuala Lumpur", "Alaska"}}).hits.empty());
}

TEST_CASE("article() returns the cleaned article and its entities", "[api][article]") {
    const test::TempDir dir;
    {
        Index index(dir / "db");
        index.add(article("a1", "Harbour reopens", {"The harbour reopened after the storm."}, "2025-01-02"));
        index.commit();
    }
    Searcher searcher(dir / "db");
    const std::optional<StoredArticle> stored = searcher.article("a1");
    REQUIRE(stored);
    CHECK(stored->article == article("a1", "Harbour reopens", {"The harbour reopened after the storm."}, "2025-01-02"));
    CHECK_FALSE(searcher.article("nope").has_value());
    CHECK_THROWS_AS(searcher.article(""), UsageError);

    const test::CorpusIndex corpus;
    Searcher corpus_searcher(corpus.path());
    const auto hit = corpus_searcher.search({.query = "candid discussion"}).hits.at(0);
    const auto with_entities = corpus_searcher.article(hit.article.id);
    REQUIRE(with_entities);
    CHECK(with_entities->article.title == hit.article.title);
    CHECK(std::any_of(with_entities->entities.begin(), with_entities->entities.end(),
                      [](const Entity& e) { return e.canonical == "Marco Rubio" && e.type == "person"; }));
}

TEST_CASE("Searcher checks its arguments and reports a missing index", "[api][search][errors]") {
    const test::TempDir dir;
    CHECK_THROWS_AS(Searcher(dir / "missing"), IndexError);
    CHECK_THROWS_AS(Searcher(""), UsageError);
    {
        Index index(dir / "db");
        index.add(article("a", "Title", {"Some words here."}));
        index.commit();
    }
    Searcher searcher(dir / "db");
    CHECK_THROWS_AS(searcher.search({.query = ""}), UsageError);
    CHECK_THROWS_AS(searcher.search({.query = "words", .limit = 0}), UsageError);
    CHECK_THROWS_AS(searcher.search({.query = "words", .limit = 10001}), UsageError);
    CHECK_THROWS_AS(searcher.search({.query = "words", .since = "yesterday"}), UsageError);
    CHECK_THROWS_AS(searcher.search({.query = "words", .sources = {""}}), UsageError);
    CHECK_THROWS_AS(searcher.search({.query = "words", .entities = {" "}}), UsageError);
    CHECK_THROWS_AS(searcher.search({.query = "words", .snippet_bytes = 0}), UsageError);
}

TEST_CASE("a long-lived Searcher sees what is committed after it opened", "[api][search]") {
    const test::TempDir dir;
    Index index(dir / "db");
    index.add(article("first", "First report", {"Flooding in the valley."}));
    index.commit();
    Searcher searcher(dir / "db");
    CHECK(searcher.search({.query = "flooding"}).hits.size() == 1);
    index.add(article("second", "Second report", {"More flooding downstream."}));
    CHECK(searcher.search({.query = "flooding"}).hits.size() == 1); // not committed yet
    index.commit();
    CHECK(searcher.search({.query = "flooding"}).hits.size() == 2);
    CHECK(searcher.article("second").has_value());
}

TEST_CASE("suggest completes the last word from index words and entity names", "[api][suggest]") {
    const test::CorpusIndex corpus;
    Searcher searcher(corpus.path());
    const std::vector<Suggestion> suggestions = searcher.suggest("Sergei Lav", 8);
    REQUIRE_FALSE(suggestions.empty());
    const auto entity = std::find_if(suggestions.begin(), suggestions.end(),
                                     [](const Suggestion& s) { return s.kind == "entity"; });
    REQUIRE(entity != suggestions.end());
    CHECK(entity->entity_key == "sergey_lavrov");
    CHECK(entity->text.starts_with("Sergei "));
    for (std::size_t i = 1; i < suggestions.size(); ++i)
        CHECK(suggestions[i - 1].frequency >= suggestions[i].frequency);
    CHECK(searcher.suggest("Sergei ", 8).empty());
    CHECK_THROWS_AS(searcher.suggest("Lav", 0), UsageError);

    SearcherPool pool(corpus.path());
    CHECK(pool.suggest("anch", 3).size() == searcher.suggest("anch", 3).size());
}
