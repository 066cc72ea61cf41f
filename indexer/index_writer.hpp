#pragma once
/// Writes cleaned articles into a newssearch database. One writer per database (Xapian locks it);
/// changes become visible to searchers at each commit(), in whole articles.

#include "common/analyzer.hpp"
#include "common/article.hpp"
#include "common/entities/entity_recognizer.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/passage_splitter.hpp"

#include <xapian.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>

namespace newssearch::indexer {

/// What add() did with an article.
enum class AddOutcome { added, updated, unchanged };

class IndexWriter {
  public:
    /// Opens the database at `path`, creating it (and missing parent folders) when absent.
    /// Throws IndexError when it is locked by another writer, corrupt, or from another schema.
    explicit IndexWriter(const std::string& path, PassageOptions options = {});
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Adds or replaces an article (all its passages), keyed by its id. An article whose content
    /// is unchanged since the last run costs only a hash and is left alone. Throws UsageError
    /// when the article has no id.
    AddOutcome add(const Article& article);

    /// Removes an article's passages; false when no such article is indexed.
    bool remove(const std::string& article_id);

    /// Recognises entities with this gazetteer (TSV text, see docs/ENTITIES.md) from now on and
    /// stores it in the index, where the query side reads it. Without a call, the gazetteer the
    /// index was built with is used, or none. Throws DataError (with `source`:line) on bad lines.
    void set_gazetteer(const std::string& tsv, const std::string& source);

    /// Makes each title word count `weight` times in every passage from now on (stored in the
    /// index; articles are re-indexed when it changes). Throws UsageError unless 1..20.
    void set_title_weight(unsigned weight);

    /// Replaces the index's synonym groups (see synonyms.hpp); visible after commit().
    void set_synonyms(const std::vector<std::vector<std::string>>& groups);

    /// Makes everything added so far durable and visible to searchers.
    void commit();

    /// The entity names this index knows (entity metadata key -> "type<TAB>canonical"), for
    /// sharded indexes, where every shard carries every name (indexer/shard_router.hpp).
    [[nodiscard]] std::map<std::string, std::string> entity_names() const;

    /// Stores the entity names this index does not have yet; visible after commit().
    void add_entity_names(const std::map<std::string, std::string>& names);

    /// Passage documents written by this writer so far.
    [[nodiscard]] std::size_t passages_written() const { return passages_written_; }

  private:
    void begin_batch();
    /// Deletes an article's passages and stored text, and its words from the spelling data.
    void remove_indexed(const std::string& article_id);

    std::string path_;
    PassageOptions options_;
    Xapian::WritableDatabase database_;
    Analyzer analyzer_;
    DocumentBuilder builder_{analyzer_};
    std::shared_ptr<const entities::EntityRecognizer> recognizer_;
    std::string gazetteer_hash_; ///< part of every article's content hash: a new gazetteer re-indexes
    bool in_batch_ = false;
    std::size_t passages_written_ = 0;
};

/// A stable 64-bit FNV-1a hash of `text`, as 16 hex digits (content hashes in the index).
[[nodiscard]] std::string content_hash(std::string_view text);

} // namespace newssearch::indexer
