#pragma once
/// Writing an index as N shards: N Xapian databases (DB/shard-0 .. DB/shard-N-1) plus a Xapian
/// stub file DB/XAPIANDB listing them, so that Xapian opens the folder DB as all its shards. Each
/// article goes to one shard, chosen by a stable hash of its id (all its passages together), so
/// re-indexing keeps it where it is. Index-wide settings (gazetteer, title weight, synonyms,
/// schema version, entity names) are written into every shard: a combined database reads
/// metadata from its first shard, and each shard must also answer alone behind xapian-tcpsrv.

#include "indexer/index_writer.hpp"

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

/// Writes one index, sharded or not, with IndexWriter's interface.
class ShardedIndexWriter {
  public:
    /// Opens (creating when absent) the index in `folder`. `shards` 0 keeps the layout the folder
    /// has (one database when new); 1 asks for one database; N > 1 for N shards. Throws
    /// IndexError when the folder already holds a different layout (see docs/SCALING.md for
    /// re-sharding), and whatever IndexWriter throws.
    ShardedIndexWriter(const std::string& folder, std::size_t shards, PassageOptions options = {});
    ~ShardedIndexWriter();
    ShardedIndexWriter(const ShardedIndexWriter&) = delete;
    ShardedIndexWriter& operator=(const ShardedIndexWriter&) = delete;

    /// IndexWriter::add on the article's shard.
    AddOutcome add(const Article& article);
    /// IndexWriter::write on the article's shard.
    AddOutcome write(PreparedArticle prepared, const std::string& source_file = {});
    /// IndexWriter::remove on the article's shard.
    bool remove(const std::string& article_id);
    /// IndexWriter::prune on every shard; the ids removed.
    std::vector<std::string> prune();
    /// IndexWriter::file_record (every shard holds every file record).
    [[nodiscard]] std::optional<FileRecord> file_record(const std::string& path) const;
    /// IndexWriter::record_file on every shard: a file's articles may be in any of them.
    void record_file(const std::string& path, const FileRecord& record);
    /// IndexWriter::prepare_settings (the same for every shard).
    [[nodiscard]] PrepareSettings prepare_settings() const;
    /// IndexWriter::stored_hashes over all shards.
    [[nodiscard]] std::unordered_map<std::string, std::string> stored_hashes() const;
    /// IndexWriter::set_gazetteer on every shard.
    void set_gazetteer(const std::string& tsv, const std::string& source);
    /// IndexWriter::set_title_weight on every shard.
    void set_title_weight(unsigned weight);
    /// IndexWriter::set_synonyms on every shard.
    void set_synonyms(const std::vector<std::vector<std::string>>& groups);
    /// Copies entity names each shard learnt to the others, then commits every shard (shard by
    /// shard: a searcher may briefly see some shards at the new revision, never half an article).
    void commit();

    /// Passage documents written so far, over all shards.
    [[nodiscard]] std::size_t passages_written() const;
    /// Number of shards (1 for an unsharded index).
    [[nodiscard]] std::size_t shard_count() const { return writers_.size(); }

  private:
    IndexWriter& writer_for(std::string_view article_id);

    std::vector<std::unique_ptr<IndexWriter>> writers_;
};

} // namespace newssearch::indexer
