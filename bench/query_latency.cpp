// In-process query latency: opens a newssearch database once and runs every query of a file (one
// per line) through Searcher::search with snippets, timing each call; prints the percentiles.
//
//   query_latency --db PATH --queries FILE [--rounds N] [--limit N] [--no-snippets] [--all-copies]
//                 [--slowest N] [--ids FILE]
//
// --all-copies lists copies of a story as hits of their own (SearchOptions::collapse_copies off):
// on a corpus replicated N times every article has N-1 exact copies, which a real collection
// does not, and grouping them would measure that instead of the search.
// The first round warms the caches and is not counted; the next N rounds (default 3) are.
// --ids FILE writes, for each query of the warm-up round, a line `QUERY<TAB>ID ID ...` (the hits'
// article ids in rank order, with their scores to 6 digits after the last id, `|`-separated): for
// comparing the answers of two layouts of one index (one database, local or remote shards).
#include "searcher/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Options {
    std::string db;
    std::string queries;
    std::size_t rounds = 3;
    std::size_t limit = 10;
    bool snippets = true;
    bool all_copies = false;
    std::size_t slowest = 0; ///< print the N slowest queries
    std::string ids;         ///< write each query's hits here
};

[[noreturn]] void usage() {
    std::cerr << "usage: query_latency --db PATH --queries FILE [--rounds N] [--limit N] [--no-snippets] [--all-copies] "
                 "[--slowest N] [--ids FILE]\n";
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : (usage(), std::string()); };
        if (arg == "--db") options.db = value();
        else if (arg == "--queries") options.queries = value();
        else if (arg == "--rounds") options.rounds = std::stoul(value());
        else if (arg == "--limit") options.limit = std::stoul(value());
        else if (arg == "--no-snippets") options.snippets = false;
        else if (arg == "--all-copies") options.all_copies = true;
        else if (arg == "--slowest") options.slowest = std::stoul(value());
        else if (arg == "--ids") options.ids = value();
        else usage();
    }
    if (options.db.empty() || options.queries.empty() || options.rounds == 0) usage();
    return options;
}

std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot read the queries");
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(line);
    return queries;
}

double thread_cpu_millis() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double percentile(const std::vector<double>& sorted, double p) {
    const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
}

} // namespace

int main(int argc, char** argv) try {
    const Options options = parse(argc, argv);
    const std::vector<std::string> queries = read_queries(options.queries);
    if (queries.empty()) throw std::runtime_error(options.queries + ": no queries");
    newssearch::searcher::Searcher searcher(options.db);
    std::ofstream ids;
    if (!options.ids.empty()) {
        ids.open(options.ids);
        if (!ids) throw std::runtime_error(options.ids + ": cannot write the ids");
    }

    std::vector<double> millis;
    std::vector<double> cpu_millis; // the searching thread's CPU time: what the search costs, without waiting for a core
    std::vector<std::pair<double, std::string>> per_query(queries.size()); // slowest round of each
    std::size_t with_hits = 0;
    for (std::size_t round = 0; round <= options.rounds; ++round) {
        for (std::size_t q = 0; q < queries.size(); ++q) {
            const std::string& query = queries[q];
            newssearch::SearchOptions search;
            search.query = query;
            search.limit = options.limit;
            search.snippets = options.snippets;
            search.collapse_copies = !options.all_copies;
            const double cpu_start = thread_cpu_millis();
            const auto start = std::chrono::steady_clock::now();
            const auto result = searcher.search(search);
            const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
            const double cpu_took = thread_cpu_millis() - cpu_start;
            if (round == 0) {
                with_hits += result.hits.empty() ? 0 : 1;
                if (ids.is_open()) {
                    ids << query << '\t';
                    for (const auto& hit : result.hits) ids << hit.article.id << ' ';
                    ids << '|';
                    for (const auto& hit : result.hits) {
                        char score[32];
                        std::snprintf(score, sizeof score, " %.6f", hit.score);
                        ids << score;
                    }
                    ids << '\n';
                }
                continue; // warm-up
            }
            millis.push_back(took.count());
            cpu_millis.push_back(cpu_took);
            per_query[q] = {std::max(per_query[q].first, took.count()), query};
        }
    }
    std::sort(millis.begin(), millis.end());
    double total = 0;
    for (const double value : millis) total += value;
    std::printf("queries=%zu with_hits=%zu timed=%zu snippets=%s mean_ms=%.3f p50_ms=%.3f p95_ms=%.3f "
                "p99_ms=%.3f max_ms=%.3f\n",
                queries.size(), with_hits, millis.size(), options.snippets ? "yes" : "no",
                total / static_cast<double>(millis.size()), percentile(millis, 50), percentile(millis, 95),
                percentile(millis, 99), millis.back());
    std::sort(cpu_millis.begin(), cpu_millis.end());
    std::printf("thread_cpu p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f\n", percentile(cpu_millis, 50),
                percentile(cpu_millis, 95), percentile(cpu_millis, 99), cpu_millis.back());
    std::sort(per_query.rbegin(), per_query.rend());
    for (std::size_t i = 0; i < std::min(options.slowest, per_query.size()); ++i)
        std::printf("slow %.3f ms: %s\n", per_query[i].first, per_query[i].second.c_str());
    return 0;
} catch (const std::exception& error) {
    std::cerr << "query_latency: " << error.what() << '\n';
    return 1;
}
