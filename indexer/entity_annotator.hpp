#pragma once
/// Which entities each passage of an article mentions, and where: the recogniser runs once per
/// article (title, paragraphs, captions share evidence) and its mentions are assigned to the
/// passages that contain them.

#include "common/article.hpp"
#include "common/entities/entity_recognizer.hpp"
#include "indexer/passage_splitter.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace newssearch::indexer {

/// One entity mention inside a passage.
struct PassageEntity {
    std::string key;       ///< entities::entity_key of the canonical name
    std::string canonical; ///< display name
    entities::EntityType type = entities::EntityType::other;
    std::size_t begin = 0; ///< byte offsets into the passage text
    std::size_t end = 0;
    bool adjective = false; ///< "American" for United States: counted, but weighs less

    bool operator==(const PassageEntity&) const = default;
};

/// An entity the article mentions anywhere, with how often.
struct ArticleEntity {
    std::string key;
    std::string canonical;
    entities::EntityType type = entities::EntityType::other;
    std::size_t mentions = 0;

    bool operator==(const ArticleEntity&) const = default;
};

struct ArticleEntities {
    std::vector<std::vector<PassageEntity>> passages; ///< parallel to the passages given
    std::vector<ArticleEntity> article;               ///< most mentioned first
};

/// Recognises the entities of `article` and assigns each mention to every passage containing it
/// (a mention cut by a passage boundary counts for both). Mentions in the title count for the
/// article.
[[nodiscard]] ArticleEntities annotate_entities(const Article& article, const std::vector<Passage>& passages,
                                                const entities::EntityRecognizer& recognizer);

/// The same, reading the paragraphs' words and sentences from `body` (cut_body(article)) instead of
/// cutting them again: the same entities.
[[nodiscard]] ArticleEntities annotate_entities(const Article& article, const std::vector<Passage>& passages,
                                                const BodyCuts& body, const entities::EntityRecognizer& recognizer);

} // namespace newssearch::indexer
