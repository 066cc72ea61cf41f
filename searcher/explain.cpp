#include "searcher/explain.hpp"

#include "common/schema.hpp"

#include <algorithm>
#include <set>

namespace newssearch::searcher {
namespace {

/// The field a term lives in, from its prefix (schema.hpp).
std::string field_of(std::string_view term) {
    if (term.starts_with(schema::stem_marker)) term.remove_prefix(schema::stem_marker.size());
    if (term.starts_with(schema::title_prefix) && term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z'))
        return "title";
    if (term.starts_with(schema::author_prefix)) return "author";
    if (term.starts_with(schema::entity_prefix)) return "entity";
    if (!term.empty() && term.front() >= 'A' && term.front() <= 'Z') return "filter";
    return "text";
}

} // namespace

Explanation explain_hit(const Xapian::Database& database, const Xapian::Weight& weighting,
                        const std::vector<std::string>& terms, const Xapian::Query& words,
                        const std::vector<std::pair<std::string, Xapian::Query>>& bonuses,
                        const std::string& article_term,
                        const std::vector<std::string>& title_terms, double score, double entity_boost) {
    Explanation explanation;
    explanation.score = score;
    Xapian::Enquire enquire(database);
    enquire.set_weighting_scheme(weighting);
    Xapian::PostingIterator article = database.postlist_begin(article_term);
    if (article == database.postlist_end(article_term)) return explanation;
    const Xapian::docid docid = *article;

    const std::set<std::string> word_terms(words.get_unique_terms_begin(), words.get_unique_terms_end());
    for (const std::string& term : terms) {
        if (!word_terms.contains(term)) continue; // a bonus's term (title words): counted below
        // The weight this term alone gives this article, with the collection's statistics.
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), Xapian::Query(article_term)));
        const Xapian::MSet mset = enquire.get_mset(0, 1);
        TermContribution contribution;
        contribution.term = term;
        contribution.field = field_of(term);
        contribution.weight = mset.empty() ? 0.0 : mset.begin().get_weight();
        if (contribution.field == "entity") contribution.weight *= entity_boost;
        contribution.articles_with_term = database.get_termfreq(term);
        Xapian::TermIterator it = database.termlist_begin(docid);
        it.skip_to(term);
        if (it != database.termlist_end(docid) && *it == term) contribution.wdf = it.get_wdf();
        if (contribution.field == "text") {
            // Title words are indexed title_wdf times each.
            const Xapian::termcount title_wdf = schema::title_wdf(database);
            std::string plain = term.starts_with(schema::stem_marker) ? term.substr(schema::stem_marker.size()) : term;
            const bool stemmed = plain.size() != term.size();
            for (const std::string& title_term : title_terms)
                if ((stemmed ? title_term == plain : title_term == term)) contribution.from_title += title_wdf;
            contribution.from_title = std::min(contribution.from_title, contribution.wdf);
        }
        explanation.terms.push_back(std::move(contribution));
    }
    std::sort(explanation.terms.begin(), explanation.terms.end(),
              [](const TermContribution& a, const TermContribution& b) { return a.weight > b.weight; });
    for (const auto& [reason, query] : bonuses) {
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(article_term)));
        const Xapian::MSet mset = enquire.get_mset(0, 1);
        if (!mset.empty() && mset.begin().get_weight() > 0) explanation.bonuses.push_back({reason, mset.begin().get_weight()});
    }
    return explanation;
}

} // namespace newssearch::searcher
