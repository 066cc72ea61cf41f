// End-to-end: entities on the bundled corpus (indexed with the bundled gazetteer by default).

#include "cli_fixture.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <map>

using namespace newssearch::test;

namespace {

using Ids = std::vector<std::string>;

Ids short_ids(const nlohmann::json& result) {
    Ids ids;
    for (const std::string& id : article_ids(result)) ids.push_back(id.substr(0, 3));
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

TEST_CASE("every spelling of Sergey Lavrov finds the same four articles", "[cli][entities]") {
    const CorpusIndex index;
    const std::string spelling = GENERATE(as<std::string>{}, "Sergey Lavrov", "Sergei Lavrov", "Лавров",
                                          "Сергей Лавров", "sergei lavrov");
    CAPTURE(spelling);
    CHECK(short_ids(index.search_json({"--limit", "50", spelling})) == Ids{"000", "001", "002", "003"});
}

TEST_CASE("an alias match highlights the name as the passage writes it", "[cli][entities]") {
    const CorpusIndex index;
    // The query says "Sergey"; article 002 only ever says "Sergei Lavrov".
    const auto result = index.search_json({"--passages", "--limit", "50", "Sergey Lavrov"});
    bool marked_sergei = false;
    for (const auto& hit : result["hits"])
        for (const std::string& mark : highlighted(hit)) marked_sergei |= mark == "Sergei Lavrov";
    CHECK(marked_sergei);
}

TEST_CASE("entity, person, place and org filters", "[cli][entities]") {
    const CorpusIndex index;
    const auto [query, expected] = GENERATE(table<std::string, Ids>({
        {"entity:\"Marco Rubio\"", {"000", "001", "002", "003"}},
        {"person:Rubio", {"000", "001", "002", "003"}},
        {"place:Anchorage", {"003"}},
        {"org:ASEAN", {"001"}},
        {"place:Kiev", {"001"}},                      // alias of Kyiv
        {"entity:sergey_lavrov", {"000", "001", "002", "003"}}, // a key, as facets print it
        {"entity:sergei_lavrov", {"000", "001", "002", "003"}}, // a key as older versions printed it
        {"org:Anchorage", {}},                         // one type per entity, in filters too
        {"person:Anchorage", {}},                      // a place is not a person
        {"entity:Barbie", {}},
        {"entity:\"Chicago Bears\"", {}},
        {"entity:\"Leo High School\"", {}},
    }));
    CAPTURE(query);
    CHECK(short_ids(index.search_json({"--limit", "50", query})) == expected);
}

TEST_CASE("hits list their passage's entities and facets count articles", "[cli][entities]") {
    const CorpusIndex index;
    const auto result = index.search_json({"--facets", "\"Anchorage agreements\""});
    REQUIRE_FALSE(result["hits"].empty());
    bool anchorage = false;
    for (const auto& entity : result["hits"][0]["entities"]) anchorage |= entity["canonical"] == "Anchorage";
    CHECK(anchorage);
    const auto& facets = result["facets"];
    CHECK(facets["articles_counted"] == 1);
    bool counted = false;
    for (const auto& entity : facets["entities"])
        if (entity["value"] == "Anchorage") counted = entity["articles"] == 1 && entity["type"] == "place";
    CHECK(counted);
    const auto all = index.search_json({"--facets", "Lavrov"});
    CHECK(all["facets"]["articles_counted"] == 4);
    CHECK(all["facets"]["entities"][0]["articles"] == 4);
}

TEST_CASE("the entities command lists known entities with article counts, and no boilerplate names", "[cli][entities]") {
    const CorpusIndex index;
    const auto result = run_newssearch({"entities", "--db", index.db(), "--json"});
    REQUIRE(result.exit_code == 0);
    const auto list = nlohmann::json::parse(result.out);
    std::map<std::string, int> articles;
    for (const auto& entity : list) articles[entity["canonical"]] = entity["articles"];
    CHECK(articles["Sergey Lavrov"] == 4);
    CHECK(articles["Marco Rubio"] == 4);
    CHECK(articles["Anchorage"] == 1);
    CHECK(articles["ASEAN"] == 1);
    for (const char* junk : {"Barbie", "Chicago Bears", "Leo High School", "Mattel", "Green Bay Packers"})
        CHECK(articles.count(junk) == 0);
    const auto people = nlohmann::json::parse(run_newssearch({"entities", "--db", index.db(), "--json", "--type", "person"}).out);
    for (const auto& entity : people) CHECK(entity["type"] == "person");
}

TEST_CASE("entities --conll appends the recogniser's tag to every token line", "[cli][entities][conll]") {
    const std::string sample = std::string(NEWSSEARCH_TEST_DATA) + "/entities/sample.conll";
    const auto result = run_newssearch({"entities", "--conll", sample});
    REQUIRE(result.exit_code == 0);
    std::ifstream in(sample);
    std::istringstream out(result.out);
    std::string input_line;
    std::string output_line;
    std::map<std::string, std::string> tag_of;
    std::size_t tokens = 0;
    while (std::getline(in, input_line)) {
        REQUIRE(std::getline(out, output_line));
        CAPTURE(input_line, output_line);
        if (input_line.empty() || input_line.starts_with("-DOCSTART-")) {
            CHECK(output_line == input_line); // blank and article lines as they came
            continue;
        }
        ++tokens;
        REQUIRE(output_line.starts_with(input_line + " "));
        const std::string tag = output_line.substr(input_line.size() + 1);
        CHECK((tag == "O" || tag == "B-PER" || tag == "I-PER" || tag == "B-LOC" || tag == "I-LOC" ||
               tag == "B-ORG" || tag == "I-ORG" || tag == "B-MISC" || tag == "I-MISC"));
        tag_of[input_line.substr(0, input_line.find(' '))] = tag;
    }
    CHECK_FALSE(std::getline(out, output_line));
    CHECK(tokens > 40);
    // A clear name: "Prime Minister Tony Blair watched ..."
    CHECK(tag_of["Tony"] == "B-PER");
    CHECK(tag_of["Blair"] == "B-PER");
    CHECK(tag_of["Minister"] == "O");
    CHECK(tag_of["London"] == "B-LOC");
}

TEST_CASE("entities --train writes a model that --conll reads", "[cli][entities][conll]") {
    const TempDir dir;
    const std::string sample = std::string(NEWSSEARCH_TEST_DATA) + "/entities/sample.conll";
    const std::string model = dir / "tagger.model";
    const auto trained = run_newssearch({"entities", "--train", sample, "--model-out", model, "--epochs", "3"});
    REQUIRE(trained.exit_code == 0);
    std::ifstream in(model);
    std::string first;
    std::getline(in, first);
    CHECK(first == "newssearch-entity-tagger 1");
    const auto tagged = run_newssearch({"entities", "--conll", sample, "--model", model});
    CHECK(tagged.exit_code == 0);
    CHECK(tagged.out.find("Tony NNP I-NP I-PER ") != std::string::npos);
    CHECK(run_newssearch({"entities", "--train", sample}).exit_code != 0);      // no --model-out
}
