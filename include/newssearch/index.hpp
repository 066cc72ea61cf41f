#pragma once
/// Building and updating a newssearch index from a program.
///
/// Thread safety: an Index is not thread-safe, and one index folder has at most one Index at a
/// time, in any process (it is locked while an Index is open). Searchers in other threads or
/// processes see its changes after commit(), in whole articles.

#include <newssearch/export.hpp>
#include <newssearch/types.hpp>

#include <memory>
#include <string>
#include <vector>

namespace newssearch {

/// Options for Index::add_files.
struct AddFilesOptions {
    /// "auto" (by file extension: .txt scraped pages, .jsonl JSON Lines), "text", "jsonl" or
    /// "smart" (Cranfield/CISI collection files).
    std::string format = "auto";
    /// Entity gazetteer file (TSV, docs/ENTITIES.md) to use from now on; empty: keep the index's.
    std::string gazetteer_path{};
};

/// Write access to one index folder (created when missing). Movable; a moved-from Index may only
/// be destroyed or assigned to.
class NEWSSEARCH_API Index {
  public:
    /// Opens the index at `path` for writing, creating it (and missing parent folders) when
    /// absent, and locks it until the Index is destroyed. Throws UsageError for an empty path;
    /// IndexError when another writer holds the lock, or `path` holds a damaged, incompatible or
    /// non-newssearch database.
    explicit Index(const std::string& path);
    /// Changes not committed are dropped: the index stays as of the last commit().
    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    Index(const Index&) = delete;
    Index& operator=(const Index&) = delete;

    /// Adds or replaces an article (keyed by its id): it is cleaned as given (no HTML scraping),
    /// split into passages, its entities recognised. Searchers see it after commit(). Throws
    /// UsageError when the article has no id, or neither a title nor any text; IndexError when
    /// the index cannot be written.
    AddOutcome add(const Article& article);

    /// Removes an article; false when no article has this id. Visible after commit().
    bool remove(const std::string& id);

    /// Makes everything added and removed so far durable and visible to searchers.
    void commit();

    /// Indexes files and folders (scraped .txt pages and JSON Lines files, folders recursively)
    /// the way `newssearch index` does, committing as it goes. Commits pending changes first.
    /// Bad files are skipped and listed in the summary. Throws UsageError for an unknown format
    /// or no paths; DataError for a bad gazetteer; IndexError when the index cannot be written.
    IndexSummary add_files(const std::vector<std::string>& paths, const AddFilesOptions& options = {});

    /// The folder the index is in.
    [[nodiscard]] const std::string& path() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace newssearch
