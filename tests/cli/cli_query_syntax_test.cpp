// End-to-end: each query syntax feature on the bundled corpus (article ids shortened to 3 digits).

#include "cli_fixture.hpp"

#include <algorithm>

using namespace newssearch::test;

namespace {

using Ids = std::vector<std::string>;

/// Sorted short ids ("000".."003") of every article matching, with extra options first.
Ids matching(const CorpusIndex& index, const std::string& query, std::vector<std::string> options = {}) {
    options.insert(options.end(), {"--limit", "100", query});
    Ids ids;
    for (const std::string& id : article_ids(index.search_json(options))) ids.push_back(id.substr(0, 3));
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

TEST_CASE("query syntax features select the right bundled articles", "[cli][syntax]") {
    const CorpusIndex index;
    const auto [query, expected] = GENERATE(table<std::string, Ids>({
        {"\"Secretary of State\"", {"001", "002", "003"}},
        {"\"Anchorage agreements\"", {"003"}},
        {"\"agreements Anchorage\"", {}},             // a phrase is ordered
        {"Rubio NEAR/2 Lavrov", {"001", "003"}},
        {"Rubio NEAR/10 Lavrov", {"000", "001", "002", "003"}},
        {"Rubio ADJ/3 Lavrov", {"001", "002", "003"}},
        {"Lavrov ADJ/3 Rubio", {}},                  // ADJ is ordered, NEAR is not
        {"Alaska OR Anchorage", {"000", "003"}},
        {"Alaska AND Putin", {"000"}},
        {"Kuala Lumpur NOT ASEAN", {"003"}},
        {"Lavrov -Alaska", {"001", "002", "003"}},  // exclusion is per article, not per passage
        {"Lavrov NOT (Alaska OR Malaysia)", {"002", "003"}},
        {"NOT Lavrov", {}},
        {"Rubio -Alaska source:online.ua", {}},
        {"+Istanbul Lavrov", {"003"}},
        {"(Riyadh OR Istanbul) February", {"003"}},
        {"agree*", {"000", "002", "003"}},
        {"title:Rubio", {"001", "002", "003"}},
        {"author:Addington", {"002"}},
        {"source:online.ua", {"000"}},
        {"source:internewscast.com Putin", {"003"}},
        {"category:\"Foreign Affairs\"", {"002"}},
        {"category:world Malaysia", {"001"}},
    }));
    CAPTURE(query);
    CHECK(matching(index, query) == expected);
}

TEST_CASE("case, accents, quotes, apostrophes and dashes never change the result", "[cli][syntax]") {
    const CorpusIndex index;
    const auto [a, b] = GENERATE(table<std::string, std::string>({
        {"Lavrov's proposal", "LAVROV’S PROPOSAL"},
        {"\"new idea\"", "“new idea”"},
        {"Russo-Ukrainian", "Russo–Ukrainian"},
        {"Lavrov", "Lávrov"},
        {"Lavrov's", "Lavrov"},
    }));
    CAPTURE(a, b);
    const auto first = index.search_json({"--passages", "--limit", "100", a});
    const auto second = index.search_json({"--passages", "--limit", "100", b});
    CHECK(first["total"] == second["total"]);
    CHECK(article_ids(first) == article_ids(second));
}

TEST_CASE("a phrase finds less than the same words unquoted", "[cli][syntax]") {
    const CorpusIndex index;
    CHECK(matching(index, "\"new idea\"") == Ids{"001"});
    // Unquoted, the article with both words comes first, then those with one of them.
    const auto unquoted = index.search_json({"new idea"});
    REQUIRE(unquoted["hits"].size() > 1);
    CHECK(unquoted["hits"][0]["article_id"].get<std::string>().starts_with("001"));
    // "peace" and "talks" are both in more passages than "peace talks" is.
    const auto phrase = index.search_json({"--passages", "\"peace talks\""});
    const auto words = index.search_json({"--passages", "peace talks"});
    CHECK(phrase["total"].get<int>() < words["total"].get<int>());
}

TEST_CASE("date filters keep undated articles unless asked to drop them", "[cli][syntax]") {
    const CorpusIndex index;
    // Only 002 states its date (2025-02-18); the others are undated.
    CHECK(matching(index, "Rubio", {"--since", "2025-02-01", "--until", "2025-03-31"}) == Ids{"000", "001", "002", "003"});
    CHECK(matching(index, "Rubio", {"--since", "2025-02-01", "--until", "2025-03-31", "--dated-only"}) == Ids{"002"});
    CHECK(matching(index, "Rubio", {"--since", "2025-03", "--dated-only"}).empty());
    CHECK(matching(index, "Rubio date:2025-02-01..2025-03-31", {"--dated-only"}) == Ids{"002"});
    const auto bad = run_newssearch({"--db", index.db(), "--since", "yesterday", "Rubio"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("--since expects a date"));
}

TEST_CASE("sort by date puts the dated article first when newest first", "[cli][syntax]") {
    const CorpusIndex index;
    const auto newest = article_ids(index.search_json({"--sort", "-date", "Rubio"}));
    REQUIRE_FALSE(newest.empty());
    CHECK(newest.front() == "002_859263f0c76897ae");
    const auto oldest = article_ids(index.search_json({"--sort", "date", "Rubio"}));
    CHECK(oldest.back() == "002_859263f0c76897ae");
}

TEST_CASE("misspelt queries are corrected with a notice", "[cli][syntax]") {
    const CorpusIndex index;
    const auto result = index.search_json({"anchroage agreemnts"});
    REQUIRE_FALSE(result["hits"].empty());
    CHECK(result["hits"][0]["article_id"] == "003_5308f80e13916603");
    CHECK_THAT(result["notices"][0].get<std::string>(), Catch::Contains("anchorage agreements"));
    const auto lavrof = index.search_json({"Lavrof"});
    CHECK(lavrof["total"] == 4);
    const auto suggestion = index.search_json({"Lavrof OR Rubio"});
    CHECK(suggestion["suggestion"] == "lavrov OR rubio");
}

TEST_CASE("more like this finds other articles and explain shows the weights", "[cli][syntax]") {
    const CorpusIndex index;
    const auto like = index.search_json({"--like", "002_859263f0c76897ae"});
    CHECK(like["total"] == 3);
    const auto explained = index.search_json({"--explain", "Anchorage agreements"});
    // The two words, and the entity field for "Anchorage" (a place the gazetteer knows).
    const auto& terms = explained["hits"][0]["explanation"]["terms"];
    REQUIRE(terms.size() == 3);
    double sum = 0;
    for (const auto& term : terms) sum += term["weight"].get<double>();
    // Ranked matching's bonus: it has all the words.
    const auto& bonuses = explained["hits"][0]["explanation"]["bonuses"];
    REQUIRE_FALSE(bonuses.empty());
    CHECK(bonuses[0]["reason"] == "all the words");
    for (const auto& bonus : bonuses) sum += bonus["weight"].get<double>();
    CHECK(sum == Approx(explained["hits"][0]["score"].get<double>()));
    const auto text = run_newssearch({"--db", index.db(), "--explain", "Anchorage agreements"});
    CHECK_THAT(text.out, Catch::Contains("why: score"));
}

TEST_CASE("a 100 KB query and an unknown field are answered with notices", "[cli][syntax]") {
    const CorpusIndex index;
    std::string huge;
    while (huge.size() < 100000) huge += "Lavrov Rubio ";
    const auto long_query = index.search_json({huge});
    CHECK_THAT(long_query["notices"][0].get<std::string>(), Catch::Contains("too long"));
    const auto unknown = index.search_json({"colour:red Lavrov"});
    CHECK_THAT(unknown["notices"][0].get<std::string>(), Catch::Contains("\"colour:\" is not a field"));
}
