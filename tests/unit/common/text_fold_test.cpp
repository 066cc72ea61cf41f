#include "common/text_fold.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;

TEST_CASE("fold_word gives every spelling of a word one index form", "[fold]") {
    const auto [word, expected] = GENERATE(table<std::string, std::string>({
        {"Lavrov", "lavrov"},
        {"LAVROV", "lavrov"},
        {"Zürich", "zurich"},
        {"Zu\xCC\x88rich", "zurich"},          // combining diaeresis
        {"Ｌａｖｒｏｖ", "lavrov"},              // full-width
        {"ﬁnance", "finance"},                  // ligature
        {"Straße", "strasse"},
        {"co\xC2\xADoperate", "cooperate"},    // soft hyphen
        {"Lavrov's", "lavrov"},
        {"Lavrov’s", "lavrov"},                // curly apostrophe
        {"diplomats'", "diplomats"},
        {"don’t", "don't"},
        {"U.S", "us"},
        {"u.s.a", "usa"},
        {"3.5", "3.5"},
        {"Søren", "soren"},
        {"Łódź", "lodz"},
        {"Ελλάδα", "ελλαδα"},
        {"Сергей", "сергей"},
        {"Йошкар", "йошкар"},                  // Cyrillic й keeps its breve
        {"'", ""},
    }));
    CAPTURE(word);
    CHECK(fold_word(word) == expected);
}

TEST_CASE("plain_punctuation makes typographic punctuation plain", "[fold]") {
    CHECK(plain_punctuation("“new idea”") == "\"new idea\"");
    CHECK(plain_punctuation("‘quoted’") == "'quoted'");
    CHECK(plain_punctuation("Russo–Ukrainian — war −5") == "Russo-Ukrainian - war -5");
    CHECK(plain_punctuation("a\xC2\xA0" "b\tc\x01") == "a b c ");
    // ASCII alone takes a shorter way: the same answer.
    CHECK(plain_punctuation("Procter & \"Gamble's\"\tCo.\n\x01-\x7F") ==
          "Procter & \"Gamble's\" Co.  - ");
}
