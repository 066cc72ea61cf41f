// End-to-end: web pages through `newssearch clean` and `newssearch index`.

#include "cli_fixture.hpp"

#include <filesystem>
#include <fstream>

using namespace newssearch::test;

namespace {

const std::string pages = std::string(NEWSSEARCH_TEST_DATA) + "/html";

} // namespace

TEST_CASE("clean --json shows the article a web page yields", "[cli][html]") {
    const auto result = run_newssearch({"clean", "--json", pages + "/og_title.html"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto articles = nlohmann::json::parse(result.out);
    REQUIRE(articles.size() == 1);
    const auto& article = articles[0];
    CHECK(article["id"] == "og_title");
    CHECK(article["title"] == "Pier to be rebuilt after storm");
    CHECK(article["subtitle"] == "Ferry keeps running from a temporary landing during the works");
    CHECK(article["date"] == "2024-03-05");
    CHECK(article["source"] == "Harbour Times");
    CHECK(article["url"] == "https://harbour.example/local/pier-rebuilt");
    CHECK(article["language"] == "en-gb");
    CHECK(article["paragraphs"].size() == 4);
}

TEST_CASE("clean --explain lists every block with its decision, score and reason", "[cli][html]") {
    const auto result = run_newssearch({"clean", "--explain", pages + "/related_list.html"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("container: article"));
    CHECK_THAT(result.out, Catch::Contains("KEEP para\tp"));
    CHECK_THAT(result.out, Catch::Contains("article text\tThe harbour authority"));
    CHECK_THAT(result.out, Catch::Contains("starts a list of other stories\tRelated stories"));
    CHECK_THAT(result.out, Catch::Contains("dropped subtree: class/id 'related'"));

    const auto text = run_newssearch({"clean", "--explain", corpus_raw + "/000_8b82c4a14ba035ea.txt"});
    CHECK(text.exit_code == 3);
    CHECK_THAT(text.err, Catch::Contains("--explain applies to web pages"));
    CHECK(run_newssearch({"clean", "--json", "--explain", pages + "/hidden.html"}).exit_code == 2);
}

TEST_CASE("index takes .html and .html.gz pages and they are searchable", "[cli][html]") {
    TempDir dir;
    const auto result = run_newssearch({"index", "--db", dir / "db", pages});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    // Every page of the folder, .html and .html.gz alike, is read as an article.
    std::size_t page_files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(pages)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".html") || name.ends_with(".html.gz")) ++page_files;
    }
    CHECK(page_files >= 20);
    CHECK_THAT(result.err, Catch::Contains("Indexed " + std::to_string(page_files) + " articles"));
    // A page whose declared charset is wrong is read as what it is, and named among the repairs.
    CHECK_THAT(result.err, Catch::Contains("wrong_charset.html: declared as iso-8859-1 but is not: read as UTF-8"));
    const auto search = run_newssearch({"--db", dir / "db", "--json", "timetable Arran"});
    INFO(search.err);
    REQUIRE(search.exit_code == 0);
    const auto json = nlohmann::json::parse(search.out);
    REQUIRE_FALSE(json["hits"].empty());
    CHECK(json["hits"][0]["article_id"] == "table");
}

TEST_CASE("a broken page is reported and skipped", "[cli][html]") {
    TempDir dir;
    std::ofstream(dir / "broken.html.gz", std::ios::binary) << std::string("\x1f\x8b\x08\x00 not really gzip", 20);
    std::ofstream(dir / "empty.htm").close();
    const auto result = run_newssearch({"clean", dir / "broken.html.gz", dir / "empty.htm"});
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("broken.html.gz: corrupt or truncated gzip data"));
    CHECK_THAT(result.err, Catch::Contains("empty.htm: empty file"));
}
