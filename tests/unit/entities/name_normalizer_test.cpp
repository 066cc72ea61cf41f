#include "common/entities/name_normalizer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

using namespace newssearch::entities;

TEST_CASE("every spelling of a name has one match key", "[entities][normalize]") {
    const auto [name, key] = GENERATE(table<std::string, std::string>({
        {"Sergey Lavrov", "sergei_lavrov"},
        {"Sergei Lavrov", "sergei_lavrov"},
        {"Sergej Lavrov", "sergei_lavrov"},
        {"SERGEY LAVROV", "sergei_lavrov"},
        {"Сергей Лавров", "sergei_lavrov"}, // Russian Cyrillic, BGN transliteration
        {"Lavrov's", "lavrov"},
        {"Lavrov’s", "lavrov"},
        {"Лавров", "lavrov"},
        {"Zelensky", "zelenski"},
        {"Zelenskyy", "zelenski"},
        {"Zelenskiy", "zelenski"},
        {"Zelenskij", "zelenski"},
        {"Зеленский", "zelenski"},
        {"Shoigu", "shoigu"},
        {"Шойгу", "shoigu"}, // BGN "Shoygu": y between vowel and consonant
        {"Dmitry Peskov", "dmitri_peskov"},
        {"Dmitrii Peskov", "dmitri_peskov"},
        {"Nikolaj", "nikolai"},
        {"Nikolay", "nikolai"},
        {"U.S.", "us"},
        {"US", "us"},
        {"Russo–Ukrainian War", "russo_ukrainian_war"}, // en dash
        {"Russo-Ukrainian War", "russo_ukrainian_war"},
        {"Côte d’Ivoire", "cote_divoire"},
        {"Zürich", "zurich"},
        {"Kyiv", "kyiv"},                 // no vowel before the y: kept
        {"World War II", "world_war_ii"}, // numerals are not variant endings
        {"Xi Jinping", "xi_jinping"},
        {"G20", "g20"},
        {"", ""},
        {"—", ""},
    }));
    CAPTURE(name);
    CHECK(name_match_key(name) == key);
    CHECK(key_match_form(entity_key(name)) == key);
}

TEST_CASE("entity keys are the canonical name, readable and unstemmed", "[entities][normalize]") {
    const auto [name, key] = GENERATE(table<std::string, std::string>({
        {"Tony Blair", "tony_blair"}, // not "toni_blair"
        {"Tory", "tory"},
        {"Germany", "germany"},
        {"Sergey Lavrov", "sergey_lavrov"},
        {"SERGEY LAVROV", "sergey_lavrov"},
        {"Lavrov's", "lavrov"},
        {"Zelenskyy", "zelenskyy"},
        {"U.S.", "us"},
        {"Côte d’Ivoire", "cote_divoire"},
        {"Zürich", "zurich"},
        {"World War II", "world_war_ii"},
        {"G20", "g20"},
        {"Сергей Лавров", "sergei_lavrov"}, // other scripts: transliterated, variants unified
        {"", ""},
    }));
    CAPTURE(name);
    CHECK(entity_key(name) == key);
}

TEST_CASE("a key's match form unifies the spelling variants of its words", "[entities][normalize]") {
    CHECK(key_match_form("tony_blair") == "toni_blair");
    CHECK(key_match_form("toni_blair") == "toni_blair");
    CHECK(key_match_form("sergey_lavrov") == key_match_form("sergei_lavrov"));
    CHECK(key_match_form("kyiv") == "kyiv");
    CHECK(key_match_form("") == "");
}

TEST_CASE("keys are plain ASCII whatever the script", "[entities][normalize]") {
    for (const char* name : {"普京", "ترامب", "Ελλάδα", "Ёлкин", "Владимир Путин", "東京"}) {
        const std::string key = entity_key(name);
        CAPTURE(name, key);
        CHECK_FALSE(key.empty());
        for (const char c : key)
            CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
    }
    CHECK(entity_key("Владимир Путин") == entity_key("Vladimir Putin"));
}

TEST_CASE("word keys take index forms", "[entities][normalize]") {
    const NameNormalizer normalizer;
    CHECK(normalizer.word_key("lavrov") == "lavrov");
    CHECK(normalizer.word_key("сергей") == "sergei");
    CHECK(normalizer.word_key("d'ivoire") == "divoire");
    CHECK(normalizer.word_key("ii") == "ii");
    CHECK(normalizer.word_key("'") == "");
}

TEST_CASE("entity_key gives the same answers on every thread", "[entities][normalize]") {
    const std::vector<std::string> names{"Сергей Лавров", "Zelenskyy", "U.S. State Department",
                                         "Київ"};
    std::vector<std::string> expected;
    for (const std::string& name : names)
        expected.push_back(entity_key(name));
    std::vector<std::vector<std::string>> results(4);
    std::vector<std::thread> threads;
    for (auto& result : results)
        threads.emplace_back([&names, &result] {
            for (int round = 0; round < 50; ++round)
                for (const std::string& name : names)
                    result.push_back(entity_key(name));
        });
    for (auto& thread : threads)
        thread.join();
    for (const auto& result : results)
        for (std::size_t i = 0; i < result.size(); ++i)
            CHECK(result[i] == expected[i % names.size()]);
}
