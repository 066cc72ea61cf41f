#include "searcher/matcher.hpp"

#include "common/schema.hpp"
#include "searcher/feedback.hpp"

namespace newssearch::searcher {

Matcher::Matcher(const Xapian::Database& database, const Analyzer& analyzer, const SearchOptions& options)
    : analyzer_(analyzer), options_(options),
      // k2 = 0, k3 = 1 and min_normlen 0.5 as Xapian's defaults; k1 and b are the request's.
      weighting_(options.ranking.k1, 0, 1, options.ranking.b, 0.5), enquire_(database) {
    enquire_.set_weighting_scheme(weighting_);
    if (options.sort != SortOrder::relevance)
        enquire_.set_sort_by_value_then_relevance(schema::slot_date, options.sort == SortOrder::newest_first);
    else
        // Equal scores in article id order, not document id order: document ids depend on the
        // order of indexing and on how the index is sharded, so ties would come out differently.
        enquire_.set_sort_by_relevance_then_value(schema::slot_article_id, false);
}

Xapian::MSet Matcher::run(const SearchPlan& plan, const Xapian::Query& query, ArticleFacetSpy* facet_spy) {
    enquire_.clear_matchspies();
    if (facet_spy) {
        facet_spy->reset();
        enquire_.add_matchspy(facet_spy);
    }
    enquire_.set_query(plan.filtered(query));
    return enquire_.get_mset(plan.first, plan.count, plan.check_at_least);
}

Xapian::Query Matcher::with_feedback(const SearchPlan& plan, const Xapian::Query& query) {
    enquire_.clear_matchspies();
    enquire_.set_query(plan.filtered(query));
    const Xapian::MSet first = enquire_.get_mset(0, static_cast<Xapian::doccount>(options_.feedback.documents));
    Xapian::RSet relevant;
    for (auto it = first.begin(); it != first.end(); ++it) relevant.add_document(*it);
    if (relevant.empty()) return query;
    const FeedbackTermDecider decider(analyzer_);
    const Xapian::ESet eset =
        enquire_.get_eset(static_cast<Xapian::termcount>(options_.feedback.terms), relevant, &decider);
    return expand_query(query, eset, options_.feedback);
}

MatchResult Matcher::match(const SearchPlan& plan, const QueryBuilder& builder, ArticleFacetSpy* facet_spy) {
    MatchResult result;
    result.parsed = plan.parsed;
    result.articles = run(plan, result.parsed.query, facet_spy);
    const bool relax = result.articles.empty() && plan.can_relax;
    const bool has_correction = options_.spelling && !plan.parsed.corrected.empty();
    if (relax && has_correction) {
        // Nothing found, but the index knows a spelling that finds something: search that.
        ParsedQuery corrected = builder.parse(plan.parsed.corrected, plan.query_options);
        Xapian::MSet found = run(plan, corrected.query, facet_spy);
        if (!found.empty()) {
            result.notices.push_back("Nothing matched \"" + options_.query + "\"; showing results for \"" +
                                     plan.parsed.corrected + "\".");
            result.parsed = std::move(corrected);
            result.articles = std::move(found);
            result.corrected = plan.parsed.corrected;
        }
    } else if (has_correction) {
        result.suggestion = plan.parsed.corrected;
    }
    if (result.articles.empty() && relax) {
        // Nothing has all the words: show what has some of them, best first.
        QueryOptions any_word = plan.query_options;
        any_word.default_op = Xapian::Query::OP_OR;
        ParsedQuery any = builder.parse(plan.query_text, any_word);
        if (any.query.get_description() != result.parsed.query.get_description()) {
            Xapian::MSet partial = run(plan, any.query, facet_spy);
            if (!partial.empty()) {
                result.parsed = std::move(any);
                result.articles = std::move(partial);
                result.notices.push_back("No article contains all the words; showing those that contain some of them.");
            }
        }
    }
    if (feedback_enabled(options_.feedback) && !result.articles.empty()) {
        result.parsed.query = with_feedback(plan, result.parsed.query);
        result.articles = run(plan, result.parsed.query, facet_spy);
    }
    return result;
}

} // namespace newssearch::searcher
