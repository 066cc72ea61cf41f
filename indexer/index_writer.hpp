#pragma once
/// Writes cleaned articles into a newssearch database. One writer per database (Xapian locks it);
/// changes become visible to searchers at each commit(), in whole articles.

#include "common/article.hpp"
#include "common/stored_records.hpp"
#include "indexer/article_preparer.hpp"
#include "indexer/passage_splitter.hpp"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace newssearch::indexer {

/// What add() did with an article.
enum class AddOutcome { added, updated, unchanged };

/// How many articles a writer's add() and write() calls added, updated and found unchanged.
struct AddCounts {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
};

/// A source file's size and modification time: when both still match, the file is not read again.
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;

    bool operator==(const FileStamp&) const = default;
};

/// What the index remembers of a source file read without problems.
struct FileRecord {
    FileStamp stamp;
    std::vector<std::string> article_ids; ///< the articles read from it, in file order
};

/// What `database` remembers of the source file at `path` (absolute), if anything.
[[nodiscard]] std::optional<FileRecord> read_file_record(const Xapian::Database& database, const std::string& path);
/// The content hash `database` holds for article `article_id`, if any.
[[nodiscard]] std::optional<std::string> read_stored_hash(const Xapian::Database& database, const std::string& article_id);

/// Changes to the spelling data: word -> change in its frequency.
using SpellingChanges = std::unordered_map<std::string, std::int64_t>;

/// A batch's spelling changes as stored in a pending record ("word<TAB>change" lines), and back.
[[nodiscard]] std::string format_spelling_changes(const SpellingChanges& changes);
/// Adds the changes in `record` (format_spelling_changes) to `changes`; malformed lines are skipped.
void add_spelling_changes(SpellingChanges& changes, std::string_view record);

/// The file written beside Xapian's lock while a writer has the index open: the writer's PID.
inline constexpr const char* writer_pid_file = "newssearch-index.pid";

class IndexWriter {
  public:
    /// Opens the database at `path`, creating it (and missing parent folders) when absent.
    /// Throws IndexError when it is locked by another writer (naming its PID when known), corrupt,
    /// or from another schema.
    explicit IndexWriter(const std::string& path, PassageOptions options = {});
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Adds or replaces an article (all its passages), keyed by its id. An article whose content
    /// is unchanged since the last run costs only a hash and is left alone. Throws UsageError
    /// when the article has no id.
    AddOutcome add(const Article& article);

    /// Writes an article prepared by a preparer made with prepare_settings() (any thread), the way
    /// add() does. `source_file` (absolute path, may be empty) is remembered for --prune.
    /// `prepared` is not moved from: the caller destroys it, on any thread (indexer/ordered_work.hpp
    /// leaves that to a worker).
    AddOutcome write(PreparedArticle&& prepared, const std::string& source_file = {});

    /// Removes an article's passages; false when no such article is indexed. The record of the
    /// file it came from is dropped too, so the next run reads that file again.
    bool remove(const std::string& article_id);

    /// Removes every article whose source file no longer exists, or no longer holds it; returns
    /// their ids. Articles indexed without a source file are kept.
    std::vector<std::string> prune();

    /// What the index remembers of the source file at `path` (absolute), if anything.
    [[nodiscard]] std::optional<FileRecord> file_record(const std::string& path) const;

    /// Remembers a source file read without problems (part of the next commit).
    void record_file(const std::string& path, const FileRecord& record);

    /// The settings articles must be prepared with for this index (for worker threads).
    [[nodiscard]] PrepareSettings prepare_settings() const;

    /// The content hash of the indexed article `article_id`, if any (for preparers to skip an
    /// unchanged article).
    [[nodiscard]] std::optional<std::string> stored_hash(const std::string& article_id) const;

    /// Recognises entities with this gazetteer (TSV text, see docs/ENTITIES.md) from now on and
    /// stores it in the index, where the query side reads it. Without a call, the gazetteer the
    /// index was built with is used, or none. Throws DataError (with `source`:line) on bad lines.
    void set_gazetteer(const std::string& tsv, const std::string& source);

    /// Makes each title word count `weight` times in every passage from now on (stored in the
    /// index; articles are re-indexed when it changes). Throws UsageError unless 1..20.
    void set_title_weight(unsigned weight);

    /// Replaces the index's synonym groups (see synonyms.hpp); visible after commit().
    void set_synonyms(const std::vector<std::vector<std::string>>& groups);

    /// Makes everything added so far durable and visible to searchers, spelling data included.
    void commit();

    /// Makes the articles written so far durable and searchable, like commit(), but leaves their
    /// words out of the spelling data until the next commit(): each batch's words are kept in the
    /// index as a pending record instead. Merging the spelling data once a run rather than once a
    /// batch saves the writer's thread most of that work (docs/INDEXING.md). A writer opened on an
    /// index with pending records (a run stopped before its commit()) merges them first.
    void checkpoint();

    /// The entity names this index knows (entity metadata key -> "type<TAB>canonical"), for
    /// sharded indexes, where every shard carries every name (indexer/shard_router.hpp).
    [[nodiscard]] std::map<std::string, std::string> entity_names() const;

    /// Stores the entity names this index does not have, or has in a form better_entity_name
    /// (common/stored_records.hpp) ranks lower; visible after commit().
    void add_entity_names(const std::map<std::string, std::string>& names);

    /// Passages of the articles written by this writer so far.
    [[nodiscard]] std::size_t passages_written() const { return passages_written_; }

    /// What this writer's add() and write() calls did so far.
    [[nodiscard]] const AddCounts& add_counts() const { return add_counts_; }

  private:
    void begin_batch();
    /// Commits the batch; `merge_spelling`: also merges every pending spelling change.
    void commit_batch(bool merge_spelling);
    /// Merges the pending spelling records a stopped run left, and commits.
    void merge_stored_spelling();
    /// Deletes an article's passages and stored text, and its words from the spelling data.
    void remove_indexed(const std::string& article_id);
    void refresh_preparer();
    /// Stores `name` under entity metadata `key` unless the stored name is better.
    void offer_entity_name(const std::string& key, const EntityName& name);
    /// remove(); `forget_source` also drops the record of the file the article came from.
    bool remove_article(const std::string& article_id, bool forget_source);
    /// Counts `outcome` in add_counts_ and returns it.
    AddOutcome counted(AddOutcome outcome);

    std::string path_;
    PassageOptions options_;
    Xapian::WritableDatabase database_;
    std::shared_ptr<const entities::EntityRecognizer> recognizer_;
    std::string gazetteer_hash_; ///< part of every article's content hash: a new gazetteer re-indexes
    std::unique_ptr<ArticlePreparer> preparer_; ///< for add() and for taking old articles out
    bool in_batch_ = false;
    /// The batch's changes to the spelling data: one Xapian call per word a batch (or a run)
    /// instead of one per word an article.
    SpellingChanges spelling_changes_;
    /// The changes of the batches checkpoint() committed as pending records, summed.
    SpellingChanges pending_spelling_;
    std::size_t pending_records_ = 0; ///< pending spelling records this writer stored
    /// Entity metadata key -> the name stored under it (nothing: none), for the keys this writer
    /// met: an entity is read from the index once a run, not once an article. Only this writer
    /// writes them while it has the index; emptied at a commit once it holds
    /// max_known_entity_names keys, which bounds memory.
    std::unordered_map<std::string, std::optional<EntityName>> known_entity_names_;
    std::size_t passages_written_ = 0;
    AddCounts add_counts_;
};

/// A stable 64-bit FNV-1a hash of `text`, as 16 hex digits (content hashes in the index).
[[nodiscard]] std::string content_hash(std::string_view text);

/// The size and modification time of the file at `path`, or nothing when it cannot be read.
[[nodiscard]] std::optional<FileStamp> file_stamp(const std::string& path);

} // namespace newssearch::indexer
