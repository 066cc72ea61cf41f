#include "extract/date_parser.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using newssearch::extract::is_valid_date;
using newssearch::extract::parse_date_line;

TEST_CASE("parse_date_line accepts lines that state a date", "[indexer][date_parser]") {
    const std::vector<std::pair<std::string, std::string>> accepted = {
        // ISO and year-first numeric forms
        {"2025-02-18", "2025-02-18"},
        {" date 2025-02-18 fbpx", "2025-02-18"},
        {"2025/02/18", "2025-02-18"},
        {"2025.2.8", "2025-02-08"},
        {"2025-02-18T13:06:00Z", "2025-02-18"},
        {"Published: 2025-02-18 13:06 UTC", "2025-02-18"},
        // dotted day-first
        {"18.02.2025", "2025-02-18"},
        {"Updated 18.02.2025, 14:30", "2025-02-18"},
        // month name first
        {"Feb 18, 2025 1:06 PM", "2025-02-18"},
        {"February 18, 2025", "2025-02-18"},
        {"Sept. 8, 2025", "2025-09-08"},
        {"February 18th 2025", "2025-02-18"},
        {"Posted on February 18, 2025", "2025-02-18"},
        {"Published Feb 18, 2025 - 3:42 PM Eastern", "2025-02-18"},
        {"Last updated: Feb. 18, 2025 at 1:06 p.m. ET", "2025-02-18"},
        {"February 29, 2024", "2024-02-29"},
        // day first
        {"18 February 2025", "2025-02-18"},
        {"Tuesday, 18 Feb 2025", "2025-02-18"},
        {"Tue 18th Feb. 2025 09:15 GMT+1", "2025-02-18"},
        {"Published 18 February 2025 | Updated 19 February 2025", "2025-02-18"},
        {"Thursday, Oct. 19, 2023", "2023-10-19"},
        {"DATE: 1 Jan 2000", "2000-01-01"},
        {"Last modified on Tue 18 Feb 2025 13.06 GMT", "2025-02-18"},
    };
    for (const auto& [line, iso] : accepted) {
        INFO("line: " << line);
        const auto parsed = parse_date_line(line);
        REQUIRE(parsed.has_value());
        CHECK(*parsed == iso);
    }
}

TEST_CASE("parse_date_line rejects prose, weekdays and impossible dates",
          "[indexer][date_parser]") {
    const std::vector<std::string> rejected = {
        "",
        "   ",
        "Thursday",
        "on Thursday",
        "2025",
        "February 2025",
        "3 hours ago",
        "Today",
        "2025-02-30", // no such day
        "2023-02-29", // not a leap year
        "2025-13-01", // no such month
        "1850-01-01", // outside the news range
        "02/03/2025", // month/day order unknown
        "Rubio met Lavrov on February 18, 2025 in Riyadh.",
        "On February 18, 2025, Rubio and Lavrov led delegations to Riyadh.",
        "February 18, 2025 was the day the talks began",
        "David Millard Haskell February 18, 2025", // a byline before the date: not a date line
        "Lavrov seeks meeting with Trump team after high-profile failure",
        "Politics",
        "18 Februar 2025", // not an English month name
        "Feb 18 2025 Rubio Lavrov Talks Continue",
        "Feb 18, 2025 25:99",
        "Milwaukee,,Wisconsin,-,July,16,,2024:,Florida,Senator,Marco,Rubio",
    };
    for (const auto& line : rejected) {
        INFO("line: " << line);
        CHECK_FALSE(parse_date_line(line).has_value());
    }
}

TEST_CASE("parse_date_line is safe on long and malformed input", "[indexer][date_parser]") {
    CHECK_FALSE(parse_date_line(std::string(100000, '1')).has_value());
    CHECK_FALSE(parse_date_line(std::string("2025-02-18 ") + std::string(200, 'x')).has_value());
    CHECK_FALSE(parse_date_line("\xFF\xFE 2025-02-18 \xC3").has_value());
    CHECK_FALSE(parse_date_line(std::string("Feb\0 18, 2025", 13)).has_value());
}

TEST_CASE("is_valid_date follows the Gregorian calendar", "[indexer][date_parser]") {
    CHECK(is_valid_date(2000, 2, 29));
    CHECK_FALSE(is_valid_date(1900, 2, 29));
    CHECK(is_valid_date(2024, 12, 31));
    CHECK_FALSE(is_valid_date(2024, 4, 31));
    CHECK_FALSE(is_valid_date(2024, 0, 1));
    CHECK_FALSE(is_valid_date(2024, 1, 0));
}
