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

Xapian::Query Matcher::with_feedback(const SearchPlan& plan, const Xapian::Query& query, const Xapian::Query& words) {
    enquire_.clear_matchspies();
    enquire_.set_query(plan.filtered(query));
    const Xapian::MSet first = enquire_.get_mset(0, static_cast<Xapian::doccount>(options_.feedback.documents));
    Xapian::RSet relevant;
    for (auto it = first.begin(); it != first.end(); ++it) relevant.add_document(*it);
    if (relevant.empty()) return words;
    const FeedbackTermDecider decider(analyzer_);
    const Xapian::ESet eset =
        enquire_.get_eset(static_cast<Xapian::termcount>(options_.feedback.terms), relevant, &decider);
    return expand_query(words, eset, options_.feedback);
}

bool Matcher::matches_any(const SearchPlan& plan, const Xapian::Query& query) {
    enquire_.clear_matchspies();
    enquire_.set_query(plan.filtered(query));
    return !enquire_.get_mset(0, 1).empty();
}

std::vector<std::pair<std::string, Xapian::Query>> ranked_bonuses(const Xapian::Query& all_words,
                                                                 const Xapian::Query& any_words,
                                                                 const QueryBuilder::Evidence& evidence) {
    std::vector<std::pair<std::string, Xapian::Query>> bonuses;
    const auto add = [&](const char* reason, const Xapian::Query& query, double weight) {
        if (!query.empty()) bonuses.emplace_back(reason, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, weight));
    };
    if (all_words.get_description() != any_words.get_description())
        add("all the words", all_words, ranked_weights::all_words);
    add("words in the title", evidence.title, ranked_weights::title_words);
    add("words in the lead", evidence.lead, ranked_weights::lead_words);
    return bonuses;
}

Xapian::Query ranked_query(const Xapian::Query& any_words,
                           const std::vector<std::pair<std::string, Xapian::Query>>& bonuses) {
    if (bonuses.empty()) return any_words;
    std::vector<Xapian::Query> queries;
    for (const auto& [reason, query] : bonuses) queries.push_back(query);
    // Only the words match: the bonuses count for the articles they found. AND_MAYBE says so
    // directly, and lets Xapian look the bonuses up only for those articles and stop once they
    // can no longer change the page; the same articles and weights as OR(words, FILTER(bonuses,
    // words)), which read every word's postings twice (4-5x a plain OR's time on 95,000
    // articles). (No phrase among the bonuses: Xapian 1.4.22 checks positions wrongly under an
    // AND_MAYBE, and drops or boosts the wrong articles.)
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, any_words,
                         Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end()));
}

MatchResult Matcher::match(const SearchPlan& plan, const QueryBuilder& builder, ArticleFacetSpy* facet_spy) {
    MatchResult result;
    result.parsed = plan.parsed;
    if (plan.ranked) {
        bool all_words = matches_any(plan, plan.parsed.query);
        const bool has_correction = options_.spelling && !plan.parsed.corrected.empty();
        Xapian::Query any_words = plan.any_words.query;
        QueryBuilder::Evidence evidence = plan.evidence;
        if (!all_words && has_correction) {
            // No article has all the typed words, but some have all of the corrected ones: search
            // the correction instead, and say so.
            ParsedQuery corrected = builder.parse(plan.parsed.corrected, plan.query_options);
            if (matches_any(plan, corrected.query)) {
                any_words = parse_any_words(builder, plan.parsed.corrected, plan.query_options).query;
                evidence = builder.ranking_evidence(plan.parsed.corrected);
                result.notices.push_back("No article contains all of \"" + options_.query + "\"; showing results for \"" +
                                         plan.parsed.corrected + "\".");
                result.parsed = std::move(corrected);
                result.corrected = plan.parsed.corrected;
                all_words = true;
            }
        }
        if (has_correction && result.corrected.empty()) result.suggestion = plan.parsed.corrected;
        result.words = any_words;
        result.bonuses = ranked_bonuses(result.parsed.query, any_words, evidence);
        result.parsed.query = ranked_query(any_words, result.bonuses);
        result.articles = run(plan, result.parsed.query, facet_spy);
        if (!all_words && !result.articles.empty())
            result.notices.push_back("No article contains all the words; showing those that contain some of them.");
    } else {
        result.articles = run(plan, result.parsed.query, facet_spy);
        const bool has_correction = plan.typed && options_.spelling && !plan.parsed.corrected.empty();
        if (has_correction && result.articles.empty() && options_.offset == 0) {
            // A query in boolean syntax found nothing; its correction is searched as written.
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
        result.words = result.parsed.query;
    }
    if (feedback_enabled(options_.feedback) && !result.articles.empty()) {
        // The words are expanded; the bonuses still count for the words the user typed.
        result.words = with_feedback(plan, result.parsed.query, result.words);
        result.parsed.query = ranked_query(result.words, result.bonuses);
        result.articles = run(plan, result.parsed.query, facet_spy);
    }
    return result;
}

} // namespace newssearch::searcher
