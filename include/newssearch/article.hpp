#pragma once
/// A cleaned article: what the indexer stores and the searcher shows. Produced by the cleaners
/// (scrape text, JSON Lines) and consumed by passage splitting, indexing and display.

#include <string>
#include <vector>

namespace newssearch {

/// One block of body text. Headings are kept as their own paragraphs so that passages and
/// display can show the article's structure.
struct Paragraph {
    std::string text;
    bool heading = false;

    bool operator==(const Paragraph&) const = default;
};

/// A photo caption and its credit ("AP", "Maxim Elramsisy/Shutterstock"), kept out of the body.
struct Caption {
    std::string text;   ///< what the picture shows; may be empty when only a credit was found
    std::string credit; ///< photographer / agency; never indexed for free-text search

    bool operator==(const Caption&) const = default;
};

/// Every field is UTF-8. Unknown metadata stays empty: nothing is guessed.
struct Article {
    std::string id;       ///< stable identifier (JSONL "id", or the file path relative to its root)
    std::string title;    ///< without site-name suffixes ("Title | World | site.com" -> "Title")
    std::string subtitle; ///< standfirst / dek, when the page has one
    std::string author;   ///< byline name(s), when stated
    std::string date;     ///< publication date as ISO 8601 "YYYY-MM-DD", only when the page states it
    std::string source;   ///< site or publisher name ("online.ua", "Reuters")
    std::string category; ///< section ("Politics", "World")
    std::string url;      ///< canonical URL, when known
    std::string language; ///< language code as the page states it ("en", "en-gb"), when known
    std::vector<Paragraph> paragraphs; ///< the body, in order
    std::vector<Caption> captions;     ///< photo captions and credits

    bool operator==(const Article&) const = default;
};

} // namespace newssearch
