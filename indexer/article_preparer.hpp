#pragma once
/// Everything an article needs before it is written, computed away from the database: its content
/// hash, passages, entities, spelling words and Xapian document. One preparer per thread (it owns
/// an Analyzer); the writer then only adds the finished document, in input order.

#include "common/analyzer.hpp"
#include "common/article.hpp"
#include "common/entities/entity_recognizer.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/entity_annotator.hpp"
#include "indexer/passage_splitter.hpp"

#include <xapian.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace newssearch::indexer {

/// An article ready for IndexWriter::write().
struct PreparedArticle {
    Article article;
    std::string hash;   ///< content hash: article, gazetteer and title weight
    /// False when the preparer was told the index already holds this hash: nothing was analysed
    /// and `document` is empty.
    bool analysed = false;
    Xapian::Document document;                         ///< the article's, with its passages
    std::size_t passages = 0;                          ///< how many passages it has
    std::map<std::string, Xapian::termcount> spelling; ///< words for spelling suggestions
    std::vector<ArticleEntity> entities;               ///< the article's entities
};

/// What shapes an article's documents besides its text: the index's entity recogniser and title
/// weight. Part of every content hash, so a change re-indexes.
struct PrepareSettings {
    std::shared_ptr<const entities::EntityRecognizer> recognizer;
    std::string gazetteer_hash;
    Xapian::termcount title_wdf = 0;
    std::string title_weight_tag; ///< the stored title weight setting, empty when never set
    PassageOptions passages;
};

/// Not thread-safe: use one per thread. Settings are fixed at construction.
class ArticlePreparer {
  public:
    explicit ArticlePreparer(PrepareSettings settings);

    /// Hashes `article` and, unless `stored_hash` equals that hash, analyses it fully. Throws
    /// UsageError when the article has no id.
    [[nodiscard]] PreparedArticle prepare(Article article, const std::string* stored_hash = nullptr) const;

    /// Analyses an article prepared without analysis (`analysed` false) after all.
    void analyse(PreparedArticle& prepared) const;

    /// The spelling words of an article as stored (for taking them back out when it is replaced).
    [[nodiscard]] std::map<std::string, Xapian::termcount> spelling_words(const Article& article) const;

  private:
    PrepareSettings settings_;
    Analyzer analyzer_;
    DocumentBuilder builder_{analyzer_};
};

} // namespace newssearch::indexer
