#include "indexer/entity_annotator.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

namespace newssearch::indexer {

namespace {

ArticleEntities annotate(const Article& article, const std::vector<Passage>& passages, const BodyCuts* cuts,
                         const entities::EntityRecognizer& recognizer) {
    // Parts: title, then paragraphs, then captions, then the standfirst, as the recogniser wants
    // one document. The paragraphs come already cut into words and sentences when `cuts` is given.
    using Part = entities::EntityRecognizer::Part;
    std::vector<Part> parts;
    parts.reserve(article.paragraphs.size() + article.captions.size() + 2);
    parts.push_back(Part{article.title, std::nullopt});
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p)
        parts.push_back(Part{article.paragraphs[p].text,
                             cuts ? std::optional<TextCuts>(cuts->paragraph(p)) : std::nullopt});
    for (const Caption& caption : article.captions) parts.push_back(Part{caption.text, std::nullopt});
    parts.push_back(Part{article.subtitle, std::nullopt});
    const auto found = recognizer.recognize_document(std::span<const Part>(parts));

    // Body mentions with offsets into article_body_text() (paragraphs joined by "\n\n").
    std::vector<PassageEntity> body;
    std::size_t paragraph_start = 0;
    for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
        for (const auto& mention : found[1 + p])
            body.push_back({mention.key, mention.canonical, mention.type, paragraph_start + mention.begin,
                            paragraph_start + mention.end, mention.adjective});
        paragraph_start += article.paragraphs[p].text.size() + 2;
    }

    ArticleEntities result;
    result.passages.resize(passages.size());
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const Passage& passage = passages[i];
        std::vector<PassageEntity>& inside = result.passages[i];
        if (passage.kind == PassageKind::caption) {
            if (passage.caption < article.captions.size())
                for (const auto& m : found[1 + article.paragraphs.size() + passage.caption])
                    inside.push_back({m.key, m.canonical, m.type, m.begin, m.end, m.adjective});
            continue;
        }
        if (passage.kind == PassageKind::lede) {
            for (const auto& m : found.back()) inside.push_back({m.key, m.canonical, m.type, m.begin, m.end, m.adjective});
            continue;
        }
        if (passage.kind == PassageKind::title) {
            for (const auto& m : found[0]) inside.push_back({m.key, m.canonical, m.type, m.begin, m.end, m.adjective});
            continue;
        }
        for (const PassageEntity& mention : body)
            if (mention.begin >= passage.begin && mention.end <= passage.end) {
                PassageEntity local = mention;
                local.begin -= passage.begin;
                local.end -= passage.begin;
                inside.push_back(std::move(local));
            }
    }

    // One type per entity in the article: the type most of its mentions have (ties: the type of
    // the earliest of them, title first), and the first mention's spelling. Passage mentions
    // take them too, so the article's stored mentions agree with its filters.
    struct Votes {
        ArticleEntity entity;
        std::array<std::size_t, 4> votes{};
        std::array<std::size_t, 4> first{};
    };
    std::map<std::string, Votes> by_key;
    std::size_t order = 0;
    for (const auto& part : found)
        for (const auto& mention : part) {
            Votes& votes = by_key[mention.key];
            ArticleEntity& entity = votes.entity;
            entity.key = mention.key;
            if (entity.canonical.empty()) entity.canonical = mention.canonical;
            const auto type = static_cast<std::size_t>(mention.type);
            if (votes.votes[type]++ == 0) votes.first[type] = order;
            ++order;
            ++entity.mentions;
        }
    for (auto& [key, votes] : by_key) {
        std::size_t best = 0;
        for (std::size_t type = 1; type < votes.votes.size(); ++type)
            if (votes.votes[type] > votes.votes[best] ||
                (votes.votes[type] == votes.votes[best] && votes.votes[type] > 0 && votes.first[type] < votes.first[best]))
                best = type;
        votes.entity.type = static_cast<entities::EntityType>(best);
    }
    for (auto& inside : result.passages)
        for (PassageEntity& mention : inside)
            if (const auto entity = by_key.find(mention.key); entity != by_key.end())
                mention.type = entity->second.entity.type, mention.canonical = entity->second.entity.canonical;
    for (auto& [key, votes] : by_key) result.article.push_back(std::move(votes.entity));
    std::stable_sort(result.article.begin(), result.article.end(),
                     [](const ArticleEntity& a, const ArticleEntity& b) { return a.mentions > b.mentions; });
    return result;
}

} // namespace

ArticleEntities annotate_entities(const Article& article, const std::vector<Passage>& passages,
                                  const entities::EntityRecognizer& recognizer) {
    return annotate(article, passages, nullptr, recognizer);
}

ArticleEntities annotate_entities(const Article& article, const std::vector<Passage>& passages,
                                  const BodyCuts& body, const entities::EntityRecognizer& recognizer) {
    return annotate(article, passages, &body, recognizer);
}

} // namespace newssearch::indexer
