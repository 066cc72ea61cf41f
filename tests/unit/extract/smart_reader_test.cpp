#include "extract/smart_reader.hpp"

#include "common/errors.hpp"
#include "tests/unit/eval/eval_test_support.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <vector>

using namespace newssearch;
using namespace newssearch::extract;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using newssearch::eval::test::message_of;
namespace test = newssearch::eval::test;

namespace {
std::vector<SmartDocument> read_all(const std::filesystem::path& path) {
    std::vector<SmartDocument> documents;
    read_smart_collection(
        path, [&](SmartDocument&& document) { documents.push_back(std::move(document)); });
    return documents;
}

std::vector<SmartDocument> parse(const std::string& text) {
    std::istringstream in(text);
    SmartReader reader(in, "s.all");
    std::vector<SmartDocument> documents;
    while (auto document = reader.next())
        documents.push_back(std::move(*document));
    return documents;
}
} // namespace

TEST_CASE("smart: Cranfield records, damaged and empty ones included", "[eval][smart]") {
    const auto documents = read_all(test::fixture("cran_sample.all"));
    REQUIRE(documents.size() == 4);

    const SmartDocument& first = documents[0];
    CHECK(first.id == "1");
    CHECK(first.line == 1);
    CHECK(first.title ==
          "experimental investigation of the aerodynamics of a wing in a slipstream .");
    CHECK(first.author == "brenckman,m.");
    CHECK(first.bibliographic == "j. ae. scs. 25, 1958, 324.");
    CHECK_THAT(first.text, StartsWith("experimental investigation of the aerodynamics of a\n"
                                      "wing in a slipstream .\n"
                                      "  an experimental study of a wing"));
    CHECK_THAT(first.text, EndsWith("the specific configuration of the experiment ."));

    // Regression: 240 has ".A" and ".B" lines inside its abstract; they must not replace the
    // author and bibliography nor cut the abstract.
    const SmartDocument& damaged = documents[1];
    CHECK(damaged.id == "240");
    CHECK(damaged.author == "dean r. chapman");
    CHECK(damaged.bibliographic == "naca technote 3792");
    CHECK_THAT(damaged.text, Contains("case where air is injected into the separated region  .\n"
                                      "application to turbulent separations is made for a prandtl "
                                      "number of\nunity in low-speed flow without injection ."));
    CHECK_THAT(damaged.text, EndsWith("transfer in a laminar separated flow ."));
    CHECK_THAT(damaged.text, !Contains(".A") && !Contains(".B"));

    // Cranfield 471 is nothing but empty markers.
    const SmartDocument& empty = documents[2];
    CHECK(empty == SmartDocument{"471", "", "", "", "", empty.line});

    // Regression: 576 has a second ".W" in its abstract; the text after it is kept.
    const SmartDocument& twice = documents[3];
    CHECK(twice.id == "576");
    CHECK(twice.author == "inger, g.r.");
    CHECK_THAT(twice.text, StartsWith("viscous and inviscid stagnation flow"));
    CHECK_THAT(twice.text, Contains("benser, w.a.\nlimit characteristics ."));
    CHECK_THAT(twice.text, EndsWith("blades is included ."));
}

TEST_CASE("smart: CISI authors, citations and keywords", "[eval][smart]") {
    const auto documents = read_all(test::fixture("cisi_sample.all"));
    REQUIRE(documents.size() == 3);
    CHECK(documents[0].id == "1");
    CHECK(documents[0].title == "18 Editions of the Dewey Decimal Classifications");
    CHECK_THAT(documents[0].text, EndsWith("librarianship in this country and abroad."));
    // One ".A" per author; each author line is one entry.
    CHECK(documents[1].author == "Burton, R.E.; Kebler, R.W.");
    CHECK(documents[2].author == "Barton, I.J.; Creasey, S.E.; Lynch, M.F.; Snell, M.J.");
    CHECK(documents[2].title ==
          "An Information-Theoretic Approach to Text Searching in Direct Access Systems");
    // .K keywords, .C codes and .X citations are not text.
    CHECK_THAT(documents[2].text, EndsWith("cost advantages."));
    CHECK_THAT(documents[2].text, !Contains("information theory, filed organization"));
    CHECK_THAT(documents[0].text, !Contains("1004"));
}

TEST_CASE("smart: ids lose leading zeros, markers need their own line", "[eval][smart]") {
    const auto documents = parse("\n.I 007\n.T\nTitle\n.W\n.Trailing text line\n.W more\n");
    REQUIRE(documents.size() == 1);
    CHECK(documents[0].id == "7");
    CHECK(documents[0].line == 2);
    CHECK(documents[0].title == "Title");
    CHECK(documents[0].text == ".Trailing text line\n.W more");
}

TEST_CASE("smart: malformed input names file and line", "[eval][smart]") {
    CHECK(message_of<DataError>([] { (void)parse("\ntext first\n.I 1\n"); }) ==
          "s.all:2: expected '.I <id>' to start a record");
    CHECK(message_of<DataError>([] { (void)parse(".I 1\n.W\nx\n.I\n.W\ny\n"); }) ==
          "s.all:4: expected '.I <id>'");
    CHECK(message_of<DataError>([] { (void)parse(".I 1 2\n"); }) == "s.all:1: expected '.I <id>'");
    CHECK(message_of<DataError>([] { (void)parse(".I 1\n.W\nx\n.I 01\n.W\ny\n"); }) ==
          "s.all:4: duplicate id '1' (first at line 1)");
    CHECK(message_of<DataError>([] { (void)parse(".I 5\nstray text\n"); }) ==
          "s.all:2: text outside any field (expected .T, .A, .B or .W after '.I 5')");
    CHECK(message_of<DataError>([] { (void)SmartReader("/nonexistent/c.all"); }) ==
          "/nonexistent/c.all: cannot open SMART file");
}

TEST_CASE("smart: the whole Cranfield and CISI collections stream", "[eval][smart][shared]") {
    const auto folder = test::shared_data();
    if (!std::filesystem::exists(folder / "cranfield")) {
        WARN("shared data not found at " << folder << ": skipped");
        return;
    }
    std::size_t empty_texts = 0;
    std::string last_id;
    const std::size_t cranfield = read_smart_collection(folder / "cranfield" / "cran.all.1400",
                                                        [&](SmartDocument&& document) {
                                                            if (document.text.empty())
                                                                ++empty_texts;
                                                            last_id = document.id;
                                                        });
    CHECK(cranfield == 1400);
    CHECK(empty_texts == 2); // 471 and 995
    CHECK(last_id == "1400");

    std::size_t with_author = 0;
    std::size_t with_text = 0;
    const std::size_t cisi =
        read_smart_collection(folder / "cisi" / "CISI.ALL", [&](SmartDocument&& document) {
            if (!document.author.empty())
                ++with_author;
            if (!document.text.empty())
                ++with_text;
        });
    CHECK(cisi == 1460);
    CHECK(with_author == 1460);
    CHECK(with_text == 1460);
}
