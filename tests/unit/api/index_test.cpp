#include "api_fixture.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace newssearch;
using newssearch::test::article;

TEST_CASE("Index adds, updates and removes articles; searchers see them after commit", "[api][index]") {
    const test::TempDir dir;
    Index index(dir / "db");
    CHECK(index.add(article("a", "Harbour reopens", {"The harbour reopened after the storm."})) == AddOutcome::added);
    CHECK(index.add(article("a", "Harbour reopens", {"The harbour reopened after the storm."})) == AddOutcome::unchanged);
    index.commit();
    Searcher searcher(dir / "db");
    CHECK(searcher.article_count() == 1);
    CHECK(searcher.search({.query = "harbour"}).hits.size() == 1);

    CHECK(index.add(article("a", "Harbour reopens", {"The port reopened after the storm."})) == AddOutcome::updated);
    index.commit();
    CHECK(searcher.search({.query = "harbour storm"}).hits.at(0).text == "The port reopened after the storm.");

    CHECK(index.remove("a"));
    CHECK_FALSE(index.remove("a"));
    CHECK(searcher.article_count() == 1); // not committed yet
    index.commit();
    CHECK(searcher.article_count() == 0);
    CHECK(searcher.search({.query = "harbour"}).hits.empty());
}

TEST_CASE("Index drops what was not committed", "[api][index]") {
    const test::TempDir dir;
    {
        Index index(dir / "db");
        index.add(article("kept", "Kept", {"This one is committed."}));
        index.commit();
        index.add(article("lost", "Lost", {"This one is not."}));
    }
    Searcher searcher(dir / "db");
    CHECK(searcher.article_count() == 1);
    CHECK(searcher.article("kept").has_value());
    CHECK_FALSE(searcher.article("lost").has_value());
}

TEST_CASE("Index checks its arguments", "[api][index][errors]") {
    const test::TempDir dir;
    CHECK_THROWS_AS(Index(""), UsageError);
    Index index(dir / "db");
    CHECK_THROWS_AS(index.add(article("", "No id", {"text"})), UsageError);
    CHECK_THROWS_AS(index.add(article("empty", "", {})), UsageError);
    CHECK_THROWS_AS(index.remove(""), UsageError);
    CHECK_THROWS_AS(index.add_files({}), UsageError);
    CHECK_THROWS_AS(index.add_files({dir / "x"}, {.format = "pdf"}), UsageError);
    // Every exception of the library is a newssearch::Error.
    CHECK_THROWS_AS(index.add(article("", "No id", {"text"})), Error);
}

TEST_CASE("a second Index on the same folder is refused while the first is open", "[api][index][errors]") {
    const test::TempDir dir;
    Index first(dir / "db");
    CHECK_THROWS_AS(Index(dir / "db"), IndexError);
}

TEST_CASE("Index::add_files indexes the bundled corpus and reports bad inputs", "[api][index]") {
    const test::TempDir dir;
    std::ofstream(dir / "empty.txt") << "";
    Index index(dir / "db");
    index.add(article("mine", "Added by hand", {"Before the files."}));
    const IndexSummary summary =
        index.add_files({std::string(NEWSSEARCH_CORPUS_DIR) + "/raw", dir / "empty.txt", dir / "missing"});
    CHECK(summary.files == 5);
    CHECK(summary.added == 4);
    CHECK(summary.passages > 4);
    REQUIRE(summary.problems.size() == 2);
    // Pending changes were committed first; the Index can still be written afterwards.
    index.add(article("after", "Added after", {"After the files."}));
    index.commit();
    CHECK(Searcher(dir / "db").article_count() == 6);
}
