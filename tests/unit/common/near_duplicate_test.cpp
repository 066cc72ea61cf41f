#include "common/near_duplicate.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <random>
#include <sstream>

#include "common/hash.hpp"

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

/// SimHash as its definition says, one vote per bit per shingle: what indexes store must never
/// change with a faster way of computing it.
std::uint64_t simhash_by_definition(const std::vector<std::string>& words) {
    std::array<int, 64> votes{};
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        const std::uint64_t hash = fnv1a_64(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
        for (std::size_t bit = 0; bit < 64; ++bit) votes[bit] += ((hash >> bit) & 1U) ? 1 : -1;
    }
    std::uint64_t fingerprint = 0;
    for (std::size_t bit = 0; bit < 64; ++bit)
        if (votes[bit] > 0) fingerprint |= std::uint64_t{1} << bit;
    return fingerprint;
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

TEST_CASE("fingerprints are SimHash by its definition, for short and long articles", "[near_duplicate]") {
    std::mt19937 random(2026);
    for (const std::size_t length : {20, 100, 257, 258, 600, 2000}) {
        std::vector<std::string> words;
        for (std::size_t i = 0; i < length; ++i) words.push_back("w" + std::to_string(random() % 300));
        INFO(length);
        CHECK(simhash(words) == simhash_by_definition(words));
    }
}
