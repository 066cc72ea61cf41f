#include "api_fixture.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace newssearch;
using newssearch::test::article;

namespace {

Article numbered(int n) {
    return article("report-" + std::to_string(n), "Report " + std::to_string(n),
                   {"The lighthouse keeper logged storm number " + std::to_string(n) + " tonight."});
}

} // namespace

TEST_CASE("SearcherPool: searches from several threads while another thread commits", "[api][pool][threads]") {
    const test::TempDir dir;
    Index index(dir / "db");
    index.add(article("fixed", "Harbour news", {"The harbour master counted the boats."}));
    index.add(numbered(0));
    index.commit();

    SearcherPool pool(dir / "db", 2);
    constexpr int batches = 10;
    std::atomic<bool> writing{true};
    std::atomic<int> failures{0};
    std::vector<std::string> errors(4);

    std::vector<std::thread> readers;
    for (int t = 0; t < 4; ++t) {
        readers.emplace_back([&, t] {
            std::size_t seen = 0;
            try {
                while (writing.load() || seen == 0) {
                    // An unrelated article is always found, whatever the writer does.
                    const SearchResults harbour = pool.search({.query = "harbour boats"});
                    if (harbour.hits.size() != 1 || harbour.hits[0].article.id != "fixed") ++failures;
                    // The numbered reports only ever grow, and each hit is one of them.
                    const SearchResults storms = pool.search({.query = "lighthouse storm", .limit = 100});
                    for (const Hit& hit : storms.hits)
                        if (hit.article.id.rfind("report-", 0) != 0 || hit.highlights.empty()) ++failures;
                    if (storms.hits.size() < seen) ++failures;
                    seen = storms.hits.size();
                }
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(t)] = e.what();
                ++failures;
            }
        });
    }
    for (int batch = 1; batch <= batches; ++batch) {
        index.add(numbered(batch));
        index.commit();
        // A writer does some work between commits.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    writing = false;
    for (std::thread& reader : readers) reader.join();

    for (const std::string& error : errors) CHECK(error == "");
    CHECK(failures == 0);
    // Everything committed is visible through the pool, without reopening it.
    CHECK(pool.search({.query = "lighthouse storm", .limit = 100}).hits.size() == batches + 1);
    CHECK(pool.article("report-" + std::to_string(batches)).has_value());
    CHECK(pool.idle_count() <= 2);
    CHECK(pool.idle_count() >= 1);
}

TEST_CASE("SearcherPool reports a missing index when it is made", "[api][pool][errors]") {
    const test::TempDir dir;
    CHECK_THROWS_AS(SearcherPool(dir / "missing"), IndexError);
}

TEST_CASE("one Searcher per thread works on the same index", "[api][threads]") {
    const test::CorpusIndex corpus;
    std::vector<std::thread> threads;
    std::atomic<int> found{0};
    for (int t = 0; t < 3; ++t)
        threads.emplace_back([&] {
            Searcher searcher(corpus.path());
            for (int i = 0; i < 5; ++i)
                if (!searcher.search({.query = "Lavrov Rubio"}).hits.empty()) ++found;
        });
    for (std::thread& thread : threads) thread.join();
    CHECK(found == 15);
}
