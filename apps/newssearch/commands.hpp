#pragma once
/// The subcommands of the newssearch program. Each add_*_command() registers its options and
/// callback; the callback returns the process exit code through `exit_code`.

#include <CLI/CLI.hpp>

#include <string>

namespace newssearch::app {

/// Exit codes, documented in README.md.
enum ExitCode : int {
    exit_ok = 0,
    exit_error = 1,    ///< the index is missing, locked or damaged; a file could not be written
    exit_usage = 2,    ///< bad command line or query
    exit_partial = 3,  ///< the command finished, but some input files or records were skipped, or
                       ///< some index shards did not answer (search --allow-partial)
};

void add_index_command(CLI::App& app, int& exit_code);
void add_search_command(CLI::App& app, int& exit_code);
void add_clean_command(CLI::App& app, int& exit_code);
void add_entities_command(CLI::App& app, int& exit_code);
void add_batch_command(CLI::App& app, int& exit_code);
void add_eval_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
void add_stats_command(CLI::App& app, int& exit_code);

} // namespace newssearch::app
