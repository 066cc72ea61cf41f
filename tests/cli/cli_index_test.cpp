// End-to-end: `newssearch index` on real and deliberately bad files.

#include "cli_fixture.hpp"

#include <fstream>
#include <map>

using namespace newssearch::test;

namespace {

void write_file(const std::string& path, const std::string& contents) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << contents;
}

} // namespace

TEST_CASE("indexing the bundled corpus reports what it did", "[cli][index]") {
    TempDir dir;
    const auto result = run_newssearch({"index", "--db", dir / "db", corpus_raw});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::StartsWith("Indexed 4 articles (4 added, 0 updated, 0 unchanged)"));
    const auto again = run_newssearch({"index", "--db", dir / "db", corpus_raw});
    CHECK_THAT(again.err, Catch::StartsWith("Indexed 4 articles (0 added, 0 updated, 4 unchanged)"));
    const auto quiet = run_newssearch({"index", "--quiet", "--db", dir / "db", corpus_raw});
    CHECK(quiet.err.empty());
}

TEST_CASE("bad files are reported by name with a reason and the rest is indexed", "[cli][index]") {
    TempDir dir;
    const std::string input = dir / "input";
    std::filesystem::create_directories(input);
    std::filesystem::copy(corpus_raw + "/001_25fc6c82eb263419.txt", input + "/good.txt");
    write_file(input + "/empty.txt", "");
    write_file(input + "/blank.txt", "  \n\n \n");
    write_file(input + "/binary.txt", std::string("PK\x03\x04\0\0\x01\x02", 8));
    write_file(input + "/latin1.txt", "Caf\xE9 society\n\nA body paragraph about the caf\xE9 that is long enough.\n");
    write_file(input + "/notes.md", "ignored: not an article file type");

    const auto result = run_newssearch({"index", "--db", dir / "db", input});
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("Indexed 2 articles (2 added"));
    CHECK_THAT(result.err, Catch::Contains("empty.txt: empty file"));
    CHECK_THAT(result.err, Catch::Contains("blank.txt: empty file"));
    CHECK_THAT(result.err, Catch::Contains("binary.txt: binary file"));
    CHECK_THAT(result.err, Catch::Contains("latin1.txt: not UTF-8 (first invalid byte at offset 3): read as Windows-1252"));
    CHECK(result.err.find("notes.md") == std::string::npos);

    const auto search = run_newssearch({"--db", dir / "db", "--json", "Kuala Lumpur"});
    CHECK(nlohmann::json::parse(search.out)["hits"][0]["article_id"] == "good");
}

// Pins: indexing the Reuters-21578 folder indexed its README.txt and its category word lists
// (all-places-strings.lc.txt, ...) as articles.
TEST_CASE("a folder's README and word lists are left out with a reason, unless named", "[cli][index]") {
    TempDir dir;
    const std::string input = dir / "collection";
    std::filesystem::create_directories(input);
    std::filesystem::copy(corpus_raw + "/001_25fc6c82eb263419.txt", input + "/good.txt");
    write_file(input + "/README.txt", "This collection holds news articles.\n\nSee the LICENSE for terms of use.\n");
    std::string places;
    for (const char* place : {"afghanistan", "albania", "algeria", "andorra", "angola", "anguilla", "antigua",
                              "argentina", "aruba", "australia", "austria"})
        places += std::string(place) + "\n";
    write_file(input + "/all-places-strings.lc.txt", places);

    const auto result = run_newssearch({"index", "--db", dir / "db", input});
    CHECK(result.exit_code == 0); // left out on purpose: not a problem
    CHECK_THAT(result.err, Catch::Contains("Indexed 1 article (1 added"));
    CHECK_THAT(result.err, Catch::Contains("2 files left out as no articles:"));
    CHECK_THAT(result.err, Catch::Contains("README.txt: not an article: the collection's documentation"));
    CHECK_THAT(result.err, Catch::Contains("all-places-strings.lc.txt: not an article: a list with one entry per line"));

    const auto named = run_newssearch({"index", "--db", dir / "db", input + "/README.txt"});
    CHECK(named.exit_code == 0);
    CHECK_THAT(named.err, Catch::Contains("Indexed 1 article (1 added"));
}

TEST_CASE("JSON Lines articles are indexed and a bad record is reported with its line", "[cli][index]") {
    TempDir dir;
    write_file(dir / "articles.jsonl",
               R"({"id":"r1","title":"Zürich talks","date":"2025-03-01","source":"Reuters","url":"https://example.com/1","body":"Diplomats met in Zürich.\nThey agreed on nothing."})"
               "\n{broken\n"
               R"({"id":"r2","title":"Second","body":"Another story about Kyiv."})" "\n");
    const auto result = run_newssearch({"index", "--db", dir / "db", dir / "articles.jsonl"});
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("Indexed 2 articles"));
    CHECK_THAT(result.err, Catch::Contains("articles.jsonl:2: not valid JSON"));

    const auto search = run_newssearch({"--db", dir / "db", "--json", "zurich"});
    const auto json = nlohmann::json::parse(search.out);
    REQUIRE(json["hits"].size() == 1);
    CHECK(json["hits"][0]["article_id"] == "r1");
    CHECK(json["hits"][0]["date"] == "2025-03-01");
    CHECK(json["hits"][0]["source"] == "Reuters");
    CHECK(highlighted(json["hits"][0]) == std::vector<std::string>{"Zürich"});
}

TEST_CASE("a changed file is re-indexed in place", "[cli][index]") {
    TempDir dir;
    write_file(dir / "in/story.txt", "A story title\n\nThe first version mentions Anchorage in a sentence that is long enough to be prose.\n");
    run_newssearch({"index", "--db", dir / "db", dir / "in"});
    write_file(dir / "in/story.txt", "A story title\n\nThe second version mentions Riyadh in a sentence that is long enough to be prose.\n");
    const auto result = run_newssearch({"index", "--db", dir / "db", dir / "in"});
    CHECK_THAT(result.err, Catch::Contains("(0 added, 1 updated, 0 unchanged)"));
    CHECK(nlohmann::json::parse(run_newssearch({"--db", dir / "db", "--json", "Anchorage"}).out)["total"] == 0);
    CHECK(nlohmann::json::parse(run_newssearch({"--db", dir / "db", "--json", "Riyadh"}).out)["total"] == 1);
}

TEST_CASE("a path that does not exist is reported, and alone it creates no index", "[cli][index]") {
    TempDir dir;
    const auto alone = run_newssearch({"index", "--db", dir / "db", dir / "nowhere"});
    CHECK(alone.exit_code == 1);
    CHECK_THAT(alone.err, Catch::Contains("no such file or folder: " + std::string(dir / "nowhere")));
    CHECK_THAT(alone.err, Catch::Contains("no index was created"));
    CHECK_FALSE(std::filesystem::exists(dir / "db"));
    // Beside a path that exists, it is one of the run's problems.
    const auto with_corpus = run_newssearch({"index", "--db", dir / "db", dir / "nowhere", corpus_raw});
    CHECK(with_corpus.exit_code == 3);
    CHECK_THAT(with_corpus.err, Catch::Contains("nowhere: no such file or folder"));
}

TEST_CASE("the help lists the exit codes; NO_COLOR turns colour off unless --color asks", "[cli]") {
    const auto help = run_newssearch({"--help"});
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("Exit codes: 0 success"));
    TempDir dir;
    REQUIRE(run_newssearch({"index", "-q", "--db", dir / "db", corpus_raw}).exit_code == 0);
    const auto forced = run_newssearch({"--db", dir / "db", "--color", "Lavrov"}, {{"NO_COLOR", "1"}});
    CHECK(forced.out.find('\x1b') != std::string::npos); // an explicit flag wins over the environment
    const auto piped = run_newssearch({"--db", dir / "db", "Lavrov"}, {{"NO_COLOR", "1"}});
    CHECK(piped.out.find('\x1b') == std::string::npos);
}

TEST_CASE("an index run needs at least one path", "[cli][index]") {
    const auto result = run_newssearch({"index"});
    CHECK(result.exit_code == 2);
}

TEST_CASE("index --source names the source of the articles that state none", "[cli][index]") {
    TempDir dir;
    write_file(dir / "bbc/politics/001.txt",
               "Labour plans zanzibarquokka reform\n\nThe party set out its zanzibarquokka plans on Monday.\n");
    write_file(dir / "own/wire.jsonl",
               R"({"id":"002","title":"Zanzibarquokka talks resume","source":"example.test","body":"Talks on the zanzibarquokka resumed."})"
               "\n");
    write_file(dir / "plain/003.txt", "Zanzibarquokka census\n\nA census of the zanzibarquokka began.\n");
    REQUIRE(run_newssearch({"index", "--db", dir / "db", "--source", "BBC News", dir / "bbc", dir / "own"}).exit_code == 0);
    REQUIRE(run_newssearch({"index", "--db", dir / "db", dir / "plain"}).exit_code == 0);

    const auto search = run_newssearch({"--db", dir / "db", "--json", "-n", "10", "zanzibarquokka"});
    REQUIRE(search.exit_code == 0);
    const nlohmann::json found = nlohmann::json::parse(search.out);
    std::map<std::string, nlohmann::json> sources;
    for (const auto& hit : found["hits"]) sources[hit["article_id"].get<std::string>()] = hit["source"];
    CHECK(sources["politics/001"] == "BBC News");
    CHECK(sources["002"] == "example.test"); // its own source wins
    CHECK(sources["003"].is_null());          // unknown stays null
    // The source given is a filter like any other.
    const auto bbc = run_newssearch({"--db", dir / "db", "--json", "--source", "BBC News", "zanzibarquokka"});
    CHECK(article_ids(nlohmann::json::parse(bbc.out)) == std::vector<std::string>{"politics/001"});

    // Given again for files already indexed, it applies to them too.
    REQUIRE(run_newssearch({"index", "--db", dir / "db", "--source", "Wire", dir / "plain"}).exit_code == 0);
    const auto wire = run_newssearch({"--db", dir / "db", "--json", "--source", "Wire", "zanzibarquokka"});
    CHECK(article_ids(nlohmann::json::parse(wire.out)) == std::vector<std::string>{"003"});

    CHECK(run_newssearch({"index", "--db", dir / "db", "--source", "", dir / "plain"}).exit_code == 2);
}

// Pins: "newssearch --source NAME index DIR" ran a search, because the list of options that take
// a value was kept by hand and lacked the newer ones; it now comes from the option definitions.
TEST_CASE("any option of a subcommand may come before it", "[cli][index]") {
    TempDir dir;
    const auto result = run_newssearch({"--source", "Wire Service", "--db", dir / "db", "index", corpus_raw});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::StartsWith("Indexed 4 articles (4 added"));
}
