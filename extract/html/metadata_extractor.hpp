#pragma once
/// Article metadata of a parsed page: title, subtitle, author, date, site name, section,
/// canonical URL, language, and the schema.org JSON-LD article body when the page has one.

#include "extract/html/html_document.hpp"

#include <string>

namespace newssearch::extract::html {

/// What the page states about its article. Empty fields were not found; nothing is guessed.
struct PageMetadata {
    std::string title;     ///< og:title, JSON-LD headline, the only <h1>, or <title>; site suffix removed
    std::string subtitle;  ///< JSON-LD alternativeHeadline or a standfirst/dek/subtitle element
    std::string author;    ///< meta author, JSON-LD author, itemprop/rel author, or a "By ..." byline
    std::string date;      ///< ISO "YYYY-MM-DD" from article:published_time, JSON-LD datePublished,
                           ///< itemprop datePublished, <time datetime>, date metas, or a date line
    std::string source;    ///< og:site_name, JSON-LD publisher name, or the <title>'s site suffix
    std::string category;  ///< article:section or JSON-LD articleSection
    std::string url;       ///< <link rel=canonical> or og:url
    std::string language;  ///< <html lang>, Content-Language meta or og:locale ("en", "de-ch")
    std::string json_ld_body; ///< JSON-LD articleBody of an Article-like object, when present
};

/// Reads the metadata of `document`. Malformed JSON-LD is ignored.
[[nodiscard]] PageMetadata extract_metadata(const HtmlDocument& document);

/// `tag` as a language code: lower-case, '_' -> '-', only letters, digits and '-'; empty when
/// it does not look like one ("en-US" -> "en-us", "en_GB" -> "en-gb").
[[nodiscard]] std::string normalize_language(std::string_view tag);

} // namespace newssearch::extract::html
