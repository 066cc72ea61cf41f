#include "api/convert.hpp"

#include "common/errors.hpp"

#include <algorithm>

namespace newssearch::api {

searcher::SearchOptions to_internal(const SearchOptions& options) {
    if (options.limit == 0 || options.limit > max_limit)
        throw UsageError("limit must be 1.." + std::to_string(max_limit) + ", not " + std::to_string(options.limit));
    if (options.snippet_bytes < min_snippet_bytes)
        throw UsageError("snippet_bytes must be at least " + std::to_string(min_snippet_bytes));
    const auto blank = [](const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; };
    if (std::any_of(options.sources.begin(), options.sources.end(), blank))
        throw UsageError("a source filter is empty: name a source");
    if (std::any_of(options.entities.begin(), options.entities.end(), blank))
        throw UsageError("an entity filter is empty: name an entity");

    searcher::SearchOptions internal;
    internal.query = options.query;
    internal.limit = options.limit;
    internal.offset = options.offset;
    internal.since = options.since;
    internal.until = options.until;
    internal.dated_only = options.dated_only;
    internal.sources = options.sources;
    internal.entities = options.entities;
    internal.passages = options.passages;
    internal.snippet_bytes = options.snippet_bytes;
    internal.spelling = options.spelling;
    switch (options.sort) {
    case SortOrder::relevance: internal.sort = searcher::SortOrder::relevance; break;
    case SortOrder::oldest_first: internal.sort = searcher::SortOrder::date_oldest_first; break;
    case SortOrder::newest_first: internal.sort = searcher::SortOrder::date_newest_first; break;
    }
    return internal;
}

SearchResults to_public(searcher::SearchResult&& result) {
    SearchResults out;
    out.total_estimate = result.total;
    out.total_is_exact = result.total_is_exact;
    out.notices = std::move(result.notices);
    out.did_you_mean = std::move(result.suggestion);
    out.hits.reserve(result.hits.size());
    for (searcher::Hit& hit : result.hits) {
        Hit& h = out.hits.emplace_back();
        h.rank = hit.rank;
        h.score = hit.score;
        h.article = {std::move(hit.article_id), std::move(hit.title),  std::move(hit.date),    std::move(hit.source),
                     std::move(hit.url),        std::move(hit.author), std::move(hit.category)};
        h.passage = hit.passage;
        h.text = std::move(hit.text);
        h.snippet = std::move(hit.snippet.text);
        h.highlights = std::move(hit.snippet.highlights);
        h.snippet_starts_mid_text = hit.snippet.starts_mid_text;
        h.snippet_ends_mid_text = hit.snippet.ends_mid_text;
        h.title_highlights = std::move(hit.title_highlights);
        for (searcher::HitEntity& entity : hit.entities)
            h.entities.push_back(
                {{std::move(entity.key), std::move(entity.canonical), std::move(entity.type)}, entity.range, entity.matched});
        h.other_matching_passages = hit.other_matching_passages;
    }
    return out;
}

} // namespace newssearch::api
