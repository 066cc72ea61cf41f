#include "server/search_request.hpp"

#include "common/errors.hpp"

#include <newssearch/searcher.hpp>

#include <catch2/catch.hpp>

using namespace newssearch;
using namespace newssearch::server;

namespace {

int status_of(const Params& params) {
    try {
        (void)parse_search_request(params);
    } catch (const RequestError& e) {
        return e.status();
    }
    return 200;
}

} // namespace

TEST_CASE("parse_search_request reads every parameter into the one request type") {
    const SearchOptions request = parse_search_request({{"q", "frozen assets"},
                                                        {"limit", "25"},
                                                        {"offset", "50"},
                                                        {"since", "2025-02"},
                                                        {"until", "2025"},
                                                        {"sort", "-date"},
                                                        {"passages", "1"},
                                                        {"source", "online.ua"},
                                                        {"entity", "sergei_lavrov"},
                                                        {"entity", "marco_rubio"}});
    CHECK(request.query == "frozen assets");
    CHECK(request.limit == 25);
    CHECK(request.offset == 50);
    CHECK(request.since == "2025-02");
    CHECK(request.until == "2025");
    CHECK(request.sort == SortOrder::newest_first);
    CHECK(request.passages);
    CHECK(request.sources == std::vector<std::string>{"online.ua"});
    CHECK(request.entities == std::vector<std::string>{"sergei_lavrov", "marco_rubio"});
}

TEST_CASE("parse_search_request reads categories, like, dated_only and facets") {
    const SearchOptions request = parse_search_request({{"category", "World"},
                                                        {"category", "business news"},
                                                        {"like", "bbc/business/001"},
                                                        {"dated_only", "1"},
                                                        {"facets", "true"},
                                                        {"facet_size", "8"}});
    CHECK(request.query.empty());
    CHECK(request.categories == std::vector<std::string>{"World", "business news"});
    CHECK(request.like == "bbc/business/001");
    CHECK(request.dated_only);
    CHECK(request.facets);
    CHECK(request.facet_size == 8);
    CHECK(parse_search_request({{"like", "x"}}).like == "x"); // more like an article needs no q
    const SearchOptions plain = parse_search_request({{"q", "talks"}});
    CHECK_FALSE(plain.facets);
    CHECK_FALSE(plain.dated_only);
    CHECK(plain.categories.empty());
    for (const Params& bad : std::vector<Params>{{{"q", "x"}, {"category", ""}},
                                                 {{"q", "x"}, {"category", "a\nb"}},
                                                 {{"like", ""}},
                                                 {{"q", "x"}, {"facets", "maybe"}},
                                                 {{"q", "x"}, {"facet_size", "many"}}}) {
        INFO(bad.begin()->first);
        CHECK(status_of(bad) == 400);
    }
}

TEST_CASE("parse_search_request defaults") {
    const SearchOptions request = parse_search_request({{"q", "talks"}});
    CHECK(request.limit == 10);
    CHECK(request.offset == 0);
    CHECK(request.sort == SortOrder::relevance);
    CHECK_FALSE(request.passages);
    CHECK(request.sources.empty());
    CHECK(request.entities.empty());
}

TEST_CASE("parse_search_request refuses bad parameters with 400") {
    const std::vector<Params> bad = {
        {},
        {{"q", "   "}},
        {{"q", "x"}, {"limit", "ten"}},
        {{"q", "x"}, {"limit", "10abc"}},
        {{"q", "x"}, {"limit", "-1"}},
        {{"q", "x"}, {"limit", ""}},
        {{"q", "x"}, {"limit", "99999999999999999999999"}},
        {{"q", "x"}, {"sort", "random"}},
        {{"q", "x"}, {"passages", "maybe"}},
        {{"q", "x"}, {"entity", "Sergei Lavrov"}},
        {{"q", "x"}, {"entity", ""}},
        {{"q", "x"}, {"source", "a\nb"}},
        {{"q", "x"}, {"q", "y"}},
        {{"q", "x"}, {"limit", "5"}, {"limit", "6"}},
        {{"q", std::string("a\0b", 3)}},
    };
    for (const Params& params : bad) {
        std::string shown;
        for (const auto& [name, value] : params)
            shown += name + "=" + value + "&";
        INFO(shown);
        CHECK(status_of(params) == 400);
    }
}

TEST_CASE("parse_search_request answers 413 for an oversized query") {
    CHECK(status_of({{"q", std::string(1025, 'a')}}) == 413);
    CHECK(status_of({{"q", std::string(1024, 'a')}}) == 200);
    RequestLimits small;
    small.max_query_bytes = 10;
    CHECK_THROWS_AS(parse_search_request({{"q", "eleven char"}}, small), RequestError);
}

TEST_CASE("parse_search_request ignores parameters it does not know") {
    // Forms embedding the box may send their own fields (a submit button's name, a cache buster).
    CHECK(status_of({{"q", "x"}, {"submit", "Search"}, {"_", "12345"}}) == 200);
}

TEST_CASE("A filter alone is a search") {
    CHECK(status_of({{"entity", "sergei_lavrov"}}) == 200);
    CHECK(status_of({{"source", "online.ua"}}) == 200);
}

TEST_CASE("filters stay structured: a source with quotes or syntax is a name, never query text") {
    const SearchOptions request =
        parse_search_request({{"q", "talks \"unbalanced"}, {"source", "a\" OR \"b"}, {"entity", "sergei_lavrov"}});
    CHECK(request.query == "talks \"unbalanced");
    CHECK(request.sources == std::vector<std::string>{"a\" OR \"b"});
    CHECK(request.entities == std::vector<std::string>{"sergei_lavrov"});
}

TEST_CASE("ranges are the search pipeline's: the same limits as every other caller") {
    const auto usage = [](const Params& params) {
        try {
            validate(parse_search_request(params));
        } catch (const UsageError&) {
            return true;
        }
        return false;
    };
    CHECK(usage({{"q", "x"}, {"limit", "0"}}));
    CHECK(usage({{"q", "x"}, {"limit", "10001"}}));
    CHECK_FALSE(usage({{"q", "x"}, {"limit", "10000"}}));
    CHECK(usage({{"q", "x"}, {"offset", "1000001"}}));
    CHECK(usage({{"q", "x"}, {"since", "yesterday"}}));
    CHECK(usage({{"q", "x"}, {"until", "2025-13"}}));
    CHECK(usage({{"q", "x"}, {"since", "2025"}, {"until", "2024"}}));
}

TEST_CASE("parse_suggest_request") {
    CHECK(parse_suggest_request({{"q", "lav"}}).limit == 8);
    CHECK(parse_suggest_request({{"q", "lav"}, {"limit", "3"}}).limit == 3);
    CHECK(parse_suggest_request({{"q", ""}}).query.empty());
    CHECK_THROWS_AS(parse_suggest_request({}), RequestError);
    CHECK_THROWS_AS(parse_suggest_request({{"q", "x"}, {"limit", "51"}}), RequestError);
    CHECK_THROWS_AS(parse_suggest_request({{"q", std::string(2000, 'x')}}), RequestError);
}

TEST_CASE("parse_article_id accepts ids and refuses control characters") {
    CHECK(parse_article_id("000_8b82c4a14ba035ea") == "000_8b82c4a14ba035ea");
    CHECK(parse_article_id("business/001") == "business/001");
    CHECK_THROWS_AS(parse_article_id(""), RequestError);
    CHECK_THROWS_AS(parse_article_id("a\nb"), RequestError);
    CHECK_THROWS_AS(parse_article_id(std::string(513, 'a')), RequestError);
}
