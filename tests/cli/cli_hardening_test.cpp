// End-to-end: input that is not what the program expects never costs a run or its output.

#include "cli_fixture.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

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

namespace {

/// `text` (ASCII) as UTF-16 with its byte order mark.
std::string utf16(const std::string& text, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (const char c : text) {
        out += little_endian ? c : '\0';
        out += little_endian ? '\0' : c;
    }
    return out;
}

/// The lines of `text` that contain `needle`.
std::vector<std::string> lines_with(const std::string& text, const std::string& needle) {
    std::vector<std::string> found;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.find(needle) != std::string::npos) found.push_back(line);
    return found;
}

} // namespace

// Issue 25: a FIFO in a folder hung or vanished from the report, a link loop was skipped without a
// word (and named on its own was "no such file or folder"), UTF-16 scrapes were "binary".
TEST_CASE("a folder walk indexes every good file and names every bad one with its reason", "[cli][hardening]") {
    TempDir dir;
    const std::string in = dir / "in";
    write_file(in + "/good.txt", article_text);
    write_file(in + "/caf\xE9.txt", "Cafe closes\n\nThe harbour cafe closed for the winter, its owner said.\n");
    write_file(in + "/le.txt", utf16("Ferry returns\n\nThe ferry to the islands returns to service on Friday.\n", true));
    write_file(in + "/be.txt", utf16("Bridge opens\n\nThe new bridge over the estuary opened to traffic.\n", false));
    REQUIRE(::mkfifo((in + "/pipe.txt").c_str(), 0600) == 0);
    std::filesystem::create_symlink("loop-b.txt", in + "/loop-a.txt");
    std::filesystem::create_symlink("loop-a.txt", in + "/loop-b.txt");
    std::filesystem::create_symlink("missing.txt", in + "/dangling.txt");

    const auto indexed = run_newssearch({"index", "--db", dir / "db", in});
    INFO(indexed.err);
    CHECK(indexed.exit_code == 3); // README: "some input files or records were skipped"
    CHECK_THAT(indexed.err, Catch::StartsWith("Indexed 4 articles"));
    const auto pipe = lines_with(indexed.err, "pipe.txt");
    REQUIRE(pipe.size() == 1);
    CHECK_THAT(pipe[0], Catch::Contains("FIFO"));
    for (const std::string loop : {"loop-a.txt", "loop-b.txt"}) {
        const auto lines = lines_with(indexed.err, loop);
        REQUIRE(lines.size() == 1);
        CHECK_THAT(lines[0], Catch::Contains("symbolic link loop"));
    }
    const auto dangling = lines_with(indexed.err, "dangling.txt");
    REQUIRE(dangling.size() == 1);
    CHECK_THAT(dangling[0], Catch::Contains("broken symbolic link"));
    CHECK(indexed.err.find("binary") == std::string::npos);

    for (const auto& [query, id] : std::vector<std::pair<std::string, std::string>>{
             {"reopened", "good"}, {"winter", "caf%E9"}, {"ferry islands", "le"}, {"bridge estuary", "be"}}) {
        const auto found = run_newssearch({"search", "--db", dir / "db", "--json", query});
        INFO(query);
        REQUIRE(found.exit_code == 0);
        CHECK(article_ids(nlohmann::json::parse(found.out)) == std::vector<std::string>{id});
    }

    // Named on its own, a loop is a loop, not a missing file.
    const auto direct = run_newssearch({"index", "--db", dir / "db", in + "/loop-a.txt"});
    CHECK(direct.exit_code == 3); // the link exists: it is an input skipped, not a missing path
    CHECK_THAT(direct.err, Catch::Contains("symbolic link loop"));
    CHECK(direct.err.find("no such file") == std::string::npos);
}

// Issue 25: a 15 MB one-line article cost 900 MB and minutes to index; an article's text is now
// cut at 1 MB (extract::max_article_text_bytes) and the cut named in the report.
TEST_CASE("an article over the text cap is indexed from its start, and the report says so", "[cli][hardening]") {
    TempDir dir;
    std::string body = "Opening words about the lighthouse keeper.";
    while (body.size() < 1'600'000) body += " The tide came in and went out again.";
    body += " Closing words about the quartermaster.";
    write_file(dir / "in/huge.txt", "Huge article\n\n" + body + "\n");
    const auto indexed = run_newssearch({"index", "--db", dir / "db", dir / "in"});
    INFO(indexed.err);
    CHECK(indexed.exit_code == 0); // indexed, not skipped
    const auto lines = lines_with(indexed.err, "huge.txt");
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines[0], Catch::Contains("article text is 1.5 MB: only its first 1 MB is indexed"));
    const auto start = run_newssearch({"search", "--db", dir / "db", "--json", "lighthouse"});
    CHECK(article_ids(nlohmann::json::parse(start.out)) == std::vector<std::string>{"huge"});
    const auto end = run_newssearch({"search", "--db", dir / "db", "--json", "quartermaster"});
    CHECK(article_ids(nlohmann::json::parse(end.out)).empty());
}

// Issue 25 (also checked by fuzz_file_names): "caf%E9.txt" and "caf\xE9.txt" in one folder got the same
// id, so one article replaced the other.
TEST_CASE("a file name that looks like an escaped one keeps an id of its own", "[cli][hardening]") {
    TempDir dir;
    write_file(dir / "in/caf\xE9.txt", "Cafe closes\n\nThe harbour cafe closed for the winter, its owner said.\n");
    write_file(dir / "in/caf%E9.txt", "Cafe opens\n\nThe harbour cafe opened for the summer, its owner said.\n");
    const auto indexed = run_newssearch({"index", "--db", dir / "db", dir / "in"});
    INFO(indexed.err);
    CHECK_THAT(indexed.err, Catch::StartsWith("Indexed 2 articles (2 added"));
    const auto found = run_newssearch({"search", "--db", dir / "db", "--json", "cafe"});
    REQUIRE(found.exit_code == 0);
    auto ids = article_ids(nlohmann::json::parse(found.out));
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"caf%25E9", "caf%E9"});
}
