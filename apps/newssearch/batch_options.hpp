#pragma once
/// What `batch` and `eval --topics` share: the options that choose the topics, the index and the
/// ranking of a batch run, and the progress report on stderr.

#include "eval/batch_runner.hpp"
#include "eval/topics.hpp"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace newssearch::app {

struct BatchCommandOptions {
    std::string db;
    std::string topics;
    std::string topics_format = "auto";
    bool number_by_position = false;
    bool quiet = false;
    eval::BatchSettings settings;
};

/// Adds --db, --topics-format, --number-by-position, --depth, --run-tag, --passages, --k1, --b,
/// --feedback, --feedback-docs, --feedback-terms,
/// --feedback-weight and -q/--quiet to `command`; --topics is added by the caller (required for
/// `batch`, an alternative to --run for `eval`).
void add_batch_options(CLI::App& command, const std::shared_ptr<BatchCommandOptions>& options);

/// Reads the topics file the options name (DataError "FILE:LINE: ..." when it is malformed).
[[nodiscard]] std::vector<eval::Topic> read_batch_topics(const BatchCommandOptions& options);

/// Runs the topics against the index the options name, reporting progress on stderr unless
/// quiet: a line every few seconds (updated in place on a terminal) and a summary at the end
/// naming topics that retrieved nothing.
[[nodiscard]] eval::Run run_batch(const BatchCommandOptions& options,
                                  const std::vector<eval::Topic>& topics);

} // namespace newssearch::app
