#include "commands.hpp"
#include "db_location.hpp"
#include "index_progress.hpp"
#include "index_report.hpp"
#include "serve_program.hpp"

#include "common/errors.hpp"
#include "indexer/index_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

namespace newssearch::app {
namespace {

struct IndexOptions {
    std::string db;
    std::vector<std::string> paths;
    std::string format = "auto";
    bool quiet = false;
    std::string gazetteer = bundled_gazetteer();
    std::string synonyms = bundled_synonyms();
    unsigned title_weight = 0;
    bool prune = false;
    std::vector<std::string> delete_ids;
    std::size_t threads = 0;
    std::size_t commit_every = indexer::IndexRunOptions{}.commit_every; // one default, the library's
    std::size_t shards = 0;
    std::string source;
};

/// "none" turns a default file off.
std::string file_option(const std::string& value) { return value == "none" ? std::string() : value; }

} // namespace

void add_index_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<IndexOptions>();
    CLI::App* command = app.add_subcommand(
        "index", "Clean articles and add them to the index (re-running updates changed articles)");
    command->add_option("paths", options->paths,
                        "Files or folders (searched recursively) of scraped .txt pages, .html/.htm(.gz) web pages, "
                        ".jsonl articles and Reuters .sgm files");
    command->add_option("--db", options->db, "Index folder (default: $NEWSSEARCH_DB or ~/.local/share/newssearch/db)");
    command->add_option("--format", options->format,
                        "How to read the inputs: auto (by extension: .jsonl/.ndjson JSON Lines, .sgm Reuters-21578 "
                        "SGML, .html/.htm(.gz) web pages, else scraped text), text, jsonl, reuters, html, or smart "
                        "(SMART collection files such as "
                        "Cranfield's cran.all.1400: one article per .I record, id = the record number)")
        ->check(CLI::IsMember({"auto", "text", "jsonl", "smart", "reuters", "html"}))
        ->capture_default_str();
    command->add_flag("-q,--quiet", options->quiet, "Print only problems (no progress, no summary)");
    command->add_flag("--prune", options->prune,
                      "Remove articles whose source file is gone, or no longer holds them");
    command->add_option("--delete", options->delete_ids, "Remove the article with this id (repeatable)")
        ->type_name("ID")
        ->allow_extra_args(false);
    command->add_option("--threads", options->threads, "Worker threads reading and analysing articles (default: all cores)")
        ->check(CLI::Range(1, 256));
    command->add_option("--commit-every", options->commit_every,
                        "Articles per commit: a run that is stopped keeps everything up to its last commit")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    command->add_option("--gazetteer", options->gazetteer,
                        "Entity gazetteer (TSV, docs/ENTITIES.md); 'none' for automatic recognition only")
        ->capture_default_str();
    command->add_option("--synonyms", options->synonyms,
                        "Synonym file (one comma-separated group per line); 'none' to keep the index's")
        ->capture_default_str();
    command->add_option("--title-weight", options->title_weight,
                        "How many times each title word counts in every passage (default 3; changing it re-indexes)")
        ->check(CLI::Range(1, 20));
    command->add_option("--shards", options->shards,
                        "Write the index as N shards (DB/shard-0..N-1 and the stub file DB/XAPIANDB, see "
                        "docs/SCALING.md); default: the layout the index has, one database when new")
        ->check(CLI::Range(1, 1024));
    command->add_option("--source", options->source,
                        "Source name for the articles of this run that name none of their own (\"BBC News\")")
        ->type_name("NAME")
        ->check([](const std::string& value) {
            return value.find_first_not_of(" \t") == std::string::npos || value.find_first_of("\r\n") != std::string::npos
                       ? std::string("--source must be a name on one line")
                       : std::string();
        });
    command->callback([options, &exit_code] {
        if (options->paths.empty() && options->delete_ids.empty() && !options->prune)
            throw UsageError("index needs files or folders to index, --delete ID or --prune");
        run_in_long_run_program(); // returns here only in the program that indexes (serve_program.hpp)
        const DatabaseLocation location = database_location(options->db);
        // A typo in the only path given must not leave an empty index behind.
        const auto exists = [](const std::string& path) {
            std::error_code error;
            return std::filesystem::exists(std::filesystem::symlink_status(path, error));
        };
        if (!options->paths.empty() && options->delete_ids.empty() && !options->prune &&
            std::none_of(options->paths.begin(), options->paths.end(), exists))
            throw DataError("no such file or folder: " + options->paths.front() +
                            (options->paths.size() > 1 ? " (nor any other path given)" : "") +
                            "; nothing was indexed and no index was created");
        indexer::IndexRunOptions run;
        run.gazetteer_path = file_option(options->gazetteer);
        run.synonyms_path = file_option(options->synonyms);
        run.title_weight = options->title_weight;
        run.format = extract::parse_input_format(options->format);
        run.shards = options->shards;
        run.prune = options->prune;
        run.delete_ids = options->delete_ids;
        run.threads = options->threads;
        run.commit_every = options->commit_every;
        run.default_source = options->source;
        indexer::IndexRunSummary summary;
        {
            const bool show_progress = !options->quiet && ::isatty(STDERR_FILENO) != 0;
            IndexProgressLine progress(std::cerr, show_progress);
            // Only a progress line needs the files counted before the run (a walk of its own).
            if (show_progress)
                run.on_progress = [&progress](const indexer::IndexProgress& done) { progress.update(done); };
            summary = indexer::index_paths(location.path, options->paths, run);
        }
        if (!options->quiet || !summary.problems.empty()) report_index_run(std::cerr, summary, location.path);
        exit_code = summary.problems.empty() ? exit_ok : exit_partial;
    });
}

} // namespace newssearch::app
