// End-to-end: what a one-shot command loads when it starts, and how `serve` finds its program.

#include "cli_fixture.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include <sys/wait.h>

using namespace newssearch::test;

TEST_CASE("a search does not need the entity tagger's model, which only indexing uses", "[cli][startup]") {
    const CorpusIndex index;
    // Queries are recognised by the gazetteer and rules alone; a missing model file used to
    // fail every search (and loading it was half of a one-shot search's time).
    const std::map<std::string, std::string> no_model{{"NEWSSEARCH_ENTITY_MODEL", index.dir() / "no-such.model"}};
    const auto result = run_newssearch({"--db", index.db(), "--json", "Anchorage agreements"}, no_model);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto hits = nlohmann::json::parse(result.out)["hits"];
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0]["article_id"] == "003_5308f80e13916603");
}

TEST_CASE("serve without its service program says which program is missing", "[cli][startup][serve]") {
    // newssearch execs newssearch-serve beside it (or at the installed libexec path); a program
    // copied alone cannot, and must say so rather than crash or hang.
    const TempDir dir;
    const std::filesystem::path alone = dir.path() / "bin" / "newssearch";
    std::filesystem::create_directories(alone.parent_path());
    std::filesystem::copy_file(NEWSSEARCH_BINARY, alone);
    const std::filesystem::path err = dir.path() / "err.txt";
    const int status = std::system((alone.string() + " serve --db " + (dir / "db") + " --port 1 </dev/null >/dev/null 2>" +
                                    err.string()).c_str());
    std::ifstream in(err);
    const std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(message);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(message.find("cannot start the service program") != std::string::npos);
    CHECK(message.find("newssearch-serve") != std::string::npos);
}

TEST_CASE("index without the program for long runs indexes in its own process", "[cli][startup][index]") {
    // `newssearch index` hands its command line to newssearch-serve, which allocates with jemalloc
    // (serve_program.hpp); a program copied alone cannot, and must index all the same.
    const TempDir dir;
    const std::filesystem::path alone = dir.path() / "bin" / "newssearch";
    std::filesystem::create_directories(alone.parent_path());
    std::filesystem::copy_file(NEWSSEARCH_BINARY, alone);
    const std::string data = std::string("NEWSSEARCH_DATA_DIR=") + NEWSSEARCH_CORPUS_DIR + " ";
    const std::string db = dir / "db";
    const int indexed = std::system((data + alone.string() + " index -q --db " + db + " " + corpus_raw +
                                     " </dev/null >/dev/null 2>&1").c_str());
    CHECK(WIFEXITED(indexed));
    CHECK(WEXITSTATUS(indexed) == 0);
    const auto result = run_newssearch({"--db", db, "--json", "Anchorage agreements"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto hits = nlohmann::json::parse(result.out)["hits"];
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0]["article_id"] == "003_5308f80e13916603");
}
