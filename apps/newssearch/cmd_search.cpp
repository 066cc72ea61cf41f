#include "commands.hpp"
#include "db_location.hpp"
#include "index_report.hpp"

#include "common/errors.hpp"
#include "indexer/index_run.hpp"
#include "render/render_json.hpp"
#include "render/render_text.hpp"
#include "searcher/searcher.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

struct SearchCommandOptions {
    std::vector<std::string> words;
    std::string db;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::size_t snippet_bytes = 320;
    bool passages = false;
    bool json = false;
    bool color = false;
    bool no_color = false;
    std::string since;
    std::string until;
    bool dated_only = false;
    std::string sort = "relevance";
    std::string like;
    bool explain = false;
    double k1 = searcher::RankingSettings{}.k1;
    double b = searcher::RankingSettings{}.b;
    double entity_boost = searcher::RankingSettings{}.entity_boost;
    bool facets = false;
    bool allow_partial = false;
    unsigned remote_timeout_ms = searcher::ShardOpenOptions{}.remote_timeout_ms;
};

std::string join_words(const std::vector<std::string>& words) {
    std::string query;
    for (const std::string& word : words) {
        if (!query.empty()) query += ' ';
        query += word;
    }
    return query;
}

/// The very first search on a machine finds no index at the default location: build it from the
/// bundled corpus so that a newcomer's first command answers.
void bootstrap_default_index(const DatabaseLocation& location) {
    if (!location.is_default || std::filesystem::exists(location.path)) return;
    const std::string corpus = bundled_corpus_folder();
    std::cerr << "newssearch: no index yet at " << location.path << "; indexing the bundled corpus ("
              << corpus << ") first.\n";
    indexer::IndexRunOptions run;
    run.gazetteer_path = bundled_gazetteer();
    run.synonyms_path = bundled_synonyms();
    const indexer::IndexRunSummary summary = indexer::index_paths(location.path, {corpus}, run);
    report_index_run(std::cerr, summary, location.path);
}

} // namespace

void add_search_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<SearchCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "search", "Search the index (the default: 'newssearch QUERY' is 'newssearch search QUERY')");
    command->add_option("query", options->words, "The query (see README: words, \"phrases\", AND/OR/NOT, title:, ...)");
    command->add_option("--db", options->db,
                        "Index folder, sharded index folder, Xapian stub file, or a comma-separated list of "
                        "those (default: $NEWSSEARCH_DB or ~/.local/share/newssearch/db)");
    command->add_flag("--allow-partial", options->allow_partial,
                      "When a remote shard is down or too slow, answer from the others (marked partial, exit 3)");
    command->add_option("--remote-timeout", options->remote_timeout_ms,
                        "Milliseconds a remote shard may take to connect or answer (0: wait for ever)")
        ->capture_default_str();
    command->add_option("-n,--limit", options->limit, "Hits to show")->check(CLI::Range(1, 10000))->capture_default_str();
    command->add_option("--offset", options->offset, "Hits to skip (paging)")->capture_default_str();
    command->add_option("--snippet-bytes", options->snippet_bytes, "Longest snippet, in bytes")
        ->check(CLI::Range(40, 100000))->capture_default_str();
    command->add_option("--since", options->since, "Only articles published on or after this date (2025-02-18, 2025-02 or 2025)");
    command->add_option("--until", options->until, "Only articles published on or before this date");
    command->add_flag("--dated-only", options->dated_only, "Date filters also drop articles whose date is unknown");
    command->add_option("--sort", options->sort, "Order: relevance, date (oldest first) or -date (newest first)")
        ->capture_default_str();
    command->add_option("--like", options->like, "Articles similar to this article id (the query, if any, narrows them)");
    command->add_flag("--explain", options->explain, "Show why each hit ranked where it did");
    command->add_option("--k1", options->k1, "BM25 k1: how long repeated words keep adding weight")
        ->check(CLI::Range(0.0, 10.0))->capture_default_str();
    command->add_option("--b", options->b, "BM25 b: passage length normalisation, 0 to 1")
        ->check(CLI::Range(0.0, 1.0))->capture_default_str();
    command->add_option("--entity-boost", options->entity_boost,
                        "Weight of entity matches for names in the query (0: words only)")
        ->check(CLI::Range(0.0, 100.0))->capture_default_str();
    command->add_flag("--facets", options->facets, "Count entities, sources and months over the matching articles");
    command->add_flag("--passages", options->passages, "List matching passages individually, not one hit per article");
    command->add_flag("--json", options->json, "Print results as JSON (schema in README)");
    command->add_flag("--color", options->color, "Colour the output even when it is not a terminal");
    command->add_flag("--no-color", options->no_color, "Never colour the output");
    command->callback([options, &exit_code] {
        const DatabaseLocation location = database_location(options->db);
        bootstrap_default_index(location);
        searcher::ShardOpenOptions shard_options;
        shard_options.allow_partial = options->allow_partial;
        shard_options.remote_timeout_ms = options->remote_timeout_ms;
        searcher::Searcher searcher(location.path, shard_options);
        searcher::SearchOptions search;
        search.query = join_words(options->words);
        search.limit = options->limit;
        search.offset = options->offset;
        search.passages = options->passages;
        search.snippet_bytes = options->snippet_bytes;
        search.since = options->since;
        search.until = options->until;
        search.dated_only = options->dated_only;
        search.sort = searcher::parse_sort_order(options->sort);
        search.like = options->like;
        search.explain = options->explain;
        search.ranking.k1 = options->k1;
        search.ranking.b = options->b;
        search.ranking.entity_boost = options->entity_boost;
        search.facets = options->facets;
        if (search.query.empty() && search.like.empty())
            throw UsageError("give a query, or --like ARTICLE_ID (see newssearch search --help)");
        const searcher::SearchResult result = searcher.search(search);
        if (options->json) {
            std::cout << render::to_json(result).dump(2) << '\n';
        } else {
            render::TextStyle style;
            style.color = !options->no_color && (options->color || ::isatty(STDOUT_FILENO));
            render::render_text(std::cout, result, style);
        }
        exit_code = result.partial ? exit_partial : exit_ok;
    });
}

} // namespace newssearch::app
