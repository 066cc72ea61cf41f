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

/// How a Searcher opens its index.
struct SearcherOptions {
    /// Milliseconds a remote shard may take to connect or to answer one request before it
    /// counts as down; 0 waits for ever.
    unsigned remote_timeout_ms = 10000;
    /// Answer from the shards that work when some are down (SearchResults::partial) instead of
    /// failing.
    bool allow_partial = false;
};

/// How the words of the query are scored. The defaults are the evaluated ones (docs/EVALUATION.md).
struct RankingSettings {
    double k1 = 1.2;           ///< BM25 term-frequency saturation, 0..10
    double b = 0.75;           ///< BM25 length normalisation, 0..1
    /// Weight multiplier of an entity-field match when the query names a known entity
    /// ("Sergey Lavrov" also matches "Sergei Lavrov" or "Lavrov"), 0..100; 0 turns it off.
    double entity_boost = 0.1;
};

/// Pseudo-relevance feedback (RM3-style): the best articles of a first ranking are taken as
/// relevant, their most telling words added to the query, and the query searched again.
struct FeedbackSettings {
    bool on = false;
    std::size_t documents = 5; ///< top articles taken as relevant, 1..1000
    std::size_t terms = 50;    ///< expansion terms added, 1..1000
    double weight = 0.5;       ///< share of the expansion in the final query, [0, 1)
};

/// What to search for and how to list it: the one request type of every way into search (the
/// command line, the HTTP service, this library and batch evaluation). Only `query` is required;
/// designated initializers read well: `searcher.search({.query = "talks", .limit = 5})`.
/// Searcher::search checks every field against the limits documented here (UsageError).
struct SearchOptions {
    /// The query, in the query language of `newssearch search` (words, "phrases", OR, NOT, -word,
    /// title:, source:, entity:, date:...). May be empty only with `like`, `sources` or `entities`.
    std::string query{};
    std::size_t limit = 10;   ///< hits per page, 1..10000
    std::size_t offset = 0;   ///< hits to skip (paging), 0..1000000
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
    /// Only articles in one of these categories (sections, as the articles name them; case and
    /// accents do not matter). Empty: any category.
    std::vector<std::string> categories{};
    SortOrder sort = SortOrder::relevance;
    /// false: one hit per article (its best passage); true: every matching passage of the best
    /// articles is a hit, best first.
    bool passages = false;
    std::size_t snippet_bytes = 320; ///< longest snippet, in bytes, 40..100000
    /// false: article hits carry only their article's id, rank and score (an evaluation run's
    /// needs: their passages are not ranked); passage hits their text without snippet.
    bool snippets = true;
    bool spelling = true; ///< offer did_you_mean; search the correction when nothing matched
    std::string like{};   ///< more like this article id (its telling words are the query)
    bool explain = false; ///< fill Hit::explanation
    bool facets = false;  ///< count entities, sources, categories and months over the matching articles
    std::size_t facet_size = 10; ///< values listed per facet, 1..1000
    RankingSettings ranking{};
    /// Read `query` as a bag of words, as IR evaluation does for topics: any syntax in it
    /// (quotes, '-', ':', AND/OR/NOT) is plain text and the words are combined with OR.
    bool bag_of_words = false;
    FeedbackSettings feedback{};
    /// One story once: an article whose text is a copy or a light edit of a better-ranked hit's
    /// (common/near_duplicate.hpp) is not a hit of its own but listed in that hit's `copies`.
    /// Among the first 1000 article hits; not for passage hits.
    bool collapse_copies = true;
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

/// One query term's part in a hit's score (SearchOptions::explain).
struct TermContribution {
    std::string term;          ///< index term ("Zagreement": stem of agreement; "Slavrov": title)
    std::string field;         ///< "text" (passage and title words), "title", "author", "entity"
    unsigned wdf = 0;          ///< occurrences in the article (title words count title_wdf)
    unsigned from_title = 0;   ///< how much of wdf came from the article title
    unsigned articles_with_term = 0; ///< in the whole index
    double weight = 0;         ///< BM25 contribution
};

/// A share of a hit's score that no single word gives: ranked matching adds a fraction of the
/// words' weight when the article has all of them, and of the query words in its title and lead.
struct ScoreBonus {
    std::string reason; ///< "all the words", "words in the title" or "words in the lead"
    double weight = 0;
};

/// Why a hit scored what it did.
struct Explanation {
    std::vector<TermContribution> terms; ///< largest contribution first
    std::vector<ScoreBonus> bonuses;     ///< the bonuses this article earned, in the order above
    double score = 0;                    ///< the hit's score: the sum of the terms and bonuses
};

/// One facet value: how many matching articles have it.
struct FacetCount {
    std::string value;   ///< entity display name, source, category, or month "YYYY-MM" ("undated")
    std::string key;     ///< entity key, for narrowing with entity:KEY; empty for other facets
    std::string type;    ///< entity type; empty for other facets
    std::size_t articles = 0;
};

/// Article counts over the matching articles (SearchOptions::facets).
struct Facets {
    /// The most frequent entities of each type (person, place, organisation, other): up to
    /// SearchOptions::facet_size of each, most frequent first.
    std::vector<FacetCount> entities;
    std::vector<FacetCount> sources;    ///< most frequent first, up to facet_size
    std::vector<FacetCount> categories; ///< most frequent first, up to facet_size
    /// Every month that has matching articles, in date order ("YYYY-MM"), then "undated" when
    /// some have no date: enough for a timeline.
    std::vector<FacetCount> months;
    std::size_t articles_counted = 0; ///< matching articles the counts cover
};

/// One search hit: a passage of an article.
struct Hit {
    std::size_t rank = 0;     ///< 1-based, across pages (offset + position)
    double score = 0;         ///< BM25 score of the article (of the passage when listing passages)
    ArticleInfo article;
    std::size_t passage = 0;  ///< the passage's ordinal within its article
    std::size_t article_passages = 0; ///< how many passages the article has
    std::string passage_kind; ///< "body", "caption", "lede" (the standfirst) or "title"
    std::string text;         ///< the whole passage
    std::string snippet;      ///< a window of `text` (at most SearchOptions::snippet_bytes), cut at spaces
    std::vector<ByteRange> highlights;       ///< matched words: byte offsets into `snippet`, sorted
    bool snippet_starts_mid_text = false;    ///< `text` goes on before `snippet`
    bool snippet_ends_mid_text = false;      ///< `text` goes on after `snippet`
    std::vector<ByteRange> title_highlights; ///< matched words: byte offsets into article.title
    std::vector<EntityMention> entities;     ///< entities `text` names, in text order
    std::size_t other_matching_passages = 0; ///< in the same article (article hits only)
    std::optional<Explanation> explanation;   ///< with SearchOptions::explain
    /// Ids of the other articles that tell the same story, worse ranked, found among the results
    /// looked at (SearchOptions::collapse_copies); best first.
    std::vector<std::string> copies;
};

/// One page of results.
struct SearchResults {
    std::string query;        ///< as asked
    std::string parsed_query; ///< Xapian's description of what was searched, filters included
    std::size_t offset = 0;   ///< as asked
    std::size_t limit = 0;    ///< as asked
    bool passages = false;    ///< hits are passages (SearchOptions::passages), not articles
    std::vector<Hit> hits;
    std::size_t total_estimate = 0; ///< matching articles (passages when SearchOptions::passages)
    bool total_is_exact = true;     ///< total_estimate is an exact count
    /// Things the reader should know: partial matches shown, query syntax not understood, ...
    std::vector<std::string> notices;
    std::string did_you_mean; ///< a spelling-corrected query, when the index suggests a better one
    /// When nothing matched the query and its spelling correction was searched instead: that
    /// correction (the hits are its results; a notice says so). Empty otherwise.
    std::string corrected_query;
    bool partial = false;     ///< some shards of the index were unavailable (see notices)
    std::optional<Facets> facets; ///< with SearchOptions::facets
};

/// Where a query's words occur in an article's texts (Searcher::highlight): byte ranges into
/// each text, sorted and non-overlapping, found as the words of hits' snippets are.
struct ArticleHighlights {
    std::vector<ByteRange> title;
    std::vector<ByteRange> subtitle;
    std::vector<std::vector<ByteRange>> paragraphs; ///< one per Article::paragraphs
    std::vector<std::vector<ByteRange>> captions;   ///< one per Article::captions (their text)
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

    bool operator==(const Suggestion&) const = default;
};

} // namespace newssearch
