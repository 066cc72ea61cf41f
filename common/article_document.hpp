#pragma once
/// The document data of an article's Xapian document (common/schema.hpp): the cleaned article
/// itself, where each of its passages lies in it, and the entities each passage mentions. Written
/// by the indexer, read by the searcher (hits, snippets, passage ranking) and the library API
/// (stored articles): the format is decided here only.
///
/// Stored as a header, then the article's texts one after another, raw. The header is the
/// article as to_json (common/article_json.hpp) writes it, with each paragraph's and caption's
/// "text" replaced by its length in bytes ("bytes"), plus
///  "passages": [[kind, begin, end, caption (captions only)]],
///  "passage_words": [words], how many words the analyser cuts each passage into,
///  "entities": [[key, canonical, type]], each entity the article mentions once, and
///  "mentions": [[passage, entity, begin, end]], `entity` an index into "entities".
/// The header is MessagePack (byte 0x01, then its length in four bytes, least significant first,
/// then the header): a search reads the header of every hit, and nlohmann reads MessagePack
/// several times faster than JSON text, whose numbers and strings it scans a character at a time.
/// Indexes built before 2026-12-08 hold the same header as one line of JSON ending in a newline;
/// it is still read, and so is the object form of indexes built before 2026-12 ({"kind", ...}
/// passages; {"passage", "key", "canonical", "type", "begin", "end"} mentions).
/// Arrays rather than objects: the names of the keys were a third of the stored bytes, and Xapian
/// compresses the document data on the index writer's one thread.
/// A search reads the texts of every hit; raw, they need no unescaping (which took a fifth of a
/// search's time). Xapian compresses document data, so the text is kept once, here.

#include "common/article.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch {

/// Where a passage's text lies in its article.
struct PassageSpan {
    /// "body": bytes [begin, end) of article_body_text(); "caption": bytes [begin, end) of caption
    /// number `caption`; "title": the title (an article with neither body nor captions).
    std::string kind = "body";
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t caption = 0;
    /// How many words (Analyzer::tokenize) the passage's text has, as the indexer counted them:
    /// a search needs every passage's length but cuts into words only the passages that can
    /// match. Absent in indexes built before 2026-12.
    std::optional<std::size_t> words;

    bool operator==(const PassageSpan&) const = default;
};

/// An entity a passage mentions; offsets are into the passage's text.
struct PassageMention {
    std::size_t passage = 0; ///< index into the passages
    std::string key;         ///< entity key (common/entities)
    std::string canonical;   ///< the name as this article spells it best
    std::string type;        ///< "person", "place", "organisation" or "other"
    std::size_t begin = 0;
    std::size_t end = 0;

    bool operator==(const PassageMention&) const = default;
};

struct ArticleDocument {
    Article article;
    std::vector<PassageSpan> passages;
    std::vector<PassageMention> mentions; ///< in passage order, then text order

    bool operator==(const ArticleDocument&) const = default;
};

/// The article body as one text: paragraphs joined by blank lines. Body passages refer to it.
[[nodiscard]] std::string article_body_text(const Article& article);

/// The text of `span` in `article`, whose body text is `body` (article_body_text). An offset
/// outside the text gives the part inside it, or nothing.
[[nodiscard]] std::string passage_text(const Article& article, std::string_view body, const PassageSpan& span);

/// Every field and text of `article` in one string, as the document data keeps them (the JSON
/// header with text lengths, then the texts raw): equal for equal articles, different when any
/// field or text differs. What the indexer hashes to tell an unchanged article; cheaper than
/// to_json(article).dump(), which escapes every character of every text.
[[nodiscard]] std::string article_content(const Article& article);

/// The document data of `article`.
[[nodiscard]] std::string format_article_document(const Article& article, const std::vector<PassageSpan>& passages,
                                                  const std::vector<PassageMention>& mentions);

/// The stored form back. Throws DataError when `data` is not an article document.
[[nodiscard]] ArticleDocument parse_article_document(std::string_view data);

/// Only the article's JSON (as to_json wrote it) from stored document data; empty when `data` is
/// empty. Throws DataError when `data` is not an article document.
[[nodiscard]] std::string article_json_of_document(std::string_view data);

} // namespace newssearch
