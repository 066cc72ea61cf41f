#include "indexer/index_run.hpp"

#include "../temp_dir.hpp"
#include "common/schema.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/ordered_work.hpp"
#include "indexer/thread_priority.hpp"
#include "indexer/shard_router.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <thread>

using namespace newssearch;
using namespace newssearch::indexer;
using namespace newssearch::extract;

namespace {

void write_file(const std::filesystem::path& path, const std::string& contents) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
}

std::string story(int n, const std::string& extra = "") {
    return "Story number " + std::to_string(n) + " about the harbour\n\nThe council of town " + std::to_string(n) +
           " met on Tuesday to discuss the new harbour wall and its cost. " + extra +
           "\n\nResidents said the plan was late but welcome, and the vote passed easily.\n";
}

IndexRunOptions quiet_options(std::size_t threads = 1) {
    IndexRunOptions options;
    options.threads = threads;
    return options;
}

/// Each document's data in docid order: what a search shows, and in which order ties break.
std::vector<std::string> documents(const std::string& path) {
    Xapian::Database database(path);
    std::vector<std::string> data;
    for (Xapian::docid id = 1; id <= database.get_lastdocid(); ++id) {
        try {
            data.push_back(database.get_document(id).get_data());
        } catch (const Xapian::DocNotFoundError&) {
        }
    }
    return data;
}

/// Each passage's article id and data, in docid order.
std::vector<std::pair<std::string, std::string>> passages(const std::string& path) {
    Xapian::Database database(path);
    const std::string prefix(schema::article_prefix);
    std::vector<std::pair<std::string, std::string>> found;
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        const Xapian::Document document = database.get_document(*it);
        auto term = document.termlist_begin();
        term.skip_to(prefix);
        const std::string article = term != document.termlist_end() && (*term).starts_with(prefix)
                                        ? (*term).substr(prefix.size())
                                        : std::string();
        found.emplace_back(article, document.get_data());
    }
    return found;
}

/// The passages of `all` whose article is in shard `shard` of `shards`, in their order.
std::vector<std::pair<std::string, std::string>> in_shard(const std::vector<std::pair<std::string, std::string>>& all,
                                                          std::size_t shard, std::size_t shards) {
    std::vector<std::pair<std::string, std::string>> kept;
    for (const auto& passage : all)
        if (shard_of(passage.first, shards) == shard) kept.push_back(passage);
    return kept;
}

} // namespace

TEST_CASE("a re-run reads only changed files and prunes removed ones", "[indexer][index_run]") {
    test::TempDir dir;
    const std::string input = dir / "in";
    for (int i = 0; i < 5; ++i) write_file(input + "/news/" + std::to_string(i) + ".txt", story(i));

    IndexRunSummary first = index_paths(dir / "db", {input}, quiet_options());
    CHECK(first.added == 5);
    CHECK(first.problems.empty());

    IndexRunSummary again = index_paths(dir / "db", {input}, quiet_options());
    CHECK(again.unchanged == 5);
    CHECK(again.added + again.updated == 0);
    CHECK(again.passages == 0);

    write_file(input + "/news/1.txt", story(1, "A new sentence mentions the lighthouse keeper."));
    write_file(input + "/news/9.txt", story(9));
    std::filesystem::remove(input + "/news/3.txt");
    IndexRunSummary changed = index_paths(dir / "db", {input}, quiet_options());
    CHECK(changed.added == 1);
    CHECK(changed.updated == 1);
    CHECK(changed.unchanged == 3);
    CHECK(changed.removed == 0);
    // 3.txt is gone but its article stays without --prune.
    CHECK(Xapian::Database(dir / "db").term_exists(schema::term(schema::article_prefix, "news/3")));

    IndexRunOptions prune = quiet_options();
    prune.prune = true;
    IndexRunSummary pruned = index_paths(dir / "db", {input}, prune);
    CHECK(pruned.removed == 1);
    Xapian::Database database(dir / "db");
    CHECK_FALSE(database.term_exists(schema::term(schema::article_prefix, "news/3")));
    CHECK(database.term_exists(schema::term(schema::article_prefix, "news/9")));
    CHECK(database.term_exists("lighthouse"));
    // The folder a file sits in names its category.
    CHECK(database.term_exists(schema::term(schema::category_prefix, "news")));
}

TEST_CASE("progress counts the files before the walk and ends at the total", "[indexer][index_run]") {
    test::TempDir dir;
    for (int n = 1; n <= 5; ++n) write_file(dir.path() / "in" / ("part" + std::to_string(n % 2)) / (std::to_string(n) + ".txt"), story(n));
    IndexRunOptions options = quiet_options(2);
    std::vector<IndexProgress> reports;
    options.on_progress = [&](const IndexProgress& progress) { reports.push_back(progress); };
    const IndexRunSummary summary = index_paths((dir.path() / "db").string(), {(dir.path() / "in").string()}, options);
    CHECK(summary.files == 5);
    REQUIRE(reports.size() == 5);
    for (std::size_t i = 0; i < reports.size(); ++i) {
        CHECK(reports[i].files_total == 5);
        CHECK(reports[i].files_done == i + 1);
    }
    CHECK(reports.back().articles_done == 5);
}

TEST_CASE("articles can be deleted by id", "[indexer][index_run]") {
    test::TempDir dir;
    const std::string input = dir / "in";
    for (int i = 0; i < 3; ++i) write_file(input + "/" + std::to_string(i) + ".txt", story(i));
    (void)index_paths(dir / "db", {input}, quiet_options());

    IndexRunOptions remove = quiet_options();
    remove.delete_ids = {"1", "no-such-id"};
    const IndexRunSummary summary = index_paths(dir / "db", {}, remove);
    CHECK(summary.removed == 1);
    REQUIRE(summary.problems.size() == 1);
    CHECK(summary.problems[0].where == "no-such-id");
    CHECK_FALSE(Xapian::Database(dir / "db").term_exists(schema::term(schema::article_prefix, "1")));

    // The file is still there: the next run reads it again and brings the article back.
    CHECK(index_paths(dir / "db", {input}, quiet_options()).added == 1);
}

TEST_CASE("many threads write the same index as one", "[indexer][index_run]") {
    test::TempDir dir;
    const std::string input = dir / "in";
    for (int i = 0; i < 40; ++i) write_file(input + "/" + std::to_string(100 + i) + ".txt", story(i));
    write_file(input + "/feed.jsonl", R"({"id":"j1","title":"Feed one","body":"A feed story about the harbour."})" "\n"
                                      R"({"id":"j2","title":"Feed two","body":"Another feed story."})" "\n");
    const IndexRunSummary one = index_paths(dir / "one", {input}, quiet_options(1));
    const IndexRunSummary four = index_paths(dir / "four", {input}, quiet_options(4));
    CHECK(one.added == 42);
    CHECK(four.added == 42);
    CHECK(one.passages == four.passages);
    CHECK(documents(dir / "one") == documents(dir / "four"));
}

TEST_CASE("shards written on threads of their own hold and count what one database does", "[indexer][index_run][shards]") {
    test::TempDir dir;
    const std::string input = dir / "in";
    for (int i = 0; i < 40; ++i) write_file(input + "/s" + std::to_string(i) + ".txt", story(i));
    const std::string feed = input + "/feed.jsonl";
    const std::string first_line = R"({"id":"j1","title":"Feed one","body":"A feed story about the harbour."})" "\n";
    write_file(feed, first_line + R"({"id":"j2","title":"Feed two","body":"Another feed story."})" "\n");
    IndexRunOptions single = quiet_options(3);
    single.commit_every = 7; // several commits, each waiting for every shard
    IndexRunOptions sharded = single;
    sharded.shards = 3;

    const auto check_same_passages = [&] {
        const auto all = passages(dir / "single");
        for (std::size_t shard = 0; shard < 3; ++shard)
            CHECK(passages(dir / "sharded" + "/shard-" + std::to_string(shard)) == in_shard(all, shard, 3));
    };
    const IndexRunSummary first = index_paths(dir / "sharded", {input}, sharded);
    const IndexRunSummary first_single = index_paths(dir / "single", {input}, single);
    CHECK(first.added == 42);
    CHECK(first.updated + first.unchanged == 0);
    CHECK(first.passages == first_single.passages);
    check_same_passages();

    // One file changed, one new, one rewritten as it was (read again, found unchanged), and a
    // feed with one article changed.
    write_file(input + "/s1.txt", story(1, "A new sentence mentions the lighthouse keeper."));
    write_file(input + "/s40.txt", story(40));
    write_file(input + "/s2.txt", story(2));
    write_file(feed, first_line + R"({"id":"j2","title":"Feed two","body":"The feed story, corrected."})" "\n");
    const IndexRunSummary again = index_paths(dir / "sharded", {input}, sharded);
    const IndexRunSummary again_single = index_paths(dir / "single", {input}, single);
    CHECK(again.added == 1);
    CHECK(again.updated == 2);
    CHECK(again.unchanged == 40); // 38 files unread, s2.txt and j1 read and unchanged
    CHECK(again.passages == again_single.passages);
    CHECK(again_single.added == again.added);
    CHECK(again_single.updated == again.updated);
    CHECK(again_single.unchanged == again.unchanged);
    check_same_passages();
}

TEST_CASE("a second writer is told the first one's PID", "[indexer][index_run]") {
    test::TempDir dir;
    IndexWriter first(dir / "db");
    CHECK_THROWS_WITH(IndexWriter(dir / "db"),
                      Catch::Contains("is locked by another newssearch index run (PID " + std::to_string(::getpid()) + ")"));
}

TEST_CASE("ordered work runs its workers behind the thread that consumes their results", "[indexer][index_run]") {
    const int consumer_nice = this_thread_nice();
    if (consumer_nice >= 19) return; // already the lowest priority: nothing to step down to
    std::vector<int> worker_nice;
    {
        OrderedWork<int> work(2, 4, [&](int&& nice) { worker_nice.push_back(nice); });
        for (int i = 0; i < 4; ++i) work.submit([](std::size_t) { return this_thread_nice(); });
        work.finish();
    }
    REQUIRE(worker_nice.size() == 4);
    for (const int nice : worker_nice) CHECK(nice > consumer_nice);
    CHECK(this_thread_nice() == consumer_nice);
}

TEST_CASE("ordered work keeps heavy results from piling up, one at a time always allowed", "[indexer][index_run]") {
    // Counted on the consuming thread when submit() returns: results pending and their weight.
    std::size_t consumed = 0;
    OrderedWork<int> work(2, 100, [&](int&&) { ++consumed; }, 10);
    std::size_t submitted = 0;
    const auto submit = [&](std::size_t weight) {
        work.submit([](std::size_t) { return 0; }, weight);
        ++submitted;
        return submitted - consumed;
    };
    CHECK(submit(4) == 1);
    CHECK(submit(4) == 2);
    CHECK(submit(4) == 2);  // 12 > 10: the oldest is consumed first
    CHECK(submit(50) == 1); // heavier than the bound alone: still goes, alone
    CHECK(submit(1) == 1);
    CHECK(submit(1) == 2);  // light ones pile up to the window, not past the weight
    work.finish();
    CHECK(consumed == submitted);
}

TEST_CASE("ordered work destroys consumed results on its workers, not the consuming thread",
          "[indexer][index_run]") {
    // A result that records the thread that destroys it while it still holds its payload.
    struct Tracked {
        std::vector<std::thread::id>* destroyed_on = nullptr;
        std::mutex* mutex = nullptr;
        Tracked() = default;
        Tracked(std::vector<std::thread::id>* on, std::mutex* m) : destroyed_on(on), mutex(m) {}
        Tracked(Tracked&& other) noexcept : destroyed_on(std::exchange(other.destroyed_on, nullptr)), mutex(other.mutex) {}
        Tracked& operator=(Tracked&& other) noexcept {
            destroyed_on = std::exchange(other.destroyed_on, nullptr);
            mutex = other.mutex;
            return *this;
        }
        ~Tracked() {
            if (destroyed_on == nullptr) return;
            const std::lock_guard lock(*mutex);
            destroyed_on->push_back(std::this_thread::get_id());
        }
    };
    std::vector<std::thread::id> destroyed_on;
    std::mutex mutex;
    std::size_t consumed = 0;
    {
        OrderedWork<Tracked> work(2, 4, [&](Tracked&& result) {
            CHECK(result.destroyed_on != nullptr); // handed over whole
            ++consumed;
        });
        for (int i = 0; i < 40; ++i) work.submit([&](std::size_t) { return Tracked(&destroyed_on, &mutex); });
        work.finish();
    }
    CHECK(consumed == 40);
    // A worker destroys the results consumed so far before each task it starts, and the last
    // ones before it stops.
    CHECK(destroyed_on.size() == 40);
    CHECK(std::count(destroyed_on.begin(), destroyed_on.end(), std::this_thread::get_id()) == 0);
}

TEST_CASE("ordered work hands results back in submission order", "[indexer][index_run]") {
    for (const std::size_t threads : {0u, 1u, 3u}) {
        std::vector<int> seen;
        {
            OrderedWork<int> work(threads, 2, [&](int&& value) { seen.push_back(value); });
            for (int i = 0; i < 50; ++i)
                work.submit([i](std::size_t) {
                    // Later tasks finish first: order must come from submission, not completion.
                    std::this_thread::sleep_for(std::chrono::microseconds((50 - i) * 20));
                    return i;
                });
            work.finish();
        }
        std::vector<int> expected(50);
        for (int i = 0; i < 50; ++i) expected[i] = i;
        CHECK(seen == expected);
    }
    OrderedWork<int> failing(2, 4, [](int&&) {});
    failing.submit([](std::size_t) -> int { throw std::runtime_error("bad article"); });
    CHECK_THROWS_WITH(failing.finish(), "bad article");
}
