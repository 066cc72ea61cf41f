#include "commands.hpp"
#include "db_location.hpp"
#include "index_report.hpp"

#include "indexer/index_run.hpp"

#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

struct IndexOptions {
    std::string db;
    std::vector<std::string> paths;
    bool quiet = false;
};

} // namespace

void add_index_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<IndexOptions>();
    CLI::App* command = app.add_subcommand(
        "index", "Clean articles and add them to the index (re-running updates changed articles)");
    command->add_option("paths", options->paths,
                        "Files or folders (searched recursively) of scraped .txt pages and .jsonl articles")
        ->required();
    command->add_option("--db", options->db, "Index folder (default: $NEWSSEARCH_DB or ~/.local/share/newssearch/db)");
    command->add_flag("-q,--quiet", options->quiet, "Print only problems");
    command->callback([options, &exit_code] {
        const DatabaseLocation location = database_location(options->db);
        const indexer::IndexRunSummary summary = indexer::index_paths(location.path, options->paths);
        if (!options->quiet || !summary.problems.empty()) report_index_run(std::cerr, summary, location.path);
        exit_code = summary.problems.empty() ? exit_ok : exit_partial;
    });
}

} // namespace newssearch::app
