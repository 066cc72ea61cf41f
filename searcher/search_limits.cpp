#include "searcher/search_limits.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "searcher/date_filter.hpp"

#include <algorithm>
#include <sstream>
#include <string>

namespace newssearch::searcher {
namespace {

void check_range(std::string_view name, std::size_t value, std::size_t low, std::size_t high) {
    if (value < low || value > high)
        throw UsageError(std::string(name) + " must be " + std::to_string(low) + ".." + std::to_string(high) +
                         ", not " + std::to_string(value));
}

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

void check_range(std::string_view name, double value, double low, double high, bool high_included = true) {
    // Written so that NaN fails too.
    const bool inside = value >= low && (high_included ? value <= high : value < high);
    if (!inside)
        throw UsageError(std::string(name) + " must be in [" + number(low) + ", " + number(high) +
                         (high_included ? "]" : ")") + ", not " + number(value));
}

} // namespace

void validate(const SearchOptions& options) {
    check_range("limit", options.limit, 1, max_limit);
    check_range("offset", options.offset, 0, max_offset);
    check_range("snippet_bytes", options.snippet_bytes, min_snippet_bytes, max_snippet_bytes);
    check_range("facet_size", options.facet_size, 1, max_facet_size);
    check_range("k1", options.ranking.k1, 0.0, max_k1);
    check_range("b", options.ranking.b, 0.0, 1.0);
    check_range("entity_boost", options.ranking.entity_boost, 0.0, max_entity_boost);
    if (options.feedback.on) {
        check_range("feedback documents", options.feedback.documents, 1, max_feedback_count);
        check_range("feedback terms", options.feedback.terms, 1, max_feedback_count);
        check_range("feedback weight", options.feedback.weight, 0.0, 1.0, false);
    }
    if (std::any_of(options.sources.begin(), options.sources.end(), text::is_blank))
        throw UsageError("a source filter is empty: name a source");
    if (std::any_of(options.entities.begin(), options.entities.end(), text::is_blank))
        throw UsageError("an entity filter is empty: name an entity");
    if (std::any_of(options.categories.begin(), options.categories.end(), text::is_blank))
        throw UsageError("a category filter is empty: name a category");
    if (text::is_blank(options.query) && options.like.empty() && options.sources.empty() && options.entities.empty() &&
        options.categories.empty())
        throw UsageError("the query has no words to search for");
    const std::string since = date_bound(options.since, false, "--since");
    const std::string until = date_bound(options.until, true, "--until");
    if (!since.empty() && !until.empty() && since > until)
        throw UsageError("--since " + options.since + " is after --until " + options.until);
}

SortOrder parse_sort_order(std::string_view text) {
    if (text == "relevance") return SortOrder::relevance;
    if (text == "date") return SortOrder::oldest_first;
    if (text == "-date") return SortOrder::newest_first;
    throw UsageError("unknown sort order \"" + std::string(text) + "\": use relevance, date or -date");
}

} // namespace newssearch::searcher
