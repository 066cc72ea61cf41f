#pragma once
/// One indexing run: input paths in, articles cleaned and written, a summary out. Shared by the
/// `index` command, the first-search bootstrap and the library API.

#include "indexer/input_files.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace newssearch::indexer {

struct IndexRunOptions {
    /// Articles per commit: a run that is killed keeps everything up to its last commit.
    std::size_t commit_every = 1000;
    /// Read every input in this format instead of choosing by file extension.
    std::optional<InputFormat> format;
    /// Called after each input file with (files done, files in all); may be empty.
    std::function<void(std::size_t, std::size_t)> on_progress;
    /// Entity gazetteer (TSV, docs/ENTITIES.md) to recognise entities with and store in the index;
    /// empty: keep the one the index has (if any).
    std::string gazetteer_path;
    /// Synonym file (indexer/synonyms.hpp) to store in the index, replacing its synonyms; empty:
    /// keep them.
    std::string synonyms_path;
    /// Title weight to build with (IndexWriter::set_title_weight); 0: keep the index's.
    unsigned title_weight = 0;
    /// Shards to write (indexer/shard_router.hpp): 0 keeps the index's layout, 1 one database.
    std::size_t shards = 0;
};

struct IndexRunSummary {
    std::size_t files = 0;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t passages = 0;            ///< passage documents written in this run
    std::vector<InputProblem> problems;  ///< skipped files and records, with reasons
    double seconds = 0;
};

/// Indexes the files and folders in `paths` into the database at `database_path` (created when
/// missing). Bad inputs are skipped and listed in the summary; index errors (locked, corrupt)
/// throw IndexError and leave the database as of its last commit.
[[nodiscard]] IndexRunSummary index_paths(const std::string& database_path,
                                          const std::vector<std::string>& paths,
                                          const IndexRunOptions& options = {});

} // namespace newssearch::indexer
