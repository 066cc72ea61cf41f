#include "extract/jsonl_reader.hpp"

#include "common/errors.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::extract;

TEST_CASE("a JSON Lines record becomes an article with paragraphs", "[jsonl]") {
    const Article article = article_from_json_line(
        R"({"id":"r1","title":" Talks in Riyadh ","date":"2025-02-18T13:06:00Z","source":"Reuters",)"
        R"("url":"https://example.com/a","body":"First paragraph.\n\nSecond one.\n"})",
        "fallback");
    CHECK(article.id == "r1");
    CHECK(article.title == "Talks in Riyadh");
    CHECK(article.date == "2025-02-18");
    CHECK(article.source == "Reuters");
    CHECK(article.url == "https://example.com/a");
    REQUIRE(article.paragraphs.size() == 2);
    CHECK(article.paragraphs[1].text == "Second one.");
}

TEST_CASE("a record without an id gets the fallback id and numeric ids are kept", "[jsonl]") {
    CHECK(article_from_json_line(R"({"title":"T","body":"B"})", "file:3").id == "file:3");
    CHECK(article_from_json_line(R"({"id":42,"title":"T"})", "x").id == "42");
}

TEST_CASE("dates are kept only when they are valid ISO dates", "[jsonl]") {
    CHECK(iso_date_prefix("2025-02-18") == "2025-02-18");
    CHECK(iso_date_prefix("2024-02-29 10:00") == "2024-02-29");
    CHECK(iso_date_prefix("2025-02-29") == "");
    CHECK(iso_date_prefix("2025-13-01") == "");
    CHECK(iso_date_prefix("Thursday") == "");
    CHECK(iso_date_prefix("2025-02-18x") == "");
}

TEST_CASE("bad records are rejected with a reason", "[jsonl]") {
    CHECK_THROWS_WITH(article_from_json_line("{not json", "x"), Catch::Contains("not valid JSON"));
    CHECK_THROWS_WITH(article_from_json_line("[1,2]", "x"), Catch::Contains("not a JSON object"));
    CHECK_THROWS_WITH(article_from_json_line(R"({"title":["a"]})", "x"), Catch::Contains("\"title\" is not a string"));
    CHECK_THROWS_AS(article_from_json_line(R"({"id":"a"})", "x"), DataError);
}

// Regression: a number too large for a double made nlohmann throw out_of_range, which escaped
// the per-record error handling and stopped the whole index run (found by fuzz_jsonl_reader).
TEST_CASE("a record with a number no double can hold is a bad record, not a crash", "[jsonl]") {
    CHECK_THROWS_AS(article_from_json_line(R"({"id":"a","title":"t","body":"b","n":888888E888})", "x"), DataError);
}
