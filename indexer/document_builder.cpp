#include "indexer/document_builder.hpp"

#include "common/schema.hpp"
#include "common/stored_records.hpp"

#include <nlohmann/json.hpp>

namespace newssearch::indexer {
namespace {

/// Date terms for "YYYY-MM-DD": D20250218, M202502, Y2025.
void add_date_terms(Xapian::Document& document, const std::string& date) {
    if (date.size() != 10) {
        document.add_boolean_term(std::string(schema::undated_term));
        return;
    }
    const std::string compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
    document.add_boolean_term(schema::term(schema::date_prefix, compact));
    document.add_boolean_term(schema::term(schema::month_prefix, compact.substr(0, 6)));
    document.add_boolean_term(schema::term(schema::year_prefix, compact.substr(0, 4)));
}

/// Free-text terms the way Xapian's QueryParser looks for them: positional "prefix+term" and
/// "Z+prefix+stem" for stemmed matching.
void add_text(Xapian::Document& document, const Analyzer& analyzer, const std::vector<Token>& tokens,
              std::string_view prefix, Xapian::termpos first_position, Xapian::termcount wdf) {
    for (const Token& token : tokens) {
        document.add_posting(schema::term(prefix, token.term), first_position + token.position, wdf);
        std::string stemmed(schema::stem_marker);
        stemmed += prefix;
        stemmed += analyzer.stem(token.term);
        document.add_term(stemmed, wdf);
    }
}

/// The filter prefix of an entity type (person:, place:, org:); none for "other", which has no
/// filter of its own (entity: finds it).
std::string_view typed_prefix(entities::EntityType type) {
    switch (type) {
    case entities::EntityType::person: return schema::person_prefix;
    case entities::EntityType::place: return schema::place_prefix;
    case entities::EntityType::organisation: return schema::organisation_prefix;
    case entities::EntityType::other: break;
    }
    return {};
}

/// The entity fields of one passage: weighted mention terms, extra weight for the words of each
/// mention, and the article's entities as filters.
void add_entities(Xapian::Document& document, const Analyzer& analyzer, const Passage& passage,
                  const std::vector<PassageEntity>& mentions, const ArticleEntities& entities) {
    for (const PassageEntity& mention : mentions) {
        // An adjective ("American") says less about a passage than a name: it filters, not ranks.
        if (!mention.adjective) document.add_term(schema::term(schema::entity_prefix, mention.key));
        for (const Token& token : passage.tokens) {
            if (token.begin < mention.begin || token.end > mention.end) continue;
            document.add_term(token.term, schema::entity_word_extra_wdf);
            document.add_term(schema::term(schema::stem_marker, analyzer.stem(token.term)), schema::entity_word_extra_wdf);
        }
    }
    for (const ArticleEntity& entity : entities.article) {
        document.add_boolean_term(schema::term(schema::article_entity_prefix, entity.key));
        if (const std::string_view typed = typed_prefix(entity.type); !typed.empty())
            document.add_boolean_term(schema::term(typed, entity.key));
        if (passage.ordinal == 0) document.add_boolean_term(schema::term(schema::entity_count_prefix, entity.key));
    }
}

std::string article_entities_value(const ArticleEntities& entities) {
    std::vector<std::string> keys;
    keys.reserve(entities.article.size());
    for (const ArticleEntity& entity : entities.article) keys.push_back(entity.key);
    return join_entity_keys(keys);
}

} // namespace

std::string passage_data(const Article& article, const Passage& passage, std::size_t passage_count,
                         const std::vector<PassageEntity>& entities) {
    nlohmann::json mentions = nlohmann::json::array();
    for (const PassageEntity& entity : entities)
        mentions.push_back({{"key", entity.key}, {"canonical", entity.canonical},
                            {"type", entities::to_string(entity.type)}, {"begin", entity.begin}, {"end", entity.end}});
    const nlohmann::json data = {
        {"article_id", article.id}, {"ordinal", passage.ordinal},
        {"kind", to_string(passage.kind)}, {"text", passage.text},
        {"begin", passage.begin}, {"end", passage.end},
        {"passages", passage_count}, {"title", article.title},
        {"subtitle", article.subtitle}, {"source", article.source},
        {"date", article.date}, {"author", article.author},
        {"category", article.category}, {"url", article.url},
        {"entities", std::move(mentions)}};
    return data.dump();
}

std::vector<Xapian::Document> DocumentBuilder::build(const Article& article, const std::vector<Passage>& passages,
                                                     const ArticleEntities& entities) const {
    static const std::vector<PassageEntity> no_mentions;
    const std::string entities_value = article_entities_value(entities);
    const std::vector<Token> title = analyzer_.tokenize(article.title);
    const std::vector<Token> author = analyzer_.tokenize(article.author);
    const std::string source = analyzer_.filter_form(article.source);
    const std::string category = analyzer_.filter_form(article.category);

    std::vector<Xapian::Document> documents;
    documents.reserve(passages.size());
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const Passage& passage = passages[i];
        const std::vector<PassageEntity>& mentions = i < entities.passages.size() ? entities.passages[i] : no_mentions;
        Xapian::Document document;
        document.set_data(passage_data(article, passage, passages.size(), mentions));
        // Title words count extra in every passage (the title weight) and are searchable as title:.
        add_text(document, analyzer_, title, "", 0, title_wdf_);
        add_text(document, analyzer_, title, schema::title_prefix, 0, 1);
        add_text(document, analyzer_, author, schema::author_prefix, 0, 1);
        const Xapian::termpos body_start =
            static_cast<Xapian::termpos>(title.size()) + schema::body_position_gap;
        add_text(document, analyzer_, passage.tokens, "", body_start, 1);
        add_entities(document, analyzer_, passage, mentions, entities);

        const std::string passage_id = article.id + "#" + std::to_string(passage.ordinal);
        document.add_boolean_term(schema::term(schema::passage_id_prefix, passage_id));
        document.add_boolean_term(schema::term(schema::article_prefix, article.id));
        document.add_boolean_term(schema::term(schema::kind_prefix, to_string(passage.kind)));
        if (!source.empty()) document.add_boolean_term(schema::term(schema::source_prefix, source));
        if (!category.empty()) document.add_boolean_term(schema::term(schema::category_prefix, category));
        add_date_terms(document, article.date);

        document.add_value(schema::slot_article_id, article.id);
        document.add_value(schema::slot_date, article.date);
        document.add_value(schema::slot_ordinal, Xapian::sortable_serialise(passage.ordinal));
        if (!entities_value.empty()) document.add_value(schema::slot_article_entities, entities_value);
        documents.push_back(std::move(document));
    }
    return documents;
}

} // namespace newssearch::indexer
