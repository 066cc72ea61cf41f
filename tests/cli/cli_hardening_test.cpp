// End-to-end: input that is not what the program expects never costs a run or its output.

#include "cli_fixture.hpp"

#include <fstream>

using namespace newssearch::test;

namespace {

void write_file(const std::string& path, const std::string& contents) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << contents;
}

const std::string article_text = "Harbour reopens\n\nThe harbour reopened after the storm, officials said on Monday.\n";

} // namespace

TEST_CASE("a file name that is not UTF-8 is indexed under a printable id, with the other files", "[cli][hardening]") {
    TempDir dir;
    write_file(dir / "in/a.txt", article_text);
    write_file(dir / "in/caf\xE9.txt", "Cafe closes\n\nThe harbour cafe closed for the winter, its owner said.\n");
    const auto indexed = run_newssearch({"index", "--db", dir / "db", dir / "in"});
    INFO(indexed.err);
    CHECK(indexed.exit_code == 0);
    CHECK_THAT(indexed.err, Catch::StartsWith("Indexed 2 articles"));
    const auto found = run_newssearch({"search", "--db", dir / "db", "--json", "cafe"});
    REQUIRE(found.exit_code == 0);
    const auto result = nlohmann::json::parse(found.out); // valid JSON
    CHECK(article_ids(result) == std::vector<std::string>{"caf%E9"});
    const auto cleaned = run_newssearch({"clean", dir / "in"});
    CHECK(cleaned.exit_code == 0);
    CHECK(nlohmann::json::parse(cleaned.out).size() == 2);
}

TEST_CASE("the JSON output stays valid JSON whatever bytes the query has", "[cli][hardening]") {
    const CorpusIndex index;
    const auto result = run_newssearch({"search", "--db", index.db(), "--json", "--", "Lavrov \xFF talks"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto json = nlohmann::json::parse(result.out);
    CHECK_FALSE(json["hits"].empty());
    CHECK_THAT(json["notices"].dump(), Catch::Contains("not UTF-8"));
}

TEST_CASE("plain output never passes control characters from the query to the terminal", "[cli][hardening]") {
    const CorpusIndex index;
    const auto result = run_newssearch({"search", "--db", index.db(), "--", "Lavrov \x1b[31mred"});
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find('\x1b') == std::string::npos);
    CHECK_THAT(result.out, Catch::Contains("Lavrov ?[31mred"));
}

TEST_CASE("a query is never silently misread: only exclusions, impossible dates", "[cli][hardening]") {
    const CorpusIndex index;
    const auto excluded = run_newssearch({"search", "--db", index.db(), "--", "-Lavrov"});
    CHECK(excluded.exit_code == 2);
    CHECK_THAT(excluded.err, Catch::Contains("only excludes words (\"-Lavrov\")"));
    CHECK(excluded.out.empty());
    const auto with_word = run_newssearch({"search", "--db", index.db(), "--json", "--", "talks -Lavrov"});
    CHECK(with_word.exit_code == 0);

    const auto impossible = run_newssearch({"search", "--db", index.db(), "Lavrov date:2025-02-30"});
    CHECK(impossible.exit_code == 2);
    CHECK_THAT(impossible.err, Catch::Contains("2025-02-30"));
    const auto since = run_newssearch({"search", "--db", index.db(), "--since", "2025-02-30", "Lavrov"});
    CHECK(since.exit_code == 2);

    // A field without a value is read as words, and says so.
    const auto empty_entity = index.search_json({"--", "Lavrov entity:"});
    REQUIRE_FALSE(empty_entity["notices"].empty());
    CHECK_THAT(empty_entity["notices"][0].get<std::string>(), Catch::StartsWith("\"entity:\" has no value"));
    const auto dangling_date = index.search_json({"--", "Lavrov date:"});
    REQUIRE_FALSE(dangling_date["notices"].empty());
    CHECK_THAT(dangling_date["notices"][0].get<std::string>(), Catch::StartsWith("\"date:\" has no value"));
    // date: in the query keeps undated articles as --since does, with the same notice.
    const auto in_query = index.search_json({"--", "Lavrov date:2025-02"});
    CHECK_THAT(in_query["notices"].dump(), Catch::Contains("date is unknown are included"));
}
