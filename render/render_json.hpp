#pragma once
/// The JSON form of search results: the documented, stable schema of `newssearch --json`
/// (see README.md, "JSON output").

#include <newssearch/types.hpp>

#include <nlohmann/json.hpp>

namespace newssearch::render {

/// {"query","parsed_query","total","total_is_exact","offset","limit","view":"articles"|"passages",
///  "notices":[...], "suggestion", "hits":[{"rank","score","article_id","passage","article_passages",
///  "passage_kind","title","title_highlights","source","date","author","category","url","text",
///  "snippet":{"text","highlights":[[begin,end],...],"starts_mid_text","ends_mid_text"},
///  "other_matching_passages", "entities":[{"key","canonical","type","begin","end","matched"}],
///  "explanation" (only with --explain): {"score", "terms":[{"term",
///  "field","wdf","from_title","articles_with_term","weight"}]}}], "facets" (only with --facets):
///  {"articles_counted", "entities":[{"value","articles","key","type"}], "sources":[{"value",
///  "articles"}], "months":[...]}}. Highlights are byte offsets into the UTF-8 string they follow;
/// unknown fields (date, author, ...) are null.
[[nodiscard]] nlohmann::ordered_json to_json(const SearchResults& result);

} // namespace newssearch::render
