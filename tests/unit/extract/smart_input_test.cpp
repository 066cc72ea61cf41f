// SMART collection files (Cranfield, CISI) as indexer input: one article per .I record.

#include "extract/input_files.hpp"

#include "../temp_dir.hpp"
#include "common/errors.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace newssearch;
using namespace newssearch::extract;

namespace {

const std::string eval_data = std::string(NEWSSEARCH_TEST_DATA) + "/eval/";

std::vector<Article> read_smart_file(const std::string& path, std::vector<InputProblem>& problems) {
    std::vector<Article> articles;
    for (const InputFile& file : collect_input_files({path}, problems, InputFormat::smart))
        read_articles(file, [&](Article&& article) { articles.push_back(std::move(article)); }, problems);
    return articles;
}

} // namespace

TEST_CASE("smart input: records become articles named by their .I number", "[index][smart]") {
    std::vector<InputProblem> problems;
    const auto articles = read_smart_file(eval_data + "cran_sample.all", problems);
    CHECK(problems.empty());
    REQUIRE(articles.size() == 4);
    CHECK(articles[0].id == "1");
    CHECK(articles[0].title == "experimental investigation of the aerodynamics of a wing in a slipstream .");
    CHECK(articles[0].author == "brenckman,m.");
    // Cranfield starts a paragraph with an indented line: the repeated title, then three.
    REQUIRE(articles[0].paragraphs.size() == 4);
    CHECK(articles[0].paragraphs[0].text == articles[0].title);
    CHECK_THAT(articles[0].paragraphs[1].text, Catch::StartsWith("an experimental study of a wing in a propeller"));
    CHECK(articles[0].paragraphs[1].text.find('\n') == std::string::npos);
    CHECK(articles[0].paragraphs[1].text.find("  ") == std::string::npos);
    // 240's stray .A/.B lines stay inside its text; 471 is empty but keeps its number.
    CHECK(articles[1].id == "240");
    CHECK_THAT(articles[1].paragraphs.back().text, Catch::EndsWith("in a laminar separated flow ."));
    CHECK(articles[2].id == "471");
    CHECK(articles[2].title.empty());
    CHECK(articles[2].paragraphs.empty());
    CHECK(articles[3].id == "576");
}

TEST_CASE("smart input: CISI authors are joined, citation lists are not text", "[index][smart]") {
    std::vector<InputProblem> problems;
    const auto articles = read_smart_file(eval_data + "cisi_sample.all", problems);
    CHECK(problems.empty());
    REQUIRE(articles.size() == 3);
    CHECK(articles[1].id == "33");
    CHECK(articles[1].author.find("; ") != std::string::npos);
    for (const Article& article : articles)
        for (const Paragraph& paragraph : article.paragraphs)
            CHECK(paragraph.text.find('\t') == std::string::npos);
}

TEST_CASE("smart input: a malformed file is a problem at its line, earlier records kept", "[index][smart]") {
    test::TempDir dir;
    const std::string path = dir / "bad.all";
    std::ofstream(path) << ".I 1\n.T\nfirst\n.W\nfirst text\n.I 1\n.W\nagain\n";
    std::vector<InputProblem> problems;
    const auto articles = read_smart_file(path, problems);
    CHECK(articles.size() == 1);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where == path + ":6");
    CHECK_THAT(problems[0].reason, Catch::Contains("'1'"));

    std::ofstream(dir / "notsmart.txt") << "just some text\n";
    problems.clear();
    CHECK(read_smart_file(dir / "notsmart.txt", problems).empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where == dir / "notsmart.txt:1");
}

TEST_CASE("input formats by name", "[index][smart]") {
    CHECK(parse_input_format("auto") == std::nullopt);
    CHECK(parse_input_format("smart") == InputFormat::smart);
    CHECK(parse_input_format("jsonl") == InputFormat::json_lines);
    CHECK(parse_input_format("text") == InputFormat::scrape_text);
    CHECK(to_string(InputFormat::smart) == "smart");
    CHECK_THROWS_AS(parse_input_format("xml"), UsageError);
}

TEST_CASE("a folder's files are listed folder by folder, in path order", "[index][input]") {
    // Path order compares names component by component: "a/z.txt" comes before "a-b.txt" although
    // '-' sorts before '/' as a character. The order fixes document ids, whatever the file system.
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "a" / "b");
    for (const char* name : {"a-b.txt", "a/z.txt", "a/b/c.txt", "a/b.txt", "a.txt", "b.txt"})
        std::ofstream(dir / name) << "Title\n\nSome text.\n";
    std::vector<InputProblem> problems;
    std::vector<std::string> ids;
    for (const InputFile& file : collect_input_files({dir.path().string()}, problems, std::nullopt))
        ids.push_back(file.id);
    CHECK(problems.empty());
    CHECK(ids == std::vector<std::string>{"a/b/c", "a/b", "a/z", "a-b", "a", "b"});
}

TEST_CASE("the walk skips hidden entries, other files and linked folders, and counts what it yields", "[index][input]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "news" / ".cache");
    std::filesystem::create_directories(dir.path() / "elsewhere");
    for (const char* name : {"news/one.txt", "news/.draft.txt", "news/.cache/two.txt", "news/notes.pdf",
                             "news/feed.jsonl", "elsewhere/three.txt"})
        std::ofstream(dir / name) << "Title\n\nSome text.\n";
    // A link back up would make the walk loop for ever if it were followed.
    std::filesystem::create_directory_symlink(dir.path(), dir.path() / "news" / "loop");
    std::filesystem::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "news" / "linked");

    const std::vector<std::string> paths{(dir.path() / "news").string(), (dir.path() / "elsewhere").string(),
                                         (dir.path() / "missing").string()};
    InputWalker walker(paths);
    std::vector<InputProblem> problems;
    std::vector<std::string> ids;
    while (const auto file = walker.next(problems)) ids.push_back(file->id);
    CHECK(ids == std::vector<std::string>{"feed", "one", "three"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where == paths[2]);
    CHECK(count_input_files(paths) == 3);
    // With a format named, every visible file is read in it.
    CHECK(count_input_files({paths[0]}, InputFormat::scrape_text) == 3);
}
