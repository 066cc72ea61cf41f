#pragma once
/// Turns an article's passages into Xapian documents following common/schema.hpp.

#include "common/analyzer.hpp"
#include "common/article.hpp"
#include "indexer/entity_annotator.hpp"
#include "indexer/passage_splitter.hpp"

#include "common/schema.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace newssearch::indexer {

/// Builds the passage documents of one article. The article's own fields (title, author, source,
/// date, category) are analysed once and attached to every passage, so passages rank in their
/// article's context and filters apply to each of them.
class DocumentBuilder {
  public:
    explicit DocumentBuilder(const Analyzer& analyzer) : analyzer_(analyzer) {}

    /// How many times each title word counts in every passage (schema::default_title_wdf).
    void set_title_wdf(Xapian::termcount wdf) { title_wdf_ = wdf; }

    /// One document per passage, in passage order. `entities` (from annotate_entities, may be
    /// empty) adds the entity fields.
    [[nodiscard]] std::vector<Xapian::Document> build(const Article& article, const std::vector<Passage>& passages,
                                                      const ArticleEntities& entities = {}) const;

  private:
    const Analyzer& analyzer_;
    Xapian::termcount title_wdf_ = schema::default_title_wdf;
};

/// The document data of a passage: JSON with the passage and the article fields a hit shows.
/// Keys: article_id, ordinal, kind, text, begin, end, passages, title, subtitle, source, date,
/// author, category, url, entities: [{key, canonical, type, begin, end}] (offsets into text).
[[nodiscard]] std::string passage_data(const Article& article, const Passage& passage, std::size_t passage_count,
                                       const std::vector<PassageEntity>& entities);

} // namespace newssearch::indexer
