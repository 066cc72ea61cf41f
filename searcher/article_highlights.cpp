#include "searcher/article_highlights.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "searcher/highlighter.hpp"
#include "searcher/passage_ranking.hpp"

namespace newssearch::searcher {

ArticleHighlights highlight_article(const Analyzer& analyzer, const QueryBuilder& builder, const Article& article,
                                    std::string_view query) {
    ArticleHighlights marks;
    marks.paragraphs.resize(article.paragraphs.size());
    marks.captions.resize(article.captions.size());
    if (text::is_blank(query)) return marks;
    HighlightTerms terms;
    try {
        terms = passage_query(builder.parse(query).query).terms;
    } catch (const UsageError&) {
        return marks; // nothing searchable: nothing to mark
    }
    marks.title = highlight(analyzer, article.title, terms);
    marks.subtitle = highlight(analyzer, article.subtitle, terms);
    for (std::size_t i = 0; i < article.paragraphs.size(); ++i)
        marks.paragraphs[i] = highlight(analyzer, article.paragraphs[i].text, terms);
    for (std::size_t i = 0; i < article.captions.size(); ++i)
        marks.captions[i] = highlight(analyzer, article.captions[i].text, terms);
    return marks;
}

} // namespace newssearch::searcher
