#include "render/render_json.hpp"
#include "render/render_text.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace newssearch;
using namespace newssearch::render;

namespace {

SearchResults sample_result() {
    SearchResults result;
    result.query = "new idea";
    result.parsed_query = "Query((new@1 PHRASE 2 idea@2))";
    result.total_estimate = 1;
    result.limit = 10;
    Hit hit;
    hit.rank = 1;
    hit.score = 2.5;
    hit.article.id = "001";
    hit.passage = 2;
    hit.article_passages = 7;
    hit.passage_kind = "body";
    hit.article.title = "Rubio and Lavrov";
    hit.article.source = "example.com";
    hit.text = "Lavrov had introduced a “new idea” here.";
    hit.snippet = hit.text;
    hit.highlights = {{27, 35}};
    hit.other_matching_passages = 1;
    result.hits.push_back(hit);
    return result;
}

} // namespace

TEST_CASE("the JSON schema carries hits with byte-offset highlights", "[render]") {
    const nlohmann::json json = to_json(sample_result());
    CHECK(json["query"] == "new idea");
    CHECK(json["total"] == 1);
    CHECK(json["view"] == "articles");
    const auto& hit = json["hits"][0];
    CHECK(hit["rank"] == 1);
    CHECK(hit["article_id"] == "001");
    CHECK(hit["passage"] == 2);
    CHECK(hit["date"].is_null());
    CHECK(hit["source"] == "example.com");
    CHECK(hit["other_matching_passages"] == 1);
    const auto range = hit["snippet"]["highlights"][0];
    const std::string text = hit["snippet"]["text"];
    CHECK(text.substr(range[0].get<std::size_t>(), range[1].get<std::size_t>() - range[0].get<std::size_t>()) == "new idea");
}

TEST_CASE("the text view is plain when not coloured and marks matches in colour", "[render]") {
    std::ostringstream plain;
    render_text(plain, sample_result(), TextStyle{false});
    CHECK_THAT(plain.str(), Catch::Contains("1 article matches: new idea (showing 1-1)"));
    CHECK_THAT(plain.str(), Catch::Contains("1. Rubio and Lavrov"));
    CHECK_THAT(plain.str(), Catch::Contains("example.com"));
    CHECK_THAT(plain.str(), Catch::Contains("undated"));
    CHECK(plain.str().find('\x1b') == std::string::npos);

    std::ostringstream color;
    render_text(color, sample_result(), TextStyle{true});
    CHECK_THAT(color.str(), Catch::Contains("\x1b[1;33mnew idea\x1b[0m"));
}

TEST_CASE("an empty result says nothing matched", "[render]") {
    SearchResults result;
    result.query = "Barbie";
    std::ostringstream out;
    render_text(out, result, TextStyle{false});
    CHECK(out.str() == "No articles match: Barbie\n");
}

TEST_CASE("the text view shows a query's bytes that are not UTF-8 as U+FFFD, as the JSON does", "[render]") {
    SearchResults result;
    result.query = "bad \xff\xfe and \x1b[2J";
    std::ostringstream text;
    render_text(text, result, TextStyle{false});
    // Nothing reaches the terminal that is not UTF-8, and no escape sequence.
    CHECK(text.str() == "No articles match: bad \xEF\xBF\xBD\xEF\xBF\xBD and ?[2J\n");
    const std::string json = to_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    CHECK_THAT(json, Catch::Contains("bad \xEF\xBF\xBD\xEF\xBF\xBD and"));
}

TEST_CASE("marks land on their words when bytes before them are not UTF-8", "[render]") {
    // U+FFFD takes three bytes where the bad byte took one: the marks are placed first.
    std::ostringstream out;
    write_marked(out, "caf\xff new idea!", {{5, 13}}, TextStyle{true});
    CHECK(out.str() == "caf\xEF\xBF\xBD \x1b[1;33mnew idea\x1b[0m!");
}
