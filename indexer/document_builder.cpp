#include "indexer/document_builder.hpp"

#include "common/schema.hpp"
#include "common/article_document.hpp"
#include "common/near_duplicate.hpp"
#include "common/stored_records.hpp"

#include <algorithm>

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

/// "Z+prefix+stem", the term Xapian's QueryParser looks for when a word is searched stemmed;
/// nothing for a word it never stems (Analyzer::has_stem: numbers).
void add_stemmed(Xapian::Document& document, StemCache& stems, std::string_view prefix,
                 const std::string& term, Xapian::termcount wdf) {
    if (!Analyzer::has_stem(term)) return;
    std::string stemmed(schema::stem_marker);
    stemmed += prefix;
    stemmed += stems.of(term);
    document.add_term(stemmed, wdf);
}

/// Free-text terms the way Xapian's QueryParser looks for them: positional "prefix+term" and
/// its stemmed term.
void add_text(Xapian::Document& document, StemCache& stems, const std::vector<Token>& tokens,
              std::string_view prefix, Xapian::termpos first_position, Xapian::termcount wdf) {
    for (const Token& token : tokens) {
        // Unprefixed words (the body, nearly all of them) go in as they are, with no copy.
        if (prefix.empty())
            document.add_posting(token.term, first_position + token.position, wdf);
        else
            document.add_posting(schema::term(prefix, token.term), first_position + token.position, wdf);
        add_stemmed(document, stems, prefix, token.term, wdf);
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

/// The entity fields of one passage: weighted mention terms and extra weight for the words of
/// each mention.
void add_mentions(Xapian::Document& document, StemCache& stems, const Passage& passage,
                  const std::vector<PassageEntity>& mentions) {
    for (const PassageEntity& mention : mentions) {
        // An adjective ("American") says less about an article than a name: it filters, not ranks.
        if (!mention.adjective) document.add_term(schema::term(schema::entity_prefix, mention.key));
        for (const Token& token : passage.tokens) {
            if (token.begin < mention.begin || token.end > mention.end) continue;
            document.add_term(token.term, schema::entity_word_extra_wdf);
            add_stemmed(document, stems, "", token.term, schema::entity_word_extra_wdf);
        }
    }
}

/// The article's entities as filters (entity:, person:, place:, org:) and as a value (facets).
void add_article_entities(Xapian::Document& document, const ArticleEntities& entities) {
    std::vector<std::string> keys;
    keys.reserve(entities.article.size());
    for (const ArticleEntity& entity : entities.article) {
        document.add_boolean_term(schema::term(schema::article_entity_prefix, entity.key));
        if (const std::string_view typed = typed_prefix(entity.type); !typed.empty())
            document.add_boolean_term(schema::term(typed, entity.key));
        keys.push_back(entity.key);
    }
    if (!keys.empty()) document.add_value(schema::slot_article_entities, join_entity_keys(keys));
}

/// The lead: the standfirst when the article has one, else its first body passage (news puts the
/// gist first), as stemmed terms under the lead prefix, without positions.
void add_lead(Xapian::Document& document, StemCache& stems, const std::vector<Passage>& passages) {
    const auto lede = std::find_if(passages.begin(), passages.end(),
                                   [](const Passage& passage) { return passage.kind == PassageKind::lede; });
    const auto body = std::find_if(passages.begin(), passages.end(),
                                   [](const Passage& passage) { return passage.kind == PassageKind::body; });
    const auto lead = lede != passages.end() ? lede : body;
    if (lead == passages.end()) return;
    for (const Token& token : lead->tokens) add_stemmed(document, stems, schema::lead_prefix, token.term, 1);
}

/// The near-duplicate fingerprint of the title and every passage (lede, body, captions), in
/// index forms.
std::optional<std::uint64_t> article_fingerprint(const std::vector<Token>& title, const std::vector<Passage>& passages) {
    std::vector<std::string> words;
    for (const Token& token : title) words.push_back(token.term);
    for (const Passage& passage : passages)
        for (const Token& token : passage.tokens) words.push_back(token.term);
    return simhash(words);
}

} // namespace

std::string document_data(const Article& article, const std::vector<Passage>& passages,
                          const ArticleEntities& entities) {
    std::vector<PassageSpan> spans;
    std::vector<PassageMention> mentions;
    spans.reserve(passages.size());
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const Passage& passage = passages[i];
        spans.push_back({std::string(to_string(passage.kind)), passage.begin, passage.end, passage.caption,
                         passage.tokens.size()});
        if (i >= entities.passages.size()) continue;
        for (const PassageEntity& entity : entities.passages[i])
            mentions.push_back({i, entity.key, entity.canonical, std::string(entities::to_string(entity.type)),
                                entity.begin, entity.end});
    }
    return format_article_document(article, spans, mentions);
}

Xapian::Document DocumentBuilder::build(const Article& article, const std::vector<Passage>& passages,
                                        const ArticleEntities& entities) const {
    static const std::vector<PassageEntity> no_mentions;
    const std::vector<Token> title = analyzer_.tokenize(article.title);
    const std::vector<Token> author = analyzer_.tokenize(article.author);
    const std::string source = analyzer_.filter_form(article.source);
    const std::string category = analyzer_.filter_form(article.category);

    Xapian::Document document;
    document.set_data(document_data(article, passages, entities));
    // Title words count extra (the title weight) and are searchable as title:.
    add_text(document, stems_, title, "", 0, title_wdf_);
    add_text(document, stems_, title, schema::title_prefix, 0, 1);
    add_text(document, stems_, author, schema::author_prefix, 0, 1);
    Xapian::termpos passage_start = static_cast<Xapian::termpos>(title.size()) + schema::body_position_gap;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const Passage& passage = passages[i];
        add_text(document, stems_, passage.tokens, "", passage_start, 1);
        add_mentions(document, stems_, passage, i < entities.passages.size() ? entities.passages[i] : no_mentions);
        passage_start += static_cast<Xapian::termpos>(passage.tokens.size()) + schema::body_position_gap;
    }
    add_article_entities(document, entities);
    add_lead(document, stems_, passages);

    document.add_boolean_term(schema::term(schema::article_prefix, article.id));
    if (!source.empty()) document.add_boolean_term(schema::term(schema::source_prefix, source));
    if (!category.empty()) document.add_boolean_term(schema::term(schema::category_prefix, category));
    add_date_terms(document, article.date);

    document.add_value(schema::slot_article_id, article.id);
    document.add_value(schema::slot_date, article.date);
    document.add_value(schema::slot_passage_count, Xapian::sortable_serialise(static_cast<double>(passages.size())));
    if (!article.source.empty()) document.add_value(schema::slot_source, article.source);
    if (const auto fingerprint = article_fingerprint(title, passages))
        document.add_value(schema::slot_fingerprint, format_fingerprint(*fingerprint));
    std::vector<std::string> title_words;
    for (const Token& token : title) title_words.push_back(token.term);
    if (const std::string headline = dated_headline(title_words, article.date); !headline.empty())
        document.add_value(schema::slot_dated_headline, headline);
    if (!article.category.empty()) document.add_value(schema::slot_category, article.category);
    return document;
}

} // namespace newssearch::indexer
