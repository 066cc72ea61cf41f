#include "searcher/snippet.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::searcher;

TEST_CASE("a short passage is its own snippet", "[snippet]") {
    const Snippet snippet = make_snippet("Short text here.", {{6, 10}}, 100);
    CHECK(snippet.text == "Short text here.");
    CHECK(snippet.highlights == std::vector<ByteRange>{{6, 10}});
    CHECK_FALSE(snippet.starts_mid_text);
    CHECK_FALSE(snippet.ends_mid_text);
}

TEST_CASE("a long passage is cut around its marks at spaces", "[snippet]") {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "filler" + std::to_string(i) + " ";
    const std::size_t at = text.size();
    text += "Anchorage agreements remain in force";
    for (int i = 0; i < 40; ++i) text += " tail" + std::to_string(i);
    const Snippet snippet = make_snippet(text, {{at, at + 20}}, 120);
    CHECK(snippet.text.size() <= 120);
    CHECK(snippet.starts_mid_text);
    CHECK(snippet.ends_mid_text);
    REQUIRE(snippet.highlights.size() == 1);
    CHECK(snippet.text.substr(snippet.highlights[0].begin, 20) == "Anchorage agreements");
    CHECK(snippet.text.front() != ' ');
    CHECK(text.find(snippet.text) != std::string::npos);
}

TEST_CASE("the window holding the most marks wins", "[snippet]") {
    std::string text = "alpha one " + std::string(300, 'x') + " beta gamma delta";
    const std::size_t beta = text.find("beta");
    const Snippet snippet = make_snippet(text, {{0, 5}, {beta, beta + 4}, {beta + 5, beta + 10}}, 100);
    CHECK(snippet.highlights.size() == 2);
    CHECK(snippet.text.find("beta gamma") != std::string::npos);
}

TEST_CASE("snippets never cut inside a UTF-8 character", "[snippet]") {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "Лавров ";
    const Snippet snippet = make_snippet(text, {}, 50);
    CHECK(snippet.text.size() <= 50);
    CHECK(snippet.text.starts_with("Лавров"));
    CHECK(snippet.text.ends_with("Лавров"));
}
