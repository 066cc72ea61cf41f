#pragma once
/// Reading a stored article document's header as it is read (nlohmann's SAX interface) instead
/// of through a JSON tree: a search reads the header of every hit it shows, and building the tree
/// and then the article from it took a fifth of a one-shot search. Only the header this version
/// writes is read this way, in MessagePack or in the JSON of indexes built before 2026-12-08
/// (common/article_document.hpp has the format); anything else (the object forms of older
/// indexes, a field of an unexpected type) is left to the tree reader, which
/// parse_article_document() falls back on.

#include "common/article_document.hpp"

#include <optional>
#include <string_view>

namespace newssearch::detail {

/// The first byte of a document whose header is MessagePack; a JSON header starts with '{'.
inline constexpr char packed_header_mark = '\x01';

/// A stored article document cut into its header and its texts.
struct StoredDocumentParts {
    std::string_view header;
    std::string_view texts;
    bool packed = false; ///< the header is MessagePack; JSON otherwise
};

/// `data` cut into its parts; nothing when it has neither form.
[[nodiscard]] std::optional<StoredDocumentParts> split_article_document(std::string_view data);

/// The document whose header and texts are `parts`; nothing when the header is not in the form
/// format_article_document() writes (or wrote as JSON), or its texts are too short.
[[nodiscard]] std::optional<ArticleDocument> read_current_article_document(const StoredDocumentParts& parts);

/// Any form of stored article document, read as a JSON tree (in common/article_document.cpp):
/// the object forms of indexes built before 2026-12 and whatever the reader above leaves.
/// Throws DataError when `data` is not an article document.
[[nodiscard]] ArticleDocument read_article_document_tree(std::string_view data);

} // namespace newssearch::detail
