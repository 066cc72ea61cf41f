#pragma once
/// Turns an article's passages into Xapian documents following common/schema.hpp.

#include "common/analyzer.hpp"
#include "common/article.hpp"
#include "indexer/entity_annotator.hpp"
#include "indexer/passage_splitter.hpp"
#include "indexer/stem_cache.hpp"

#include "common/schema.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace newssearch::indexer {

/// Builds the Xapian document of one article: its passages' words, each passage after the
/// previous one in positions, and the article's own fields (title, author, source, date,
/// category), analysed once. Not thread-safe (it remembers stems): one per indexing thread.
class DocumentBuilder {
  public:
    explicit DocumentBuilder(const Analyzer& analyzer) : analyzer_(analyzer), stems_(analyzer) {}

    /// How many times each title word counts (schema::default_title_wdf).
    void set_title_wdf(Xapian::termcount wdf) { title_wdf_ = wdf; }

    /// The article's document. `entities` (from annotate_entities, may be empty) adds the entity
    /// fields.
    [[nodiscard]] Xapian::Document build(const Article& article, const std::vector<Passage>& passages,
                                         const ArticleEntities& entities = {}) const;

  private:
    const Analyzer& analyzer_;
    mutable StemCache stems_; ///< build() is const to its caller; the cache only saves work
    Xapian::termcount title_wdf_ = schema::default_title_wdf;
};

/// The document data of an article (common/article_document.hpp): the article, where its
/// passages lie and the entities each mentions.
[[nodiscard]] std::string document_data(const Article& article, const std::vector<Passage>& passages,
                                        const ArticleEntities& entities);

} // namespace newssearch::indexer
