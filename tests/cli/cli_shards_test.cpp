// Sharded indexes end to end: `index --shards`, --db lists and stub files, remote shards behind
// xapian-tcpsrv (started here on free loopback ports), down or silent shards, and replication
// with xapian-replicate-server / xapian-replicate.

#include "cli_fixture.hpp"
#include "service_process.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

namespace fs = std::filesystem;
using namespace newssearch::test;

namespace {

/// The shared data folder: $NEWSSEARCH_SHARED_DATA when set, else the build's.
fs::path shared_data() {
    const char* from_environment = std::getenv("NEWSSEARCH_SHARED_DATA");
    return from_environment && *from_environment ? fs::path(from_environment) : fs::path(NEWSSEARCH_SHARED_DATA);
}

/// Indexes `inputs` into `db` (extra options first); REQUIREs success.
void index_into(const std::string& db, const std::vector<std::string>& inputs, std::vector<std::string> options = {}) {
    std::vector<std::string> args = {"index", "-q", "--db", db};
    args.insert(args.end(), options.begin(), options.end());
    args.insert(args.end(), inputs.begin(), inputs.end());
    const CommandResult result = run_newssearch(args);
    INFO(result.err);
    // 3: some input skipped (the BBC corpus has one file that is not UTF-8); the rest is indexed.
    REQUIRE((result.exit_code == 0 || result.exit_code == 3));
}

nlohmann::json search_db(const std::string& db, const std::vector<std::string>& query, const std::string& limit = "20") {
    std::vector<std::string> args = {"search", "--db", db, "--json", "-n", limit};
    args.insert(args.end(), query.begin(), query.end());
    const CommandResult result = run_newssearch(args);
    INFO("--db " << db << ": " << result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
}

/// xapian-tcpsrv serving one database on a free loopback port.
struct RemoteShard {
    unsigned port = free_loopback_port();
    ServiceProcess server;
    explicit RemoteShard(const std::string& database)
        : server({"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", std::to_string(port), database},
                 port) {}
};

/// A stub file listing `ports` as remote shards on loopback.
std::string remote_stub(const TempDir& dir, const std::string& name, const std::vector<unsigned>& ports) {
    std::string text = "# remote shards\n";
    for (const unsigned port : ports) text += "remote 127.0.0.1:" + std::to_string(port) + "\n";
    const std::string path = dir / name;
    write_file(path, text);
    return path;
}

/// Query sets: words, phrases, boolean operators, filters, and the views that look at more than
/// ranks (facets, explanations, passages, date order).
const std::vector<std::vector<std::string>> bundled_queries = {
    {"Anchorage agreements"}, {"Kuala Lumpur"}, {"Rubio OR Lavrov"}, {"\"new ideas\""}, {"Lavrov -Alaska"},
    {"title:Lavrov"}, {"Ukraine peace talks"}, {"Russia sanctions", "--passages"},
    {"Lavrov", "--facets"}, {"Ukraine", "--explain"}, {"Kyiv attacks"}, {"Rubio", "--sort", "-date"},
    {"Moscow", "--facets", "--explain"}, {"meeting NEAR/5 Lavrov"}, {"Russia", "--offset", "1"}};
const std::vector<std::vector<std::string>> bbc_queries = {
    {"economy growth"}, {"film award"}, {"election Labour"}, {"mobile phone"}, {"football club"},
    {"shares profits"}, {"\"prime minister\""}, {"Blair OR Brown"}, {"music -Oscar"},
    {"title:Chelsea"}, {"interest rates", "--passages"}, {"Microsoft", "--facets"}, {"broadband", "--explain"},
    {"tax", "--facets", "--explain"}, {"oil prices", "--offset", "5"}, {"Iraq OR Afghanistan"}, {"games console"},
    {"virus email"}, {"Yukos", "--facets"}};

/// Wildcards: Xapian 1.4 weighs a wildcard's expansion (OP_SYNONYM) with term statistics it
/// estimates shard by shard, so scores differ from one database's (docs/SCALING.md): the same
/// articles match, compared as sets.
const std::vector<std::string> bundled_wildcards = {"agree*", "negotiat*"};
const std::vector<std::string> bbc_wildcards = {"technolog*", "elect*"};

/// Checks that two results are the same answer. Left out where either count is Xapian's estimate
/// (it differs between one database and shards): the count.
void check_same(nlohmann::json a, nlohmann::json b) {
    if (!a["total_is_exact"].get<bool>() || !b["total_is_exact"].get<bool>()) {
        a.erase("total");
        b.erase("total");
    }
    a.erase("total_is_exact");
    b.erase("total_is_exact");
    // Scores are sums of several weights, which remote shards may add in another order: equal to
    // the last bits, not always to the last bit.
    for (nlohmann::json* result : {&a, &b})
        for (auto& hit : (*result)["hits"])
            hit["score"] = std::round(hit["score"].get<double>() * 1e9) / 1e9;
    CHECK(a == b);
}

std::set<std::string> article_set(const nlohmann::json& result) {
    const std::vector<std::string> ids = article_ids(result);
    return {ids.begin(), ids.end()};
}

/// (a) one database, (b) 3 local shards, (c) the 3 shards behind 3 xapian-tcpsrv: the same JSON
/// (same articles, order, scores, snippets, facets, explanations).
void check_same_answers(const std::vector<std::string>& inputs, const std::vector<std::vector<std::string>>& queries,
                        const std::vector<std::string>& wildcards, const std::vector<std::string>& misspelt) {
    TempDir dir;
    const std::string single = dir / "single";
    const std::string sharded = dir / "sharded";
    index_into(single, inputs);
    index_into(sharded, inputs, {"--shards", "3"});
    REQUIRE(fs::exists(sharded + "/XAPIANDB"));

    RemoteShard shard0(sharded + "/shard-0");
    RemoteShard shard1(sharded + "/shard-1");
    RemoteShard shard2(sharded + "/shard-2");
    const std::string remote = remote_stub(dir, "remote.stub", {shard0.port, shard1.port, shard2.port});

    std::size_t with_hits = 0;
    for (const auto& query : queries) {
        std::string shown;
        for (const std::string& part : query) shown += part + " ";
        INFO("query: " << shown);
        const nlohmann::json one = search_db(single, query);
        // A query the index corrects would test spelling, which remote shards lack (below).
        REQUIRE(one["suggestion"].is_null());
        check_same(search_db(sharded, query), one);
        check_same(search_db(remote, query), one);
        if (one["hits"].size() > 1) ++with_hits;
    }
    CHECK(with_hits * 2 >= queries.size()); // the comparison compared something
    for (const std::string& wildcard : wildcards) {
        INFO("query: " << wildcard);
        // Every article (--all-copies): which copy of a story ranks first depends on the scores.
        const nlohmann::json one = search_db(single, {wildcard, "--all-copies"}, "1000");
        CHECK_FALSE(one["hits"].empty());
        CHECK(article_set(search_db(sharded, {wildcard, "--all-copies"}, "1000")) == article_set(one));
        CHECK(article_set(search_db(remote, {wildcard, "--all-copies"}, "1000")) == article_set(one));
    }
    // Xapian 1.4's remote backend has no spelling data: corrections come from local shards only.
    // (Over shards Xapian merges each shard's spelling candidates, which in rare cases picks
    // another correction or none: "ecomony" on the BBC corpus; docs/SCALING.md.)
    for (const std::string& word : misspelt) {
        INFO("query: " << word);
        const nlohmann::json one = search_db(single, {word});
        CHECK((!one["suggestion"].is_null() || one["notices"].dump().find("showing results for") != std::string::npos));
        check_same(search_db(sharded, {word}), one);
    }
}

} // namespace

TEST_CASE("one database, three local shards and three remote shards give the same answers (bundled corpus)") {
    check_same_answers({corpus_raw}, bundled_queries, bundled_wildcards, {"Lavorv", "negotations"});
}

TEST_CASE("one database, three local shards and three remote shards give the same answers (BBC corpus)") {
    const fs::path bbc = shared_data() / "bbc";
    if (!fs::exists(bbc)) {
        WARN("BBC corpus not found at " << bbc << ": skipped");
        return;
    }
    check_same_answers({bbc.string()}, bbc_queries, bbc_wildcards, {"goverment", "electon", "footbal", "parliment"});
}

TEST_CASE("index --shards writes shards and a stub file; re-indexing keeps articles in their shards") {
    TempDir dir;
    const std::string db = dir / "db";
    index_into(db, {corpus_raw}, {"--shards", "3"});
    for (const char* name : {"/shard-0", "/shard-1", "/shard-2"}) CHECK(fs::exists(db + name + "/iamglass"));
    const nlohmann::json before = search_db(db, {"Lavrov"});
    REQUIRE(!before["hits"].empty());

    const CommandResult stats = run_newssearch({"stats", "--db", db, "--json"});
    INFO(stats.err);
    REQUIRE(stats.exit_code == 0);
    const nlohmann::json counts = nlohmann::json::parse(stats.out);
    REQUIRE(counts["shards"].size() == 3);
    std::size_t articles = 0;
    for (const auto& shard : counts["shards"]) articles += shard["articles"].get<std::size_t>();
    CHECK(articles == 4);
    CHECK(counts["articles"] == 4);

    SECTION("the stub file and a comma-separated list open the same index") {
        CHECK(search_db(db + "/XAPIANDB", {"Lavrov"}) == before);
        CHECK(search_db(db + "/shard-0," + db + "/shard-1," + db + "/shard-2", {"Lavrov"}) == before);
    }
    SECTION("re-indexing without --shards keeps the layout and changes nothing") {
        const CommandResult again = run_newssearch({"index", "--db", db, corpus_raw});
        INFO(again.err);
        REQUIRE(again.exit_code == 0);
        CHECK(again.err.find("0 added") != std::string::npos);
        CHECK(search_db(db, {"Lavrov"}) == before);
        CHECK_FALSE(fs::exists(db + "/shard-3"));
    }
    SECTION("another number of shards is an error pointing at re-sharding") {
        const CommandResult four = run_newssearch({"index", "--db", db, "--shards", "4", corpus_raw});
        CHECK(four.exit_code == 1);
        CHECK(four.err.find("3 shards, not 4") != std::string::npos);
        CHECK(four.err.find("docs/SCALING.md") != std::string::npos);
        CHECK_FALSE(fs::exists(db + "/shard-3"));
        CHECK(search_db(db, {"Lavrov"}) == before);
    }
    SECTION("sharding an existing single database is an error too") {
        const std::string single = dir / "single";
        index_into(single, {corpus_raw});
        const CommandResult three = run_newssearch({"index", "--db", single, "--shards", "3", corpus_raw});
        CHECK(three.exit_code == 1);
        CHECK(three.err.find("one database, not 3 shards") != std::string::npos);
    }
    SECTION("entities know every name from every shard") {
        const CommandResult single_index = run_newssearch({"index", "-q", "--db", dir / "single", corpus_raw});
        REQUIRE(single_index.exit_code == 0);
        const CommandResult sharded = run_newssearch({"entities", "--db", db});
        const CommandResult single = run_newssearch({"entities", "--db", dir / "single"});
        REQUIRE(sharded.exit_code == 0);
        CHECK(sharded.out == single.out);
    }
}

TEST_CASE("a remote shard that is down or silent fails the search naming it, or gives a partial result") {
    TempDir dir;
    const std::string db = dir / "db";
    index_into(db, {corpus_raw}, {"--shards", "3"});
    RemoteShard shard0(db + "/shard-0");
    RemoteShard shard1(db + "/shard-1");
    const unsigned closed_port = free_loopback_port();
    SilentListener silent;

    for (const unsigned bad_port : {closed_port, silent.port()}) {
        INFO("third shard on port " << bad_port << (bad_port == closed_port ? " (closed)" : " (silent)"));
        const std::string stub = remote_stub(dir, "stub", {shard0.port, shard1.port, bad_port});
        const std::string bad_name = "127.0.0.1:" + std::to_string(bad_port);

        const CommandResult strict =
            run_newssearch({"search", "--db", stub, "--remote-timeout", "500", "--json", "Lavrov"});
        CHECK(strict.exit_code == 1);
        CHECK(strict.err.find(bad_name) != std::string::npos);
        CHECK(strict.err.find("--allow-partial") != std::string::npos);

        const CommandResult partial = run_newssearch(
            {"search", "--db", stub, "--remote-timeout", "500", "--allow-partial", "--json", "-n", "20", "Lavrov"});
        INFO(partial.err);
        REQUIRE(partial.exit_code == 3);
        const nlohmann::json result = nlohmann::json::parse(partial.out);
        CHECK(result["partial"] == true);
        CHECK(result["notices"].dump().find(bad_name) != std::string::npos);
        const nlohmann::json two_shards =
            search_db(db + "/shard-0," + db + "/shard-1", {"Lavrov"});
        CHECK(article_ids(result) == article_ids(two_shards));
        CHECK_FALSE(result["hits"].empty());
    }
    const nlohmann::json whole = search_db(remote_stub(dir, "good", {shard0.port, shard1.port}), {"Lavrov"});
    CHECK(whole["partial"] == false);
}

TEST_CASE("a replica made with xapian-replicate sees articles added to the master") {
    TempDir dir;
    const std::string master_folder = dir / "master";
    const std::string master = master_folder + "/news";
    const std::string replica = dir / "replica";
    fs::create_directories(master_folder);
    fs::create_directories(replica);

    // The master starts with all articles but one; the replica must then see that one too.
    const std::string first = dir / "first";
    fs::create_directories(first);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus_raw)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 2);
    for (std::size_t i = 0; i + 1 < files.size(); ++i) fs::copy(files[i], first + "/" + files[i].filename().string());
    index_into(master, {first});

    const unsigned port = free_loopback_port();
    ServiceProcess server({"xapian-replicate-server", "--interface", "127.0.0.1", "--port", std::to_string(port),
                           master_folder},
                          port);
    const std::string replicate = "xapian-replicate -o -h 127.0.0.1 -p " + std::to_string(port) + " -m news " +
                                  replica + "/news >/dev/null 2>&1";
    REQUIRE(run_shell(replicate) == 0);
    const nlohmann::json master_before = search_db(master, {"Lavrov"});
    CHECK(search_db(replica + "/news", {"Lavrov"}) == master_before);

    // Find a word only the last article has, to see it arrive.
    index_into(master, {files.back().string()});
    const nlohmann::json master_after = search_db(master, {"Lavrov"});
    REQUIRE(master_after["total"] != master_before["total"]);
    CHECK(search_db(replica + "/news", {"Lavrov"}) == master_before);
    REQUIRE(run_shell(replicate) == 0);
    CHECK(search_db(replica + "/news", {"Lavrov"}) == master_after);
}
