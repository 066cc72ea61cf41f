#include "indexer/stem_cache.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace newssearch;
using namespace newssearch::indexer;

TEST_CASE("the stem cache gives the stemmer's stems, also after it has filled and started again", "[indexer][stem]") {
    const Analyzer analyzer;
    StemCache stems(analyzer);
    CHECK(stems.of("agreements") == "agreement");
    CHECK(stems.of("agreements") == "agreement"); // remembered
    CHECK(stems.of("dying") == "die");
    // More distinct words than it keeps: every answer is still the stemmer's own.
    for (int i = 0; i < 120'000; ++i) {
        const std::string word = "talk" + std::to_string(i) + (i % 2 == 0 ? "ing" : "s");
        REQUIRE(stems.of(word) == analyzer.stem(word));
    }
    CHECK(stems.of("agreements") == "agreement");
    CHECK(stems.of("skies") == "sky");
}
