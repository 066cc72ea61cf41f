#include "common/entities/gazetteer.hpp"
#include "common/entities/stored_gazetteer.hpp"

#include "common/errors.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace newssearch;
using namespace newssearch::entities;

namespace {

const char* const sample =
    "# comment line\n"
    "\n"
    "Sergey Lavrov\tperson\tSergei Lavrov|Lavrov|Лавров\r\n"
    "United States\tplace\tU.S.|US|United States of America\tAmerican|Americans\n"
    "   # indented comment\n"
    "Kremlin\torganisation\n"
    "World War II\tevent\tSecond World War\t\n";

std::string message_of(std::string_view text) {
    try {
        (void)Gazetteer::parse(text, "entities.tsv");
    } catch (const DataError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("a gazetteer file lists entities with aliases and adjectives", "[entities][gazetteer]") {
    const Gazetteer gazetteer = Gazetteer::parse(sample, "sample");
    REQUIRE(gazetteer.size() == 4);
    const GazetteerEntry& lavrov = gazetteer.entries()[0];
    CHECK(lavrov.canonical == "Sergey Lavrov");
    CHECK(lavrov.type == EntityType::person);
    CHECK(lavrov.aliases == std::vector<std::string>{"Sergei Lavrov", "Lavrov", "Лавров"});
    CHECK(gazetteer.entries()[1].adjectives == std::vector<std::string>{"American", "Americans"});
    CHECK(gazetteer.entries()[2].aliases.empty());
    CHECK(gazetteer.entries()[3].type == EntityType::other);
    CHECK(gazetteer.key(0) == "sergey_lavrov");
    CHECK(gazetteer.find("united_states") == 1u);
    CHECK_FALSE(gazetteer.find("russia"));
}

TEST_CASE("a gazetteer read back with its stored word keys needs no transliteration", "[entities][gazetteer]") {
    const Gazetteer written = Gazetteer::parse(sample, "sample");
    // The words outside ASCII, with the keys the transliteration gave.
    CHECK(written.non_ascii_word_keys() == WordKeys{{"лавров", "lavrov"}});
    const WordKeys stored = parse_word_keys(format_word_keys(written.non_ascii_word_keys()));
    CHECK(stored == written.non_ascii_word_keys());

    const Gazetteer read = Gazetteer::parse(sample, "sample", stored);
    CHECK(read.non_ascii_word_keys() == written.non_ascii_word_keys());
    REQUIRE(read.lookup("lavrov").size() == 1);
    CHECK(read.key(0) == written.key(0));

    // The stored keys are taken as they are: a different stored key shows they were used.
    const Gazetteer trusting = Gazetteer::parse(sample, "sample", WordKeys{{"лавров", "lavrof"}});
    REQUIRE(trusting.lookup("lavrof").size() == 1);
    CHECK(trusting.lookup("lavrof")[0].entry == 0);
    CHECK(parse_word_keys("no tab here\nслово\tslovo\n") == WordKeys{{"слово", "slovo"}});
}

TEST_CASE("gazetteer aliases are looked up by word keys", "[entities][gazetteer]") {
    const Gazetteer gazetteer = Gazetteer::parse(sample, "sample");
    // "Sergey Lavrov" and "Sergei Lavrov" share a key: one spelling, not two.
    REQUIRE(gazetteer.lookup("sergei lavrov").size() == 1);
    CHECK(gazetteer.lookup("sergei lavrov")[0].entry == 0);
    REQUIRE(gazetteer.lookup("lavrov").size() == 1); // "Lavrov" and "Лавров"
    CHECK(gazetteer.lookup("lavrov")[0].cases == std::vector<WordCase>{WordCase::capitalised});

    const auto us = gazetteer.lookup("us");
    REQUIRE(us.size() == 1); // "U.S." and "US": both acronyms
    CHECK(us[0].cases == std::vector<WordCase>{WordCase::acronym});
    const auto of = gazetteer.lookup("united states of america");
    REQUIRE(of.size() == 1);
    CHECK(of[0].cases == std::vector<WordCase>{WordCase::capitalised, WordCase::capitalised,
                                               WordCase::any, WordCase::capitalised});
    REQUIRE(gazetteer.lookup("american").size() == 1);
    CHECK(gazetteer.lookup("american")[0].adjective);
    CHECK_FALSE(gazetteer.lookup("us")[0].adjective);

    CHECK(gazetteer.lookup("sergei").empty());
    CHECK(gazetteer.longest_alias("united") == 4);
    CHECK(gazetteer.longest_alias("sergei") == 2);
    CHECK(gazetteer.longest_alias("lavrov") == 1);
    CHECK(gazetteer.longest_alias("putin") == 0);
}

TEST_CASE("malformed gazetteer lines are reported with file and line", "[entities][gazetteer]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"Kremlin\n", "entities.tsv:1: expected 2 to 4 tab-separated fields"},
        {"# c\nKremlin\torganisation\ta\tb\tc\n", "entities.tsv:2: expected 2 to 4"},
        {"\tperson\n", "entities.tsv:1: empty canonical name"},
        {"Kremlin\tbuilding\n", "entities.tsv:1: unknown type \"building\""},
        {"Sergey Lavrov\tperson\tLavrov||Sergei Lavrov\n",
         "entities.tsv:1: empty alias (stray '|')"},
        {"United States\tplace\tUS\tAmerican|\n", "entities.tsv:1: empty adjective"},
        {"Kremlin\torganisation\t---\n", "entities.tsv:1: name \"---\" has no words"},
        {"Kremlin\torganisation\ta b c d e f g h i\n",
         "entities.tsv:1: name \"a b c d e f g h i\" has more than 8"},
        {"Sergey Lavrov\tperson\nSergei Lavrov\tperson\n",
         "entities.tsv:2: entity \"Sergei Lavrov\" is already listed as \"Sergey Lavrov\""},
        {"Kremlin\torganisation\t\xff\n", "entities.tsv:1: invalid UTF-8"},
    }));
    CAPTURE(text);
    CHECK_THAT(message_of(text), Catch::StartsWith(expected));
}

TEST_CASE("a failed add leaves the gazetteer as it was", "[entities][gazetteer]") {
    Gazetteer gazetteer;
    CHECK(gazetteer.empty());
    CHECK_THROWS_AS(
        gazetteer.add({"Kremlin", EntityType::organisation, {"Kremlin Palace", "..."}, {}}),
        UsageError);
    CHECK(gazetteer.empty());
    CHECK(gazetteer.lookup("kremlin palace").empty());
    CHECK(gazetteer.longest_alias("kremlin") == 0);
    gazetteer.add({"Kremlin", EntityType::organisation, {}, {}});
    CHECK(gazetteer.size() == 1);
}

TEST_CASE("an alias may be shared by several entities", "[entities][gazetteer]") {
    const Gazetteer gazetteer =
        Gazetteer::parse("Donald Trump\tperson\tTrump\nMelania Trump\tperson\tTrump\n", "shared");
    CHECK(gazetteer.lookup("trump").size() == 2);
}

TEST_CASE("a missing gazetteer file is a data error naming it", "[entities][gazetteer]") {
    CHECK_THROWS_WITH(Gazetteer::load("/nonexistent/entities.tsv"),
                      Catch::StartsWith("/nonexistent/entities.tsv: cannot read"));
}

TEST_CASE("the bundled gazetteer loads", "[entities][gazetteer]") {
    const Gazetteer gazetteer =
        Gazetteer::load(std::string(NEWSSEARCH_CORPUS_DIR) + "/entities.tsv");
    CHECK(gazetteer.size() >= 40);
    for (const char* key :
         {"sergei_lavrov", "marco_rubio", "anchorage", "asean", "united_states", "kyiv"}) {
        CAPTURE(key);
        CHECK(gazetteer.find(key));
    }
}
