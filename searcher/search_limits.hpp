#pragma once
/// The one check of a search request (SearchOptions, include/newssearch/types.hpp) against the
/// limits its fields document. Every way into search (command line, HTTP service, library, batch
/// evaluation) passes through Searcher::search, which calls it, so the limits cannot disagree.

#include <newssearch/types.hpp>

#include <cstddef>
#include <string_view>

namespace newssearch::searcher {

inline constexpr std::size_t max_limit = 10000;
inline constexpr std::size_t max_offset = 1000000;
inline constexpr std::size_t min_snippet_bytes = 40;
inline constexpr std::size_t max_snippet_bytes = 100000;
inline constexpr std::size_t max_facet_size = 1000;
inline constexpr double max_k1 = 10.0;
inline constexpr double max_entity_boost = 100.0;
inline constexpr std::size_t max_feedback_count = 1000;

/// Throws UsageError naming the first field out of its range, or a request with nothing to
/// search for (no query, no `like`, no filter), or a bad date or `since` after `until`.
void validate(const SearchOptions& options);

/// Parses "relevance", "date" (oldest first) or "-date" (newest first); throws UsageError.
[[nodiscard]] SortOrder parse_sort_order(std::string_view text);

} // namespace newssearch::searcher
