#include "extract/reuters_reader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace newssearch;
using namespace newssearch::extract;

namespace {

const std::string sample = std::string(NEWSSEARCH_TEST_DATA) + "/reuters/sample.sgm";

struct ReadResult {
    std::vector<Article> articles;
    std::vector<InputProblem> problems;
    std::vector<InputProblem> warnings;
};

ReadResult read(std::istream& in, const std::string& name) {
    ReadResult result;
    read_reuters(in, name, [&](Article&& article) { result.articles.push_back(std::move(article)); },
                 result.problems, &result.warnings);
    return result;
}

} // namespace

TEST_CASE("Reuters records become articles with id, date, title, body and topic", "[indexer][reuters]") {
    std::ifstream in(sample, std::ios::binary);
    const ReadResult result = read(in, "sample.sgm");
    REQUIRE(result.articles.size() == 3);

    const Article& cocoa = result.articles[0];
    CHECK(cocoa.id == "1");
    CHECK(cocoa.date == "1987-02-26");
    CHECK(cocoa.title == "BAHIA COCOA REVIEW");
    CHECK(cocoa.source == "Reuters");
    CHECK(cocoa.category == "cocoa");
    REQUIRE(cocoa.paragraphs.size() == 2);
    CHECK(cocoa.paragraphs[0].text ==
          "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January.");
    // Character references decoded, the "Reuter" sign-off and the &#3; control character gone.
    CHECK(cocoa.paragraphs[1].text == "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos <A&B> said.");

    const Article& brief = result.articles[1];
    CHECK(brief.id == "2");
    CHECK(brief.date == "1987-03-02"); // a one-digit day is padded with a space
    CHECK(brief.title == "LONDON GOLD FIXED AT 405.50 DLRS");
    CHECK(brief.paragraphs.empty());
    CHECK(brief.category.empty());

    const Article& unprocessed = result.articles[2];
    CHECK(unprocessed.id == "3");
    CHECK(unprocessed.title.empty());
    REQUIRE(unprocessed.paragraphs.size() == 1);
    CHECK(unprocessed.paragraphs[0].text == "Unprocessed wire copy about M\xC3\xBCnchen trading");

    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings[0].where == "sample.sgm:33");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].where == "sample.sgm:41");
    CHECK_THAT(result.problems[0].reason, Catch::Contains("NEWID"));
}

TEST_CASE("Reuters input that is not SGML or not closed is reported", "[indexer][reuters]") {
    std::istringstream not_sgml("just some text\nwithout records\n");
    CHECK_THAT(read(not_sgml, "x.sgm").problems.at(0).reason, Catch::Contains("no <REUTERS> records"));

    std::istringstream unclosed("<REUTERS NEWID=\"9\">\n<TEXT><TITLE>T</TITLE>\n");
    const ReadResult result = read(unclosed, "y.sgm");
    CHECK(result.articles.empty());
    CHECK_THAT(result.problems.at(0).reason, Catch::Contains("not closed"));
}

TEST_CASE("an over-long Reuters record is skipped without holding it", "[indexer][reuters]") {
    std::string huge = "<REUTERS NEWID=\"7\">\n<TEXT><BODY>";
    huge += std::string(max_record_bytes + 10, 'x');
    huge += "</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"8\">\n<TEXT><TITLE>SMALL</TITLE></TEXT>\n</REUTERS>\n";
    std::istringstream in(huge);
    const ReadResult result = read(in, "big.sgm");
    REQUIRE(result.articles.size() == 1);
    CHECK(result.articles[0].id == "8");
    CHECK_THAT(result.problems.at(0).reason, Catch::Contains("record longer than"));
}

TEST_CASE("indented paragraphs: indent or blank line starts a paragraph", "[indexer][reuters]") {
    const auto paragraphs = indented_paragraphs("First line\ncontinues here.\n    Second   one.\n\nThird.\n");
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[0].text == "First line continues here.");
    CHECK(paragraphs[1].text == "Second one.");
    CHECK(paragraphs[2].text == "Third.");
}
