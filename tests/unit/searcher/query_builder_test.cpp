#include "searcher/query_builder.hpp"

#include "common/errors.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::searcher;

// Golden tests: the parsed query's description pins how each kind of input is read.
TEST_CASE("queries parse to the expected Xapian queries", "[query]") {
    const Analyzer analyzer;
    const QueryBuilder builder(analyzer, nullptr);
    const auto [input, description] = GENERATE(table<std::string, std::string>({
        {"Anchorage agreements", "Query((Zanchorag@1 AND Zagreement@2))"},
        {"ANCHORAGE Agreements", "Query((Zanchorag@1 AND Zagreement@2))"},
        {"\"new idea\"", "Query((new@1 PHRASE 2 idea@2))"},
        {"“new idea”", "Query((new@1 PHRASE 2 idea@2))"},
        {"Lavrov’s Zürich", "Query((Zlavrov@1 AND Zzurich@2))"},
        {"Rubio NOT Trump", "Query((Zrubio@1 AND_NOT Ztrump@2))"},
        {"-Barbie Lavrov", "Query((Zlavrov@2 AND_NOT Zbarbi@1))"},
        {"Rubio OR Lavrov", "Query((Zrubio@1 OR Zlavrov@2))"},
        {"title:Lavrov", "Query(ZSlavrov@1)"},
        {"source:online.ua Rubio", "Query((Zrubio@1 FILTER XSRConline-ua))"},
        {"category:\"Foreign Affairs\" talks", "Query((Ztalk@1 FILTER XCATforeign-affairs))"},
        {"Rubio NEAR/3 Lavrov", "Query((rubio@1 NEAR 4 lavrov@2))"},
        {"(Kyiv OR Kiev", "Query((Zkyiv@1 OR Zkiev@2))"},
        {"\"unbalanced quote", "Query((unbalanced@1 PHRASE 2 quote@2))"},
        {"what did Lavrov say about the Anchorage agreements?",
         "Query((Zlavrov@3 AND Zsay@4 AND Zanchorag@7 AND Zagreement@8))"},
        {"the of", "Query((Zthe@1 AND Zof@2))"},
    }));
    CAPTURE(input);
    CHECK(builder.parse(input).query.get_description() == description);
}

TEST_CASE("the default operator can be OR for partial matches", "[query]") {
    const Analyzer analyzer;
    const QueryBuilder builder(analyzer, nullptr);
    CHECK(builder.parse("Anchorage agreements", QueryOptions{Xapian::Query::OP_OR}).query.get_description() ==
          "Query((Zanchorag@1 OR Zagreement@2))");
}

TEST_CASE("malformed queries are answered with a notice or a clear error", "[query]") {
    const Analyzer analyzer;
    const QueryBuilder builder(analyzer, nullptr);

    SECTION("a dangling operator: the words are searched, with a notice") {
        const ParsedQuery parsed = builder.parse("Rubio AND");
        CHECK(parsed.query.get_description() == "Query(Zrubio@1)");
        REQUIRE(parsed.notices.size() == 1);
        CHECK_THAT(parsed.notices[0], Catch::Contains("not understood"));
    }
    SECTION("invalid UTF-8 is dropped, with a notice") {
        const ParsedQuery parsed = builder.parse("bad\xFFutf");
        CHECK(parsed.query.get_description() == "Query((Zbad@1 AND Zutf@2))");
        CHECK(parsed.notices.size() == 1);
    }
    SECTION("control characters separate words") {
        CHECK(builder.parse("ctrl\x01" "chars").query.get_description() == "Query((Zctrl@1 AND Zchar@2))");
    }
    SECTION("a 100 KB query is cut, with a notice") {
        std::string huge;
        while (huge.size() < 100000) huge += "lavrov rubio ";
        const ParsedQuery parsed = builder.parse(huge);
        CHECK_FALSE(parsed.query.empty());
        REQUIRE(parsed.notices.size() == 1);
        CHECK_THAT(parsed.notices[0], Catch::Contains("too long"));
    }
    SECTION("nothing to search for is an error") {
        for (const char* empty : {"", "   ", "AND", "NOT", "\"\"", "()", "?!"}) {
            CAPTURE(empty);
            CHECK_THROWS_AS(builder.parse(empty), UsageError);
        }
    }
    // The error leaves the parser without leaking (the sanitizer build checks) and reusable.
    SECTION("a date: value that is not a date is an error, wherever it stands") {
        for (const char* bad : {"date:xyz", "date:xyz Rubio", "Rubio date:2025-13", "Lav* date:2025-03..2025-02"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS(builder.parse(bad), UsageError);
        }
        CHECK_THROWS_WITH(builder.parse("date:soon Rubio"), Catch::Contains("date: expects a date"));
        CHECK(builder.parse("Rubio").query.get_description() == "Query(Zrubio@1)");
    }
}

TEST_CASE("entity markers are the builder's own syntax: typed or glued, names stay words", "[query]") {
    const Analyzer analyzer;
    const auto gazetteer = std::make_shared<const entities::Gazetteer>(
        entities::Gazetteer::parse("Marco Rubio\tperson\tRubio\n", "test"));
    const auto recognizer = std::make_shared<const entities::EntityRecognizer>(gazetteer);
    const QueryBuilder builder(analyzer, nullptr, recognizer);
    QueryOptions any_word;
    any_word.default_op = Xapian::Query::OP_OR;
    // A known name is searched in the entity field too.
    CHECK_THAT(builder.parse("Rubio talks").query.get_description(), Catch::Contains("XEmarco_rubio"));
    // Typed by a user, the marker's syntax is two words, whatever its case.
    CHECK(builder.parse("xentity:abc").query.get_description() == "Query((Zxentiti@1 AND Zabc@2))");
    CHECK_THAT(builder.parse("XEntity:0 talks").query.get_description(), !Catch::Contains("XEmarco_rubio"));
    // A name glued to '.', as in "rubio.ua", is a phrase of words, never a marked phrase: Xapian
    // 1.4.22's parser crashed on one excluded after another exclusion with OR as default.
    CHECK(builder.parse("talks -b -Rubio.ua", any_word).query.get_description() ==
          "Query((Ztalk@1 AND_NOT (Zb@2 OR (rubio@3 PHRASE 2 ua@4))))");
    CHECK_NOTHROW(builder.parse("a -b -xentity:0.u", any_word));
}

TEST_CASE("a name is corrected only for a slip of the finger that keeps its first letter", "[query]") {
    CHECK(is_slip_of_finger("wegner", "wenger"));     // two neighbours swapped
    CHECK(is_slip_of_finger("giamati", "giamatti"));  // a doubled letter left out
    CHECK(is_slip_of_finger("parmalatt", "parmalat")); // a letter doubled
    CHECK(is_slip_of_finger("kingfischer", "kingfisher"));
    CHECK_FALSE(is_slip_of_finger("obama", "osama"));   // a letter replaced: another name
    CHECK_FALSE(is_slip_of_finger("iphone", "phone"));  // the first letter
    CHECK_FALSE(is_slip_of_finger("twitter", "bitter"));
    CHECK_FALSE(is_slip_of_finger("brexit", "credit"));
    CHECK_FALSE(is_slip_of_finger("bbcx", "bbc"));      // too short to tell
    CHECK_FALSE(is_slip_of_finger("wenger", "wenger"));
}

TEST_CASE("ranking evidence: the query's words in titles, exclusions and fields left out", "[query]") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer, nullptr);
    const std::string title = builder.ranking_evidence("the peace talks in Riyadh -Alaska source:Reuters").title.get_description();
    CHECK(title.find("ZSpeac") != std::string::npos);
    CHECK(title.find("ZSriyadh") != std::string::npos);
    CHECK(title.find("alaska") == std::string::npos);
    CHECK(title.find("reuters") == std::string::npos);
}
