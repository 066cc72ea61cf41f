#include "extract/not_article.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace newssearch::extract;

TEST_CASE("a collection's documentation is known by its name, in any case and with any extension") {
    for (const char* name : {"README.txt", "readme", "README_FIRST.txt", "LICENSE", "Licence.txt", "COPYING.text",
                             "AUTHORS.txt", "CHANGES.txt", "ChangeLog.txt", "NOTICE.txt", "INSTALL.txt"})
        CHECK_THAT(not_article_by_name(name), Catch::Contains("documentation"));
    for (const char* name : {"001.txt", "reut2-000.sgm", "licensing-deal.txt", "readers.txt", "notices-2025.txt",
                             "installation-art.txt", "all-places-strings.lc.txt"})
        CHECK(not_article_by_name(name).empty());
}

TEST_CASE("a list of one word per line is no article; prose, and a page with a menu, are") {
    // Reuters-21578's all-places-strings.lc.txt, trailing spaces and all.
    const std::string places = "afghanistan\nalbania \nalgeria \namerican-samoa\nandorra \nangola\nanguilla\n"
                               "antigua\nargentina\naruba\naustralia\naustria\n";
    CHECK_THAT(not_article_by_shape(places), Catch::Contains("one entry per line (12 of 12 lines"));

    const std::string article = "Rubio and Lavrov discuss new ideas\n\n"
                                "Diplomats met in Kuala Lumpur on Thursday to talk about the war.\n"
                                "They agreed to meet again, officials said.\n";
    CHECK(not_article_by_shape(article).empty());
    // A scraped page often opens with a menu of one-word lines: its paragraphs outweigh them.
    std::string page = "Home\nNews\nSport\nBusiness\nWeather\nVideo\nMore\nSearch\nMenu\nLogin\nSignup\nShare\n";
    for (int i = 0; i < 3; ++i)
        page += "The talks in Kuala Lumpur ran late into the night, and both ministers left without a word "
                "to the reporters waiting outside the conference centre.\n";
    CHECK(not_article_by_shape(page).empty());
    // Too short to tell.
    CHECK(not_article_by_shape("one\ntwo\nthree\n").empty());
}
