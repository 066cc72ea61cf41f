#pragma once
/// What a search returns: plain data, no formatting. Renderers turn it into text or JSON.

#include "searcher/snippet.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace newssearch::searcher {

/// One query term's part in a hit's score.
struct TermContribution {
    std::string term;          ///< index term ("Zagreement": stem of agreement; "Slavrov": title)
    std::string field;         ///< "text" (passage and title words), "title", "author", "entity"
    unsigned wdf = 0;          ///< occurrences in the article (title words count title_wdf)
    unsigned from_title = 0;   ///< how much of wdf came from the article title
    unsigned articles_with_term = 0; ///< in the whole index
    double weight = 0;         ///< BM25 contribution
};

/// Why a hit scored what it did (--explain).
struct Explanation {
    std::vector<TermContribution> terms; ///< largest contribution first
    double score = 0;                    ///< the hit's score: the sum of the contributions
};

/// An entity mentioned in a hit's passage.
struct HitEntity {
    std::string key;       ///< stable id (entity_key of the canonical name)
    std::string canonical; ///< display name
    std::string type;      ///< "person", "place", "organisation" or "other"
    ByteRange range;       ///< where the passage text mentions it
    bool matched = false;  ///< the query matched this entity through the entity field
};

/// One facet value: how many matching articles have it.
struct FacetCount {
    std::string value;   ///< entity canonical name, source, or month "YYYY-MM"
    std::string key;     ///< entity key, for narrowing with entity:KEY; empty for other facets
    std::string type;    ///< entity type; empty for other facets
    std::size_t articles = 0;
};

/// Article-level counts over the matching articles (--facets).
struct Facets {
    std::vector<FacetCount> entities;
    std::vector<FacetCount> sources;
    std::vector<FacetCount> months;
    std::size_t articles_counted = 0; ///< matching articles the counts cover
};

struct Hit {
    std::size_t rank = 0;      ///< 1-based, across pages (offset + position)
    double score = 0;          ///< BM25 score of the article (--passages: of the passage, passage_ranking.hpp)
    std::string article_id;
    unsigned passage = 0;      ///< the passage's ordinal within its article
    std::size_t article_passages = 0; ///< how many passages the article has
    std::string passage_kind;  ///< "body" or "caption"
    std::string title, source, date, author, category, url;
    std::string text;          ///< the whole passage
    Snippet snippet;           ///< a window of it with the matched words marked
    std::vector<ByteRange> title_highlights; ///< matched words in `title`
    std::size_t other_matching_passages = 0; ///< in the same article (article view only)
    std::optional<Explanation> explanation;   ///< when asked for
    std::vector<HitEntity> entities;          ///< entities the passage mentions, in text order
};

struct SearchResult {
    std::string query;           ///< as the user typed it
    std::string parsed_query;    ///< Xapian's description of what was searched
    std::size_t total = 0;       ///< estimated number of matching articles (passages with --passages)
    bool total_is_exact = true;
    std::size_t offset = 0;
    std::size_t limit = 0;
    bool passages = false;       ///< one hit per passage instead of per article
    std::vector<std::string> notices; ///< e.g. partial matches shown, query syntax not understood
    std::string suggestion;      ///< "did you mean": a spelling-corrected query, when one is better
    bool partial = false;        ///< some shards of the index were unavailable (see notices)
    std::vector<Hit> hits;
    std::optional<Facets> facets; ///< when asked for
};

} // namespace newssearch::searcher
