#include "commands.hpp"
#include "db_location.hpp"
#include "index_report.hpp"

#include "ranking_options.hpp"

#include "common/errors.hpp"
#include "indexer/index_run.hpp"
#include "render/render_json.hpp"
#include "render/render_text.hpp"

#include <newssearch/searcher.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

/// The command line's words and switches; what they ask for is one SearchOptions.
struct SearchCommandOptions {
    std::vector<std::string> words;
    std::string db;
    bool json = false;
    bool color = false;
    bool no_color = false;
    std::string sort = "relevance";
    SearcherOptions open;
    SearchOptions search;
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
    SearchOptions& search = options->search;
    command->add_option("--db", options->db,
                        "Index folder, sharded index folder, Xapian stub file, or a comma-separated list of "
                        "those (default: $NEWSSEARCH_DB or ~/.local/share/newssearch/db)");
    command->add_flag("--allow-partial", options->open.allow_partial,
                      "When a remote shard is down or too slow, answer from the others (marked partial, exit 3)");
    command->add_option("--remote-timeout", options->open.remote_timeout_ms,
                        "Milliseconds a remote shard may take to connect or answer (0: wait for ever)")
        ->capture_default_str();
    command->add_option("-n,--limit", search.limit, "Hits to show, 1..10000")->capture_default_str();
    command->add_option("--offset", search.offset, "Hits to skip (paging)")->capture_default_str();
    command->add_option("--snippet-bytes", search.snippet_bytes, "Longest snippet, in bytes, 40..100000")
        ->capture_default_str();
    command->add_option("--since", search.since, "Only articles published on or after this date (2025-02-18, 2025-02 or 2025)");
    command->add_option("--until", search.until, "Only articles published on or before this date");
    command->add_flag("--dated-only", search.dated_only, "Date filters also drop articles whose date is unknown");
    command->add_option("--source", search.sources, "Only articles from this source (repeatable: any of them)");
    command->add_option("--category", search.categories, "Only articles in this category (repeatable: any of them)");
    command->add_option("--entity", search.entities,
                        "Only articles that mention this entity, a name or key (repeatable: all of them)");
    command->add_option("--sort", options->sort, "Order: relevance, date (oldest first) or -date (newest first)")
        ->capture_default_str();
    command->add_option("--like", search.like, "Articles similar to this article id (the query, if any, narrows them)");
    command->add_flag("--explain", search.explain, "Show why each hit ranked where it did");
    add_ranking_options(*command, search.ranking);
    command->add_flag("--facets", search.facets,
                      "Count entities, sources, categories and months over the matching articles");
    command->add_flag("--passages", search.passages, "List matching passages individually, not one hit per article");
    command->add_flag("--all-copies", [&search](std::int64_t) { search.collapse_copies = false; },
                      "List copies of a story as hits of their own (by default they are listed under its best hit)");
    command->add_flag("--json", options->json, "Print results as JSON (schema in README)");
    command->add_flag("--color", options->color, "Colour the output even when it is not a terminal");
    command->add_flag("--no-color", options->no_color, "Never colour the output");
    command->callback([options, &exit_code] {
        SearchOptions request = options->search;
        request.query = join_words(options->words);
        request.sort = parse_sort_order(options->sort);
        if (request.query.empty() && request.like.empty() && request.sources.empty() && request.entities.empty() &&
            request.categories.empty())
            throw UsageError("give a query, or --like ARTICLE_ID (see newssearch search --help)");
        const DatabaseLocation location = database_location(options->db);
        bootstrap_default_index(location);
        Searcher searcher(location.path, options->open);
        const SearchResults results = searcher.search(request);
        if (options->json) {
            // The query and article texts are not guaranteed to be valid UTF-8: the output is.
            std::cout << render::to_json(results).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                      << '\n';
        } else {
            render::TextStyle style;
            // no-color.org: NO_COLOR (set, not empty) turns colour off unless --color asks for it.
            const char* no_color_env = std::getenv("NO_COLOR");
            const bool env_says_no = no_color_env != nullptr && *no_color_env != '\0';
            style.color = !options->no_color && (options->color || (!env_says_no && ::isatty(STDOUT_FILENO)));
            render::render_text(std::cout, results, style);
        }
        exit_code = results.partial ? exit_partial : exit_ok;
    });
}

} // namespace newssearch::app
