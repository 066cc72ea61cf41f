#pragma once
/// The words of a query marked in a whole article (an article view), by the highlighter that
/// marks hits' snippets and titles.

#include "common/analyzer.hpp"
#include "searcher/query_builder.hpp"

#include <newssearch/types.hpp>

#include <string_view>

namespace newssearch::searcher {

/// Where `query` (the query language; entity names and phrases as searches read them) matches
/// `article`'s title, subtitle, paragraphs and captions: the ranges highlight() gives for a hit's
/// passage. Terms under NOT and filters (source:, date:) are not marked. A query that cannot be
/// parsed, or is blank, marks nothing.
[[nodiscard]] ArticleHighlights highlight_article(const Analyzer& analyzer, const QueryBuilder& builder,
                                                  const Article& article, std::string_view query);

} // namespace newssearch::searcher
