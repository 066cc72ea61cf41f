#pragma once
/// Plain data the library API takes and returns: search options, results, stored articles,
/// indexing summaries. No formatting: texts are UTF-8, highlights are byte ranges into them.

#include <newssearch/article.hpp>
#include <newssearch/byte_range.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace newssearch {

/// Result order.
enum class SortOrder {
    relevance,   ///< best match first
    oldest_first, ///< by publication date; undated articles first
    newest_first, ///< by publication date; undated articles last
};

/// What to search for and how to list it. Only `query` is required; designated initializers
/// read well: `searcher.search({.query = "talks", .limit = 5})`.
struct SearchOptions {
    /// The query, in the query language of `newssearch search` (words, "phrases", OR, NOT, -word,
    /// title:, source:, entity:, date:...). Must have at least one word.
    std::string query{};
    std::size_t limit = 10;   ///< hits per page, 1..10000
    std::size_t offset = 0;   ///< hits to skip (paging)
    /// Earliest / latest publication date: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty: no bound.
    /// Articles whose date is unknown are kept unless `dated_only`.
    std::string since{}, until{};
    bool dated_only = false;
    /// Only articles from one of these sources (as the articles name them; case and accents do
    /// not matter). Empty: any source.
    std::vector<std::string> sources{};
    /// Only articles that mention all of these entities: a name as the gazetteer knows it
    /// ("Lavrov", "Sergei Lavrov") or an entity key ("sergei_lavrov"). Empty: no entity filter.
    std::vector<std::string> entities{};
    SortOrder sort = SortOrder::relevance;
    /// false: one hit per article (its best passage); true: every matching passage of the best
    /// articles is a hit, best first.
    bool passages = false;
    std::size_t snippet_bytes = 320; ///< longest snippet, in bytes
    bool spelling = true; ///< offer did_you_mean; search the correction when nothing matched
};

/// An entity the index knows.
struct Entity {
    std::string key;       ///< stable id: what SearchOptions::entities and `entity:KEY` accept
    std::string canonical; ///< display name ("Sergei Lavrov")
    std::string type;      ///< "person", "place", "organisation" or "other"

    bool operator==(const Entity&) const = default;
};

/// An entity named in a passage.
struct EntityMention {
    Entity entity;
    ByteRange range;      ///< where Hit::text names it
    bool matched = false; ///< the query matched the passage through this entity
};

/// The article a hit belongs to. Unknown fields are empty.
struct ArticleInfo {
    std::string id;
    std::string title;
    std::string date;     ///< "YYYY-MM-DD", or empty when the article states none
    std::string source;
    std::string url;
    std::string author;
    std::string category;
};

/// One search hit: a passage of an article.
struct Hit {
    std::size_t rank = 0;     ///< 1-based, across pages (offset + position)
    double score = 0;         ///< BM25 score of the article (of the passage when listing passages)
    ArticleInfo article;
    std::size_t passage = 0;  ///< the passage's ordinal within its article
    std::string text;         ///< the whole passage
    std::string snippet;      ///< a window of `text` (at most SearchOptions::snippet_bytes), cut at spaces
    std::vector<ByteRange> highlights;       ///< matched words: byte offsets into `snippet`, sorted
    bool snippet_starts_mid_text = false;    ///< `text` goes on before `snippet`
    bool snippet_ends_mid_text = false;      ///< `text` goes on after `snippet`
    std::vector<ByteRange> title_highlights; ///< matched words: byte offsets into article.title
    std::vector<EntityMention> entities;     ///< entities `text` names, in text order
    std::size_t other_matching_passages = 0; ///< in the same article (article hits only)
};

/// One page of results.
struct SearchResults {
    std::vector<Hit> hits;
    std::size_t total_estimate = 0; ///< matching articles (passages when SearchOptions::passages)
    bool total_is_exact = true;     ///< total_estimate is an exact count
    /// Things the reader should know: partial matches shown, query syntax not understood, ...
    std::vector<std::string> notices;
    std::string did_you_mean; ///< a spelling-corrected query, when the index suggests a better one
};

/// An indexed article as stored: the cleaned text and the entities it mentions.
struct StoredArticle {
    Article article;
    std::vector<Entity> entities; ///< each entity once
};

/// What Index::add did with an article.
enum class AddOutcome {
    added,     ///< new
    updated,   ///< replaced an article with the same id
    unchanged, ///< the same article was indexed already: nothing to do
};

/// An input file (or record) that was not indexed, and why.
struct InputProblem {
    std::string where;  ///< file path, with ":LINE" for a JSON Lines record
    std::string reason; ///< what was wrong
};

/// What Index::add_files did.
struct IndexSummary {
    std::size_t files = 0;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t passages = 0;          ///< passages of the articles written
    std::vector<InputProblem> problems; ///< skipped files and records
};

/// One type-ahead completion of the last word typed (Searcher::suggest).
struct Suggestion {
    std::string text;          ///< the whole typed text with its last word completed
    std::string completion;    ///< the completed word (index form) or the entity's display name
    std::string kind;          ///< "word" or "entity"
    std::string entity_key;    ///< for entities: the key `entity:` filters on; empty for words
    std::size_t frequency = 0; ///< articles containing the word, or mentioning the entity
};

} // namespace newssearch
