#pragma once
/// One indexing run: input paths in, articles cleaned and written, a summary out. Shared by the
/// `index` command, the first-search bootstrap and the library API.
///
/// Incremental: a file whose size and modification time match what the index recorded is not read
/// again; an article whose content hash matches is not analysed again. Crash-safe: the index is
/// committed every `commit_every` articles, and a run that is killed leaves the last commit intact
/// (the next run finishes the job). Parallel: files are read, cleaned and analysed on `threads`
/// workers while one writer adds the results in input order, so docids do not depend on timing (a
/// sharded index has a writer thread per shard, each fed in input order).

#include "extract/input_files.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace newssearch::indexer {

/// Where a run is, for progress displays.
struct IndexProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::size_t articles_done = 0; ///< articles handed to the writer, or skipped unread
};

struct IndexRunOptions {
    /// Articles per commit: a run that is killed keeps everything up to its last commit.
    std::size_t commit_every = 2500;
    /// Worker threads reading and analysing articles; 0: one per core.
    std::size_t threads = 0;
    /// Read every input in this format instead of choosing by file extension.
    std::optional<extract::InputFormat> format;
    /// Called after each input file; may be empty. Runs on the calling thread.
    std::function<void(const IndexProgress&)> on_progress;
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
    /// Remove articles whose source file is gone, or no longer holds them (after indexing).
    bool prune = false;
    /// Articles to remove, by id (after indexing and pruning).
    std::vector<std::string> delete_ids;
    /// The source of the articles read in this run that name none of their own ("BBC News");
    /// empty: unknown stays unknown.
    std::string default_source;
};

struct IndexRunSummary {
    std::size_t files = 0;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t removed = 0;             ///< pruned or deleted
    std::size_t passages = 0;            ///< passages of the articles written in this run
    std::vector<extract::InputProblem> problems;  ///< skipped files and records, unknown ids, with reasons
    std::vector<extract::InputProblem> warnings;  ///< indexed, but repaired (e.g. converted from Windows-1252)
    /// files of the folders given that were left out as no articles (README, word lists), with
    /// reasons: not problems (extract/not_article.hpp)
    std::vector<extract::InputProblem> not_articles;
    double seconds = 0;
};

/// Indexes the files and folders in `paths` into the database at `database_path` (created when
/// missing), then prunes and deletes as asked. Bad inputs are skipped and listed in the summary;
/// index errors (locked, corrupt) throw IndexError and leave the database as of its last commit.
[[nodiscard]] IndexRunSummary index_paths(const std::string& database_path,
                                          const std::vector<std::string>& paths,
                                          const IndexRunOptions& options = {});

} // namespace newssearch::indexer
