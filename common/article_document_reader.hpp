#pragma once
/// Reading a stored article document's JSON header as it is read (nlohmann's SAX interface)
/// instead of through a JSON tree: a search reads the header of every hit it shows, and building
/// the tree and then the article from it took a fifth of a one-shot search. Only the header this
/// version writes is read this way (common/article_document.hpp has the format); anything else
/// (the object forms of older indexes, a field of an unexpected type) is left to the tree reader,
/// which parse_article_document() falls back on.

#include "common/article_document.hpp"

#include <optional>
#include <string_view>

namespace newssearch::detail {

/// The document whose JSON header is `header` and whose texts follow in `texts`; nothing when
/// the header is not in the form format_article_document() writes, or its texts are too short.
[[nodiscard]] std::optional<ArticleDocument> read_current_article_document(std::string_view header,
                                                                           std::string_view texts);

/// Any form of stored article document, read as a JSON tree (in common/article_document.cpp):
/// the object forms of indexes built before 2026-12 and whatever the reader above leaves.
/// Throws DataError when `data` is not an article document.
[[nodiscard]] ArticleDocument read_article_document_tree(std::string_view data);

} // namespace newssearch::detail
