// End-to-end: large, incremental and interrupted `newssearch index` runs, a second writer,
// searches during a run, and Reuters SGML input.

#include "cli_fixture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

using namespace newssearch::test;

namespace {

/// The shared data folder: $NEWSSEARCH_SHARED_DATA when set (a checkout elsewhere), else the
/// build's NEWSSEARCH_SHARED_DATA.
const std::string shared_data = std::getenv("NEWSSEARCH_SHARED_DATA") ? std::getenv("NEWSSEARCH_SHARED_DATA")
                                                                       : NEWSSEARCH_SHARED_DATA;

void write_file(const std::string& path, const std::string& contents) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << contents;
}

/// A folder of many articles: the BBC corpus when present, else generated stories.
std::string large_corpus(const TempDir& dir) {
    const std::string bbc = shared_data + "/bbc";
    if (std::filesystem::exists(bbc)) return bbc;
    WARN("no BBC corpus at " << bbc << ": generating articles");
    const std::string generated = dir / "generated";
    for (int i = 0; i < 2000; ++i)
        write_file(generated + "/" + std::to_string(i % 5) + "/" + std::to_string(i) + ".txt",
                   "Council report number " + std::to_string(i) + "\n\nThe council of district " + std::to_string(i) +
                       " met on Tuesday to discuss the harbour wall, the school roof and the bus timetable.\n\n"
                       "Residents said the plans were late but welcome, and every vote passed with a wide margin.\n");
    return generated;
}

std::size_t count_articles(const std::string& folder) {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().extension() == ".txt") ++count;
    return count;
}

/// Articles in the index's last commit, or 0 when there is none yet.
std::size_t committed_articles(const std::string& db) {
    const CommandResult result = run_newssearch({"stats", "--db", db, "--json"});
    if (result.exit_code != 0) return 0;
    return nlohmann::json::parse(result.out)["articles"].get<std::size_t>();
}

/// Waits until the background run's first commit is visible (true), or the run ended first.
bool wait_for_first_commit(BackgroundCommand& run, const std::string& db) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    while (std::chrono::steady_clock::now() < deadline) {
        if (committed_articles(db) > 0) return true;
        if (!run.running()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

} // namespace

TEST_CASE("an index run killed with kill -9 leaves a searchable index and the next run finishes",
          "[cli][index][crash]") {
    // One database, and two shards each written on its own thread.
    const auto layout = GENERATE(std::vector<std::string>{}, std::vector<std::string>{"--shards", "2"});
    INFO("layout: " << (layout.empty() ? "one database" : "2 shards"));
    TempDir dir;
    const std::string corpus = large_corpus(dir);
    const std::string db = dir / "db";
    std::vector<std::string> args{"index", "--quiet", "--db", db, "--threads", "1", "--commit-every", "20", corpus};
    args.insert(args.end(), layout.begin(), layout.end());
    BackgroundCommand run(args);
    REQUIRE(wait_for_first_commit(run, db));
    run.kill_hard();

    const std::size_t after_kill = committed_articles(db);
    CHECK(after_kill > 0);
    const CommandResult search = run_newssearch({"--db", db, "--json", "said OR council"});
    INFO(search.err);
    CHECK(search.exit_code == 0);
    CHECK(nlohmann::json::parse(search.out)["total"].get<std::size_t>() > 0);

    const CommandResult rerun = run_newssearch({"index", "--db", db, corpus});
    INFO(rerun.err);
    CHECK(rerun.exit_code == 0);
    CHECK_THAT(rerun.err, Catch::Contains("unchanged)"));
    CHECK(committed_articles(db) == count_articles(corpus));
}

TEST_CASE("a shard that cannot write fails the run with exit code 1, every shard at its last commit",
          "[cli][index][shards]") {
    TempDir dir;
    const std::string corpus = large_corpus(dir);
    const std::string db = dir / "db";
    // Files capped at 512 KB: a shard's tables outgrow that after a few commits and its writer
    // thread gets Xapian's write error, as on a full disk (deterministic: same input, same writes).
    BackgroundCommand run({"index", "--quiet", "--db", db, "--shards", "2", "--commit-every", "20", corpus}, 512 * 1024);
    const int code = run.wait();
    const std::string err = run.err();
    INFO(err);
    CHECK(code == 1);
    CHECK_THAT(err, Catch::StartsWith("newssearch: index error: DatabaseError: Error writing block"));
    CHECK_THAT(err, Catch::Contains("File too large"));
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);

    // Each shard is consistent, as of its last commit, and the index answers.
    for (const char* shard : {"/shard-0", "/shard-1"})
        CHECK(std::system(("xapian-check '" + db + shard + "' >/dev/null 2>&1").c_str()) == 0);
    const std::size_t committed = committed_articles(db);
    CHECK(committed > 0);
    CHECK(committed < count_articles(corpus));
    const CommandResult search = run_newssearch({"--db", db, "--json", "said OR council"});
    CHECK(search.exit_code == 0);

    const CommandResult rerun = run_newssearch({"index", "--db", db, corpus});
    INFO(rerun.err);
    CHECK(rerun.exit_code == 0);
    CHECK_THAT(rerun.err, Catch::Contains(std::to_string(committed) + " unchanged)"));
    CHECK(committed_articles(db) == count_articles(corpus));
}

TEST_CASE("a second writer is refused with the first one's PID while searches keep working", "[cli][index][lock]") {
    TempDir dir;
    const std::string corpus = large_corpus(dir);
    const std::string db = dir / "db";
    BackgroundCommand run({"index", "--quiet", "--db", db, "--threads", "1", "--commit-every", "20", corpus});
    REQUIRE(wait_for_first_commit(run, db));

    const CommandResult second = run_newssearch({"index", "--db", db, corpus_raw});
    const bool first_still_running = run.running();
    if (first_still_running) {
        CHECK(second.exit_code == 1);
        CHECK_THAT(second.err, Catch::Contains("the index at " + db + " is locked by another newssearch index run (PID " +
                                               std::to_string(run.pid()) + ")"));
    }
    for (int i = 0; i < 3; ++i) {
        const CommandResult search = run_newssearch({"--db", db, "--json", "said OR council"});
        INFO(search.err);
        CHECK(search.exit_code == 0);
        const CommandResult stats = run_newssearch({"stats", "--db", db});
        INFO(stats.err);
        CHECK(stats.exit_code == 0);
    }
    run.kill_hard();
}

TEST_CASE("index --prune removes articles of deleted files and --delete removes by id", "[cli][index]") {
    TempDir dir;
    const std::string input = dir / "in";
    for (const std::string name : {"a", "b", "c"})
        write_file(input + "/" + name + ".txt", "Story " + name + " about Anchorage\n\nThe mayor of Anchorage spoke on " +
                                                     name + " day about the harbour and the long winter ahead.\n");
    REQUIRE(run_newssearch({"index", "--db", dir / "db", input}).exit_code == 0);
    std::filesystem::remove(input + "/b.txt");
    const auto pruned = run_newssearch({"index", "--prune", "--db", dir / "db", input});
    CHECK(pruned.exit_code == 0);
    CHECK_THAT(pruned.err, Catch::Contains("(0 added, 0 updated, 2 unchanged)"));
    CHECK_THAT(pruned.err, Catch::Contains("Removed 1 article."));

    const auto deleted = run_newssearch({"index", "--db", dir / "db", "--delete", "a", "--delete", "zzz"});
    CHECK(deleted.exit_code == 3);
    CHECK_THAT(deleted.err, Catch::Contains("Removed 1 article."));
    CHECK_THAT(deleted.err, Catch::Contains("zzz: no article with this id in the index"));
    const auto search = nlohmann::json::parse(run_newssearch({"--db", dir / "db", "--json", "Anchorage"}).out);
    CHECK(article_ids(search) == std::vector<std::string>{"c"});

    CHECK(run_newssearch({"index", "--db", dir / "db"}).exit_code == 2);
}

TEST_CASE("Reuters SGML is indexed by extension with dates and topics", "[cli][index][reuters]") {
    TempDir dir;
    const auto result = run_newssearch({"index", "--db", dir / "db", std::string(NEWSSEARCH_TEST_DATA) + "/reuters/sample.sgm"});
    INFO(result.err);
    CHECK(result.exit_code == 3); // the record without NEWID
    CHECK_THAT(result.err, Catch::Contains("Indexed 3 articles"));
    CHECK_THAT(result.err, Catch::Contains("sample.sgm:33: not UTF-8: read as Windows-1252"));
    const auto cocoa = nlohmann::json::parse(run_newssearch({"--db", dir / "db", "--json", "category:cocoa", "drought"}).out);
    REQUIRE(cocoa["hits"].size() == 1);
    CHECK(cocoa["hits"][0]["article_id"] == "1");
    CHECK(cocoa["hits"][0]["date"] == "1987-02-26");
    CHECK(cocoa["hits"][0]["source"] == "Reuters");
    const auto munich = nlohmann::json::parse(run_newssearch({"--db", dir / "db", "--json", "München"}).out);
    CHECK(article_ids(munich) == std::vector<std::string>{"3"});
}

TEST_CASE("the Reuters-21578 collection files index", "[cli][index][reuters]") {
    const std::string folder = shared_data + "/reuters21578";
    if (!std::filesystem::exists(folder + "/reut2-017.sgm")) {
        WARN("no Reuters-21578 at " << folder << ": skipped");
        return;
    }
    TempDir dir;
    // reut2-017.sgm has the collection's one non-UTF-8 byte.
    const auto result = run_newssearch({"index", "--db", dir / "db", folder + "/reut2-017.sgm"});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::StartsWith("Indexed 1000 articles (1000 added"));
    CHECK_THAT(result.err, Catch::Contains("reut2-017.sgm:"));
    CHECK_THAT(result.err, Catch::Contains("read as Windows-1252"));
    const auto hits = nlohmann::json::parse(run_newssearch({"--db", dir / "db", "--json", "--since", "1987", "wheat"}).out);
    CHECK(hits["total"].get<int>() > 0);
}

TEST_CASE("a Latin-1 scrape is converted and named in a warning", "[cli][index]") {
    TempDir dir;
    write_file(dir / "in/latin1.txt", "Caf\xE9 society\n\nA body paragraph about the caf\xE9 and its \xA3" "5 coffee, long enough.\n");
    const auto result = run_newssearch({"index", "--db", dir / "db", dir / "in"});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::Contains("latin1.txt: not UTF-8 (first invalid byte at offset 3): read as Windows-1252"));
    const auto search = nlohmann::json::parse(run_newssearch({"--db", dir / "db", "--json", "café"}).out);
    CHECK(article_ids(search) == std::vector<std::string>{"latin1"});
}

TEST_CASE("an enormous single-line JSON Lines record is skipped", "[cli][index]") {
    TempDir dir;
    {
        std::ofstream out(dir / "big.jsonl", std::ios::binary);
        out << R"({"id":"big","title":"Huge","body":")";
        const std::string chunk(1 << 20, 'x');
        for (int i = 0; i < 20; ++i) out << chunk;
        out << "\"}\n" << R"({"id":"small","title":"Small","body":"A small record about Kyiv."})" << "\n";
    }
    const auto result = run_newssearch({"index", "--db", dir / "db", dir / "big.jsonl"});
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("big.jsonl:1: record longer than"));
    CHECK_THAT(result.err, Catch::Contains("Indexed 1 article"));
}
