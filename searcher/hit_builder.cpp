#include "searcher/hit_builder.hpp"

#include "common/article_document.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/explain.hpp"
#include "searcher/snippet.hpp"
#include "searcher/stored_article.hpp"

#include <optional>

namespace newssearch::searcher {
namespace {

/// A hit showing `passage` of the article `stored` (which has `passage_count` passages), with
/// `score`; its snippet and title marks when options.snippets.
Hit passage_hit(const ArticleDocument& stored, std::size_t passage_count, const ScoredPassage& passage,
                const PassageQuery& query, double score, const SearchOptions& options, const Analyzer& analyzer) {
    Hit hit;
    hit.score = score;
    const Article& article = stored.article;
    hit.article = {article.id, article.title, article.date, article.source, article.url, article.author,
                   article.category};
    hit.passage = passage.index;
    hit.article_passages = passage_count;
    hit.passage_kind = stored.passages[passage.index].kind;
    hit.text = passage.text;
    for (const PassageMention& mention : stored.mentions) {
        if (mention.passage != passage.index) continue;
        hit.entities.push_back({{mention.key, mention.canonical, mention.type},
                                {mention.begin, mention.end},
                                query.entity_keys.contains(mention.key)});
    }
    if (options.snippets) {
        Snippet snippet = make_snippet(hit.text, passage.marks, options.snippet_bytes);
        hit.snippet = std::move(snippet.text);
        hit.highlights = std::move(snippet.highlights);
        hit.snippet_starts_mid_text = snippet.starts_mid_text;
        hit.snippet_ends_mid_text = snippet.ends_mid_text;
        hit.title_highlights = highlight(analyzer, hit.article.title, query.terms);
    }
    return hit;
}

} // namespace

HitBuilder::HitBuilder(const Analyzer& analyzer, const Xapian::Database& database, const SearchOptions& options,
                       const MatchResult& match, const Matcher& matcher, StemmedTerms& stemmed,
                       const std::string& path)
    : analyzer_(analyzer), database_(database), options_(options), match_(match), matcher_(matcher), path_(path),
      query_(match.parsed.query), passage_query_(passage_query(match.parsed.query)),
      need_matching_terms_(options.explain || has_wildcard(match.parsed.query)),
      ranker_(analyzer, database, options.ranking, stemmed, &match.articles) {}

ArticleHits HitBuilder::build(const Xapian::MSetIterator& it) {
    ArticleHits out;
    const Xapian::Document document = it.get_document();
    if (!options_.snippets && !options_.passages && !options_.explain) {
        // Ids and scores only (an evaluation run): ranking the article's passages is most of what
        // a hit costs, and nothing here would show it. An article without passages is left out,
        // as it is when they are ranked.
        if (Xapian::sortable_unserialise(document.get_value(schema::slot_passage_count)) < 1) return out;
        Hit hit;
        hit.article.id = document.get_value(schema::slot_article_id);
        hit.score = it.get_weight();
        hit.rank = it.get_rank() + 1;
        out.hits.push_back(std::move(hit));
        out.undated = document.get_value(schema::slot_date).empty();
        return out;
    }
    ArticleDocument stored;
    try {
        stored = parse_article_document(document.get_data());
    } catch (const DataError&) {
        throw IndexError("the index at " + path_ + " holds a damaged article document (" +
                         document.get_value(schema::slot_article_id) + "); delete it and run 'newssearch index' again");
    }
    std::vector<std::string> matching;
    if (need_matching_terms_)
        matching.assign(matcher_.enquire().get_matching_terms_begin(it), matcher_.enquire().get_matching_terms_end(it));
    PassageQuery hit_query = passage_query_;
    add_matched_terms(hit_query.terms, matching, query_);
    const std::vector<ScoredPassage> passages = ranker_.score(stored, hit_query);
    if (passages.empty()) return out;
    out.undated = stored.article.date.empty();

    // The article's score explained once, for each of its hits.
    std::optional<Explanation> explanation;
    if (options_.explain) {
        std::vector<std::string> title_terms;
        for (const Token& token : analyzer_.tokenize(stored.article.title)) title_terms.push_back(token.term);
        explanation = explain_hit(database_, matcher_.weighting(), matching, match_.words, match_.bonuses,
                                  schema::term(schema::article_prefix, stored.article.id), title_terms,
                                  it.get_weight(), options_.ranking.entity_boost);
    }
    const auto make_hit = [&](const ScoredPassage& passage, double score) {
        Hit hit = passage_hit(stored, passages.size(), passage, hit_query, score, options_, analyzer_);
        hit.explanation = explanation;
        return hit;
    };
    const std::vector<std::size_t> matching_indexes = matching_passages(passages);
    if (!options_.passages) {
        Hit hit = make_hit(passages[best_passage(passages)], it.get_weight());
        hit.rank = it.get_rank() + 1; // get_rank() counts from the first match, not the page
        hit.other_matching_passages = matching_indexes.size() - 1;
        out.hits.push_back(std::move(hit));
        return out;
    }
    for (const std::size_t index : matching_indexes) {
        out.hits.push_back(make_hit(passages[index], passages[index].score));
        out.hits.back().rank = it.get_rank(); // the article's place, to keep date order (paging)
    }
    return out;
}

} // namespace newssearch::searcher
