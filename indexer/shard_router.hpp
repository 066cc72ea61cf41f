#pragma once
/// Writing an index as N shards: N Xapian databases (DB/shard-0 .. DB/shard-N-1) plus a Xapian
/// stub file DB/XAPIANDB listing them, so that Xapian opens the folder DB as all its shards. Each
/// article goes to one shard, chosen by a stable hash of its id (all its passages together), so
/// re-indexing keeps it where it is. Index-wide settings (gazetteer, title weight, synonyms,
/// schema version, entity names) are written into every shard: a combined database reads
/// metadata from its first shard, and each shard must also answer alone behind xapian-tcpsrv.

#include "indexer/index_writer.hpp"
#include "indexer/shard_writer.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

namespace newssearch::indexer {

/// The shard (0..shards-1) an article id belongs to: a 64-bit hash of the id (FNV-1a, bits
/// mixed), modulo `shards`. Never change it: re-indexing relies on it.
[[nodiscard]] std::size_t shard_of(std::string_view article_id, std::size_t shards);

/// The stub file that makes `folder` a sharded index ("<folder>/XAPIANDB").
[[nodiscard]] std::string stub_path(const std::string& folder);

/// Shards of the sharded index in `folder` (counted from its stub file); 0 when `folder` is not
/// a sharded index. Throws IndexError when the stub lists anything but local shard-K folders.
[[nodiscard]] std::size_t existing_shard_count(const std::string& folder);

/// Writes one index, sharded or not, with IndexWriter's interface. A sharded index writes each
/// shard on a thread of its own (indexer/shard_writer.hpp): write() and record_file() only queue
/// their work and return, and commit() waits for every shard. An index error on a shard's thread
/// is rethrown, as it was thrown, by the next call (or dropped with the uncommitted batch when the
/// writer is destroyed first). One database is written inline, on the caller's thread.
class ShardedIndexWriter {
  public:
    /// Opens (creating when absent) the index in `folder`. `shards` 0 keeps the layout the folder
    /// has (one database when new); 1 asks for one database; N > 1 for N shards. Throws
    /// IndexError when the folder already holds a different layout (see docs/SCALING.md for
    /// re-sharding), and whatever IndexWriter throws.
    ShardedIndexWriter(const std::string& folder, std::size_t shards, PassageOptions options = {});
    /// Drops what was not committed: every shard stays at its last commit.
    ~ShardedIndexWriter();
    ShardedIndexWriter(const ShardedIndexWriter&) = delete;
    ShardedIndexWriter& operator=(const ShardedIndexWriter&) = delete;

    /// IndexWriter::add on the article's shard, once that shard has written what was queued.
    AddOutcome add(const Article& article);
    /// IndexWriter::write on the article's shard; a sharded index only queues it (what it did is
    /// counted in add_counts()), moving the article into the queue, while one database is written
    /// at once and leaves `prepared` to the caller. Throws UsageError when the article has no id.
    void write(PreparedArticle&& prepared, const std::string& source_file = {});
    /// IndexWriter::remove on the article's shard.
    bool remove(const std::string& article_id);
    /// IndexWriter::prune on every shard; the ids removed.
    std::vector<std::string> prune();
    /// IndexWriter::file_record (every shard holds every file record). A sharded index answers
    /// from the shards' last commits, without waiting for their threads, and only when every
    /// shard has committed the record (a run stopped between two shards' commits leaves it in some).
    [[nodiscard]] std::optional<FileRecord> file_record(const std::string& path);
    /// IndexWriter::record_file on every shard (queued after the file's articles): a file's
    /// articles may be in any of them.
    void record_file(const std::string& path, const FileRecord& record);
    /// IndexWriter::prepare_settings (the same for every shard).
    [[nodiscard]] PrepareSettings prepare_settings();
    /// IndexWriter::stored_hash on the article's shard; a sharded index answers from its last
    /// commit, as file_record().
    [[nodiscard]] std::optional<std::string> stored_hash(const std::string& article_id);
    /// IndexWriter::set_gazetteer on every shard.
    void set_gazetteer(const std::string& tsv, const std::string& source);
    /// IndexWriter::set_title_weight on every shard.
    void set_title_weight(unsigned weight);
    /// IndexWriter::set_synonyms on every shard.
    void set_synonyms(const std::vector<std::vector<std::string>>& groups);
    /// Waits for every shard to write what was queued, copies the entity names each shard learnt
    /// to the others, then commits every shard and waits for all (each shard commits on its own: a
    /// searcher may briefly see some shards at the new revision, never half an article).
    void commit();
    /// commit() with IndexWriter::checkpoint on every shard.
    void checkpoint();

    /// Passages of the articles written so far, over all shards (waits for queued writes).
    [[nodiscard]] std::size_t passages_written();
    /// What add() and write() did so far, over all shards (waits for queued writes).
    [[nodiscard]] AddCounts add_counts();
    /// Number of shards (1 for an unsharded index).
    [[nodiscard]] std::size_t shard_count() const { return shards_.size(); }

  private:
    ShardWriter& shard_for(std::string_view article_id);
    /// commit() (`checkpoint` false) or checkpoint().
    void commit_shards(bool checkpoint);
    /// Calls `read` with a read-only view of shard `shard` at its last commit, opened on first
    /// use and opened again when the writer has moved on too far for it (Xapian's
    /// DatabaseModifiedError). Asking the shard's writer instead would wait for its queue to drain.
    template <class Read>
    auto read_committed(std::size_t shard, Read read) -> decltype(read(std::declval<const Xapian::Database&>()));

    std::vector<std::unique_ptr<ShardWriter>> shards_;
    std::vector<std::string> shard_paths_;
    std::vector<std::optional<Xapian::Database>> committed_; ///< read-only views, by shard
};

} // namespace newssearch::indexer
