#include "common/near_duplicate.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace newssearch;

namespace {

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string word; in >> word;) out.push_back(word);
    return out;
}

/// An article's words: `count` distinct words of one story (a few hundred, as news articles have).
std::string article_text(const std::string& story, int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += story + std::to_string(i * 7919 % 1000) + " ";
    return text;
}

const std::string story = article_text("budget", 300);
const std::string other_story = article_text("football", 300);

} // namespace

TEST_CASE("fingerprints: a copy or a light edit is near, another story is far", "[near_duplicate]") {
    const auto original = simhash(words(story));
    REQUIRE(original);
    CHECK(simhash(words(story)) == original); // stable: it may be stored
    // Re-sent with two words changed and a sentence added.
    std::vector<std::string> edited = words(story);
    edited[10] = "deficit";
    edited[200] = "spending";
    for (const char* word : {"the", "minister", "denied", "it"}) edited.emplace_back(word);
    const auto light_edit = simhash(edited);
    REQUIRE(light_edit);
    CHECK(fingerprint_distance(*original, *light_edit) <= max_duplicate_distance);
    const auto different = simhash(words(other_story));
    REQUIRE(different);
    CHECK(fingerprint_distance(*original, *different) > max_duplicate_distance);
    CHECK_FALSE(simhash(words("too short to tell a copy from a story")));
}

TEST_CASE("fingerprints are stored as 16 hex digits; anything else is no fingerprint", "[near_duplicate]") {
    CHECK(format_fingerprint(0x0123456789abcdefULL) == "0123456789abcdef");
    CHECK(parse_fingerprint("0123456789abcdef") == 0x0123456789abcdefULL);
    CHECK(parse_fingerprint(format_fingerprint(~0ULL)) == ~0ULL);
    CHECK_FALSE(parse_fingerprint(""));
    CHECK_FALSE(parse_fingerprint("0123456789ABCDEF"));
    CHECK_FALSE(parse_fingerprint("0123456789abcde"));
    CHECK(fingerprint_distance(0b1011, 0b0001) == 2);
}

TEST_CASE("a dated headline needs a date and three words", "[near_duplicate]") {
    CHECK(dated_headline({"opec", "wants", "18", "dlr", "oil", "price"}, "1987-03-17") ==
          "opec wants 18 dlr oil price|1987-03-17");
    CHECK(dated_headline({"opec", "wants", "18"}, "").empty());
    CHECK(dated_headline({"results"}, "1987-03-17").empty());
}
