#include "indexer/article_preparer.hpp"

#include "common/article_document.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "indexer/index_writer.hpp"

namespace newssearch::indexer {
namespace {

/// Words worth offering as spelling corrections: not numbers, not single letters.
bool is_spelling_word(const std::string& term) {
    return term.size() > 1 && !(term.front() >= '0' && term.front() <= '9');
}

/// The words of an article for the spelling data, each occurrence once.
std::map<std::string, Xapian::termcount> count_spelling(const Analyzer& analyzer, const Article& article,
                                                        const std::vector<Passage>& passages) {
    std::map<std::string, Xapian::termcount> counts;
    for (const Token& token : analyzer.tokenize(article.title))
        if (is_spelling_word(token.term)) ++counts[token.term];
    std::size_t counted_to = 0; // body byte offset up to which words were counted
    for (const Passage& passage : passages) {
        const bool body = passage.kind == PassageKind::body;
        for (const Token& token : passage.tokens) {
            if (body && passage.begin + token.begin < counted_to) continue;
            if (is_spelling_word(token.term)) ++counts[token.term];
        }
        if (body) counted_to = passage.end;
    }
    return counts;
}

} // namespace

ArticlePreparer::ArticlePreparer(PrepareSettings settings) : settings_(std::move(settings)) {
    builder_.set_title_wdf(settings_.title_wdf);
}

PreparedArticle ArticlePreparer::prepare(Article article, const std::string* stored_hash) const {
    if (article.id.empty()) throw UsageError("an article without an id cannot be indexed");
    PreparedArticle prepared;
    prepared.hash = content_hash(article_content(article) + settings_.gazetteer_hash + settings_.title_weight_tag +
                                 std::to_string(schema::document_format));
    prepared.article = std::move(article);
    if (stored_hash == nullptr || *stored_hash != prepared.hash) analyse(prepared);
    return prepared;
}

void ArticlePreparer::analyse(PreparedArticle& prepared) const {
    const Article& article = prepared.article;
    // The body is cut into words and sentences once, for passages and entities alike.
    const BodyCuts body = cut_body(article, analyzer_);
    const std::vector<Passage> passages = split_passages(article, body, analyzer_, settings_.passages);
    prepared.spelling = count_spelling(analyzer_, article, passages);
    ArticleEntities entities = annotate_entities(article, passages, body, *settings_.recognizer);
    prepared.document = builder_.build(article, passages, entities);
    prepared.passages = passages.size();
    prepared.entities = std::move(entities.article);
    prepared.analysed = true;
}

std::map<std::string, Xapian::termcount> ArticlePreparer::spelling_words(const Article& article) const {
    return count_spelling(analyzer_, article, split_passages(article, analyzer_, settings_.passages));
}

} // namespace newssearch::indexer
