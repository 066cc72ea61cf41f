// End-to-end: the real newssearch binary searching the bundled corpus.

#include "cli_fixture.hpp"

#include <algorithm>
#include <fstream>

using namespace newssearch::test;

namespace {
const std::string anchorage_article = "003_5308f80e13916603";
const std::string kuala_lumpur_article = "001_25fc6c82eb263419";
} // namespace

TEST_CASE("\"Anchorage agreements\" ranks the article that mentions them first, highlighted", "[cli][search]") {
    const CorpusIndex index;
    const auto result = index.search_json({"Anchorage agreements"});
    REQUIRE_FALSE(result["hits"].empty());
    CHECK(result["hits"][0]["article_id"] == anchorage_article);
    const auto marks = highlighted(result["hits"][0]);
    CHECK(std::find(marks.begin(), marks.end(), "Anchorage agreements") != marks.end());
}

TEST_CASE("a bare query is the search subcommand", "[cli][search]") {
    const CorpusIndex index;
    const auto bare = run_newssearch({"--db", index.db(), "--json", "Anchorage", "agreements"});
    const auto explicit_search = run_newssearch({"search", "--db", index.db(), "--json", "Anchorage agreements"});
    CHECK(bare.exit_code == 0);
    CHECK(bare.out == explicit_search.out);
}

TEST_CASE("a settings file given before or after the command sets the search's options", "[cli][search]") {
    // --config is the program's own option: it stays before the command that a bare query adds
    // or that is moved first, every command passes it on, and the file's [search] section sets
    // that command's options.
    const CorpusIndex index;
    const std::string settings = index.dir() / "settings.toml";
    std::ofstream(settings) << "[search]\nlimit = 1\n";
    const auto bare = run_newssearch({"--config", settings, "--db", index.db(), "--json", "Kuala Lumpur"});
    INFO(bare.err);
    REQUIRE(bare.exit_code == 0);
    CHECK(nlohmann::json::parse(bare.out)["hits"].size() == 1);
    const auto attached = run_newssearch({"--db", index.db(), "--config=" + settings, "search", "--json", "Kuala Lumpur"});
    INFO(attached.err);
    REQUIRE(attached.exit_code == 0);
    CHECK(attached.out == bare.out);
    const auto after = run_newssearch({"search", "--db", index.db(), "--json", "--config", settings, "Kuala Lumpur"});
    INFO(after.err);
    REQUIRE(after.exit_code == 0);
    CHECK(after.out == bare.out);
    // Without it, both articles that name the city.
    CHECK(index.search_json({"Kuala Lumpur"})["hits"].size() == 2);
}

TEST_CASE("\"new idea\" finds the Kuala Lumpur meeting with the phrase highlighted", "[cli][search]") {
    const CorpusIndex index;
    const auto result = index.search_json({"new idea"});
    REQUIRE_FALSE(result["hits"].empty());
    CHECK(result["hits"][0]["article_id"] == kuala_lumpur_article);
    const auto marks = highlighted(result["hits"][0]);
    CHECK(std::find(marks.begin(), marks.end(), "new idea") != marks.end());
}

TEST_CASE("\"Kuala Lumpur\" finds the two articles that mention it", "[cli][search]") {
    const CorpusIndex index;
    auto ids = article_ids(index.search_json({"Kuala Lumpur"}));
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{kuala_lumpur_article, anchorage_article});
}

TEST_CASE("the standfirst is searched and shown like any passage", "[cli][search]") {
    // Article 002's standfirst (its subtitle) is the only place that says "frustration".
    const CorpusIndex index;
    const auto result = index.search_json({"frustration Europe"});
    REQUIRE_FALSE(result["hits"].empty());
    const auto& hit = result["hits"][0];
    CHECK_THAT(hit["article_id"].get<std::string>(), Catch::StartsWith("002"));
    CHECK(hit["passage_kind"] == "lede");
    CHECK(highlighted(hit) == std::vector<std::string>{"frustration", "Europe"});
}

TEST_CASE("boilerplate is not searchable", "[cli][search]") {
    const CorpusIndex index;
    const std::string query = GENERATE(as<std::string>{}, "Barbie", "cookies", "\"Chicago Bears\"", "Elevenlabs",
                                       "Shutterstock", "\"Related posts\"", "\"You May Also Like\"", "Subscribe",
                                       "Advertisement", "\"English version\"", "\"Leo High School\"");
    CAPTURE(query);
    const auto json = index.search_json({query});
    CHECK(json["total"] == 0);
    const auto text = run_newssearch({"--db", index.db(), query});
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::StartsWith("No articles match"));
}

TEST_CASE("the JSON output follows the documented schema", "[cli][search]") {
    const CorpusIndex index;
    const auto result = index.search_json({"Lavrov"});
    for (const char* key : {"query", "parsed_query", "total", "total_is_exact", "offset", "limit", "view", "notices", "hits"})
        CHECK(result.contains(key));
    CHECK(result["view"] == "articles");
    CHECK(result["total"] == 4);
    std::size_t rank = 0;
    for (const auto& hit : result["hits"]) {
        CHECK(hit["rank"] == ++rank);
        for (const char* key : {"score", "article_id", "passage", "title", "source", "date", "text", "snippet"})
            CHECK(hit.contains(key));
        CHECK_FALSE(highlighted(hit).empty());
    }
}

TEST_CASE("passages can be listed one by one and paged with limit and offset", "[cli][search]") {
    const CorpusIndex index;
    const auto passages = index.search_json({"--passages", "--limit", "50", "Lavrov"});
    CHECK(passages["view"] == "passages");
    CHECK(passages["hits"].size() > 4);
    const auto page = index.search_json({"--passages", "--limit", "2", "--offset", "2", "Lavrov"});
    REQUIRE(page["hits"].size() == 2);
    CHECK(page["hits"][0]["rank"] == 3);
    CHECK(page["hits"][0]["text"] == passages["hits"][2]["text"]);
}

TEST_CASE("the human view is plain when piped and coloured with --color", "[cli][search]") {
    const CorpusIndex index;
    const auto plain = run_newssearch({"--db", index.db(), "Anchorage agreements"});
    CHECK(plain.exit_code == 0);
    CHECK(plain.out.find('\x1b') == std::string::npos);
    CHECK_THAT(plain.out, Catch::Contains("1. Lavrov offers face-to-face meeting with Rubio"));
    CHECK_THAT(plain.out, Catch::Contains("internewscast.com"));
    const auto color = run_newssearch({"--db", index.db(), "--color", "Anchorage agreements"});
    CHECK_THAT(color.out, Catch::Contains("\x1b[1;33mAnchorage agreements\x1b[0m"));
}

TEST_CASE("a query that finds nothing says so and exits 0", "[cli][search]") {
    const CorpusIndex index;
    const auto result = run_newssearch({"--db", index.db(), "xylophone"});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "No articles match: xylophone\n");
}

TEST_CASE("a missing index is one clear line and a non-zero exit", "[cli][errors]") {
    TempDir dir;
    const auto result = run_newssearch({"--db", dir / "missing", "Lavrov"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::StartsWith("newssearch: no index at"));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

TEST_CASE("a corrupt index is one clear line and a non-zero exit", "[cli][errors]") {
    const CorpusIndex index;
    for (const auto& entry : std::filesystem::directory_iterator(index.db()))
        if (entry.path().extension() == ".glass") std::ofstream(entry.path(), std::ios::trunc) << "garbage";
    const auto result = run_newssearch({"--db", index.db(), "Lavrov"});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::StartsWith("newssearch: "));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

TEST_CASE("an empty query is a usage error", "[cli][errors]") {
    const CorpusIndex index;
    const auto result = run_newssearch({"--db", index.db(), "  "});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("no words to search for"));
}

TEST_CASE("malformed queries never crash", "[cli][errors]") {
    const CorpusIndex index;
    const std::string query = GENERATE(as<std::string>{}, "\"unbalanced", "(Lavrov", "Rubio AND", "NOT",
                                       "title:", "bad\xFF\xFEutf8", "ctrl\x01\x02", "*", "-", "unknown:field");
    CAPTURE(query);
    const auto result = run_newssearch({"--db", index.db(), query});
    CHECK((result.exit_code == 0 || result.exit_code == 2));
    if (result.exit_code == 2) CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

TEST_CASE("the first search with no index builds one from the bundled corpus", "[cli][search]") {
    TempDir home;
    const auto result = run_newssearch({"Kuala Lumpur"}, {{"HOME", home.path().string()},
                                                          {"XDG_DATA_HOME", home / "data"},
                                                          {"NEWSSEARCH_DB", ""}});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::Contains("indexing the bundled corpus"));
    CHECK_THAT(result.out, Catch::StartsWith("2 articles match: Kuala Lumpur"));
    CHECK(std::filesystem::exists(home / "data/newssearch/db"));
}

TEST_CASE("help works for the program and every subcommand, and the version names the libraries", "[cli]") {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"}, {"search", "--help"},
                                                {"index", "--help"}, {"clean", "--help"}}) {
        const auto result = run_newssearch(args);
        CHECK(result.exit_code == 0);
        CHECK_THAT(result.out, Catch::Contains("Usage") || Catch::Contains("USAGE") || Catch::Contains("Options"));
    }
    const auto version = run_newssearch({"--version"});
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("newssearch ") && Catch::Contains("Xapian 1.4"));
}

TEST_CASE("a bad option is a usage error", "[cli][errors]") {
    const auto result = run_newssearch({"search", "--limit", "zero", "Lavrov"});
    CHECK(result.exit_code == 2);
    CHECK_FALSE(result.err.empty());
}

// Pins: "newssearch search -- index" answered a correction of a word nobody typed; a word that is
// also a subcommand name is searched as typed after "--" or after "search".
TEST_CASE("a word that is a subcommand name is searched as typed", "[cli][search]") {
    const CorpusIndex index;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--", "index"}, {"search", "--", "index"}, {"search", "index"}}) {
        const auto result = index.search_json(args);
        CHECK(result["query"] == "index");
        CHECK(result["corrected_query"].is_null());
        CHECK(result["suggestion"].is_null());
    }
}
