#pragma once
// Between the public API's plain structs and the internal searcher's.

#include "searcher/searcher.hpp"

#include <newssearch/types.hpp>

#include <string>
#include <vector>

namespace newssearch::api {

/// The internal search options for `options`. Throws UsageError for values the public API
/// does not accept (limit 0 or over max_limit, empty source or entity names, tiny snippets).
[[nodiscard]] searcher::SearchOptions to_internal(const SearchOptions& options);

/// The public form of an internal result.
[[nodiscard]] SearchResults to_public(searcher::SearchResult&& result);

/// Most hits one search returns.
inline constexpr std::size_t max_limit = 10000;
/// Shortest snippet window accepted, in bytes.
inline constexpr std::size_t min_snippet_bytes = 20;

} // namespace newssearch::api
