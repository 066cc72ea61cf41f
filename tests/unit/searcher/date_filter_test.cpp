#include "searcher/date_filter.hpp"

#include "common/errors.hpp"

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::searcher;

TEST_CASE("date bounds accept a year, a month or a day", "[dates]") {
    CHECK(date_bound("2025", false, "--since") == "2025-01-01");
    CHECK(date_bound("2025", true, "--until") == "2025-12-31");
    CHECK(date_bound("2025-02", false, "--since") == "2025-02-01");
    CHECK(date_bound("2025-02", true, "--until") == "2025-02-31");
    CHECK(date_bound("2025-02-18", true, "--until") == "2025-02-18");
    CHECK(date_bound("2024-02-29", false, "--since") == "2024-02-29");
    CHECK(date_bound("2000-02-29", false, "--since") == "2000-02-29");
    CHECK(date_bound("", true, "--until") == "");
}

TEST_CASE("anything else is a usage error naming the option", "[dates]") {
    for (const char* bad : {"yesterday", "2025-13", "2025-02-32", "2025-02-30", "2023-02-29", "2025-04-31",
                            "2025-02-00", "25-02-18", "2025/02/18", "2025-2-1"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH(date_bound(bad, false, "--since"), Catch::StartsWith("--since expects a date"));
    }
}

TEST_CASE("a date range keeps undated articles unless asked not to", "[dates]") {
    CHECK(date_range_query("2025-02-01", "2025-03-31", true).get_description() ==
          "Query((VALUE_RANGE 1 2025-02-01 2025-03-31 OR XUNDATED))");
    CHECK(date_range_query("2025-02-01", "", false).get_description() == "Query(VALUE_GE 1 2025-02-01)");
    CHECK(date_range_query("", "2025-03-31", false).get_description() ==
          "Query(VALUE_RANGE 1 0000-01-01 2025-03-31)");
}

TEST_CASE("date: in a query reads ranges, open ends and single periods", "[dates]") {
    bool include_undated = false;
    DateFieldProcessor processor(include_undated);
    CHECK(processor("2025-02-01..2025-03-31").get_description() == "Query(VALUE_RANGE 1 2025-02-01 2025-03-31)");
    CHECK(processor("2025-02..").get_description() == "Query(VALUE_GE 1 2025-02-01)");
    CHECK(processor("..2025").get_description() == "Query(VALUE_RANGE 1 0000-01-01 2025-12-31)");
    CHECK(processor("2025-02").get_description() == "Query(VALUE_RANGE 1 2025-02-01 2025-02-31)");
    CHECK_THROWS_WITH(processor("2025-03..2025-02"), Catch::Contains("empty range"));
    CHECK_THROWS_AS(processor("soon"), UsageError);
}
