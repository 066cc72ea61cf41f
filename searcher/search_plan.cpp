#include "searcher/search_plan.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "searcher/copies.hpp"
#include "searcher/date_filter.hpp"
#include "searcher/more_like.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace newssearch::searcher {
namespace {

/// How many matches past the page the matcher looks at: enough for small result sets to say
/// "3 articles" exactly, few enough to keep its early stop (docs/BENCHMARKS.md, "Query latency").
/// Facets count over up to facet_depth articles.
constexpr std::size_t count_depth = 100;
constexpr std::size_t facet_depth = 10000;

ParsedQuery parse_query(const SearchOptions& options, const SearchPlan& plan, const QueryBuilder& builder,
                        const Analyzer& analyzer, const Xapian::Database& database) {
    const bool has_text = !text::is_blank(plan.query_text);
    if (!options.like.empty()) {
        ParsedQuery parsed;
        parsed.query = more_like(database, analyzer, options.like);
        if (has_text) {
            ParsedQuery also = builder.parse(plan.query_text, plan.query_options);
            parsed.query = Xapian::Query(Xapian::Query::OP_AND, also.query, parsed.query);
            parsed.notices = std::move(also.notices);
        }
        return parsed;
    }
    if (!has_text) {
        // Only filters: every article they let through, in article id order (scores are all 0).
        ParsedQuery parsed;
        parsed.query = Xapian::Query::MatchAll;
        return parsed;
    }
    return builder.parse(plan.query_text, plan.query_options);
}

} // namespace

Xapian::Query SearchPlan::filtered(const Xapian::Query& query) const {
    return filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

ParsedQuery parse_any_words(const QueryBuilder& builder, std::string_view text, QueryOptions options) {
    options.default_op = Xapian::Query::OP_OR;
    return builder.parse(text, options);
}

bool has_boolean_syntax(std::string_view text) {
    static constexpr std::string_view operators[] = {"AND", "OR", "NOT", "XOR"};
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && text::is_space(text[at])) ++at;
        std::size_t end = at;
        while (end < text.size() && !text::is_space(text[end])) ++end;
        std::string_view word = text.substr(at, end - at);
        if (word.empty()) break;
        // Parentheses alone only group words ("the (sic) report"): an operator makes them syntax.
        while (!word.empty() && word.front() == '(') word.remove_prefix(1);
        while (!word.empty() && word.back() == ')') word.remove_suffix(1);
        if ((word.size() > 1 && word.front() == '+') || word.starts_with("NEAR") || word.starts_with("ADJ") ||
            std::find(std::begin(operators), std::end(operators), word) != std::end(operators))
            return true;
        at = end;
    }
    return false;
}

std::string bag_of_words(const Analyzer& analyzer, std::string_view text) {
    static constexpr std::string_view operators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    std::string words;
    for (const Token& token : analyzer.tokenize(text)) {
        const std::string_view surface = text.substr(token.begin, token.end - token.begin);
        const bool is_operator = std::find(std::begin(operators), std::end(operators), surface) != std::end(operators);
        if (!words.empty()) words += ' ';
        words += is_operator ? std::string_view(token.term) : surface;
    }
    return words;
}

SearchPlan plan_search(const SearchOptions& options, const QueryBuilder& builder, const Analyzer& analyzer,
                       const Xapian::Database& database) {
    SearchPlan plan;
    plan.query_options.include_undated = !options.dated_only;
    plan.query_options.entity_boost = options.ranking.entity_boost;
    if (options.bag_of_words) {
        plan.query_options.default_op = Xapian::Query::OP_OR;
        plan.query_text = bag_of_words(analyzer, options.query);
        if (text::is_blank(plan.query_text) && options.like.empty() && options.sources.empty() &&
            options.entities.empty() && options.categories.empty())
            throw UsageError("the query has no words to search for");
    } else {
        plan.query_text = options.query;
    }
    plan.parsed = parse_query(options, plan, builder, analyzer, database);
    plan.ranked = options.like.empty() && !text::is_blank(plan.query_text) &&
                  plan.query_options.default_op == Xapian::Query::OP_AND && !has_boolean_syntax(plan.query_text);
    plan.typed = !plan.ranked && options.like.empty() && !text::is_blank(plan.query_text) &&
                 plan.query_options.default_op == Xapian::Query::OP_AND;
    if (plan.ranked) {
        plan.any_words = parse_any_words(builder, plan.query_text, plan.query_options);
        plan.evidence = builder.ranking_evidence(plan.query_text);
    }

    // Filters narrow without scoring: any of the sources, any of the categories, all of the
    // entities, the date range.
    std::vector<Xapian::Query> filters;
    if (!options.sources.empty()) {
        std::vector<Xapian::Query> sources;
        for (const std::string& source : options.sources) sources.push_back(builder.source_filter(source));
        filters.emplace_back(Xapian::Query::OP_OR, sources.begin(), sources.end());
    }
    if (!options.categories.empty()) {
        std::vector<Xapian::Query> categories;
        for (const std::string& category : options.categories) categories.push_back(builder.category_filter(category));
        filters.emplace_back(Xapian::Query::OP_OR, categories.begin(), categories.end());
    }
    for (const std::string& entity : options.entities) filters.push_back(builder.entity_filter(entity));
    const std::string since = date_bound(options.since, false, "--since");
    const std::string until = date_bound(options.until, true, "--until");
    plan.date_filtered = !since.empty() || !until.empty() || options.dated_only;
    if (plan.date_filtered) filters.push_back(date_range_query(since, until, !options.dated_only));
    if (!filters.empty()) plan.filter = Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());

    // A page of passages comes from the best articles up to its end: each has at least one.
    plan.stories = options.collapse_copies && !options.passages && options.offset + options.limit <= max_grouped_results;
    plan.first = static_cast<Xapian::doccount>(options.passages || plan.stories ? 0 : options.offset);
    plan.count = static_cast<Xapian::doccount>(options.passages ? options.offset + options.limit
                                               : plan.stories ? results_for_stories(options.offset, options.limit)
                                                              : options.limit);
    plan.check_at_least = static_cast<Xapian::doccount>(options.offset + options.limit +
                                                        (options.facets ? facet_depth : count_depth));
    return plan;
}

} // namespace newssearch::searcher
