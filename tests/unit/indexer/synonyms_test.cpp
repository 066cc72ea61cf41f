#include "indexer/synonyms.hpp"

#include "../temp_dir.hpp"
#include "common/errors.hpp"
#include "indexer/index_writer.hpp"
#include "searcher/searcher.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::indexer;

TEST_CASE("synonym files are read as groups in index form", "[synonyms]") {
    const Analyzer analyzer;
    const auto groups = parse_synonyms("# comment\nKyiv, Kiev\n\n  United States , U.S., USA # trailing\n", "s.txt", analyzer);
    REQUIRE(groups.size() == 2);
    CHECK(groups[0] == SynonymGroup{"kyiv", "kiev"});
    CHECK(groups[1] == SynonymGroup{"united states", "us", "usa"});
}

TEST_CASE("bad synonym lines are reported with file and line", "[synonyms]") {
    const Analyzer analyzer;
    CHECK_THROWS_WITH(parse_synonyms("kyiv, kiev\nlonely\n", "s.txt", analyzer),
                      Catch::StartsWith("s.txt:2: a synonym line needs at least two entries"));
    CHECK_THROWS_WITH(parse_synonyms("kyiv, ,kiev\n", "s.txt", analyzer), Catch::StartsWith("s.txt:1: an entry has no words"));
    CHECK_THROWS_AS(read_synonym_file("/nonexistent/synonyms.txt", analyzer), DataError);
}

TEST_CASE("stored synonyms make a query word find its synonyms", "[synonyms]") {
    test::TempDir dir;
    const Analyzer analyzer;
    {
        IndexWriter writer(dir / "db");
        Article article;
        article.id = "a";
        article.title = "Strikes on Kiev";
        article.paragraphs = {{"Missiles hit Kiev overnight, officials in the United States said.", false}};
        writer.add(article);
        writer.set_synonyms(parse_synonyms("kyiv, kiev\nus, united states\n", "s", analyzer));
        writer.commit();
    }
    searcher::Searcher searcher(dir / "db");
    SearchOptions options;
    options.query = "Kyiv";
    const auto result = searcher.search(options);
    REQUIRE(result.hits.size() == 1);
    REQUIRE(result.hits[0].highlights.size() == 1);
    const auto range = result.hits[0].highlights[0];
    CHECK(result.hits[0].snippet.substr(range.begin, range.end - range.begin) == "Kiev");
    options.query = "officials US";
    CHECK(searcher.search(options).hits.size() == 1);
    {
        // Replacing the table drops the old groups.
        IndexWriter writer(dir / "db");
        writer.set_synonyms({});
        writer.commit();
    }
    searcher::Searcher fresh(dir / "db");
    options.query = "Kyiv";
    options.spelling = false; // else "kyiv" would be corrected to the index's "kiev"
    CHECK(fresh.search(options).hits.empty());
}
