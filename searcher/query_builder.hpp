#pragma once
/// From what a user typed to a Xapian query: the words go through the shared analysis pipeline
/// (Analyzer::normalize_query), the syntax through Xapian's QueryParser. Malformed input is
/// answered as well as possible, with a notice, never with a crash.

#include "common/analyzer.hpp"
#include "common/entities/entity_recognizer.hpp"

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::searcher {

/// Queries longer than this many bytes are cut (at a space) before parsing, with a notice.
inline constexpr std::size_t max_query_bytes = 2048;

struct ParsedQuery {
    Xapian::Query query;
    std::string normalized;           ///< the query string handed to Xapian's parser
    std::string corrected;            ///< spelling-corrected query string, empty when none is better
    std::vector<std::string> notices; ///< what was changed or not understood, for the user
    bool date_filtered = false;       ///< the query has a `date:` filter
};

/// How to read a query.
struct QueryOptions {
    /// How words without an operator between them combine: AND (all words) or OR (any).
    Xapian::Query::op default_op = Xapian::Query::OP_AND;
    /// Whether `date:` ranges keep articles whose date is unknown.
    bool include_undated = true;
    /// Weight multiplier of entity-field matches for entities named in free text; 0: no entity
    /// matching, the words only.
    double entity_boost = 0.1;
};

/// The fields a query can name, as "name:" prefixes.
inline constexpr std::string_view query_fields[] = {"title", "author", "source", "category", "date",
                                                    "entity", "person", "place", "org"};

/// Whether `typed` (a word written as a name) is `word` mistyped by a slip of the finger: one
/// letter left out, added or doubled, or two neighbouring letters swapped, never the first
/// letter, in words of five letters or more. Such a name may be corrected; any other change
/// makes a different name too often to be offered.
[[nodiscard]] bool is_slip_of_finger(std::string_view typed, std::string_view word);

class QueryBuilder {
  public:
    /// `database` (may be null) lets wildcards expand against the index vocabulary; `recognizer`
    /// (may be null) recognises entity names in queries.
    QueryBuilder(const Analyzer& analyzer, const Xapian::Database* database,
                 std::shared_ptr<const entities::EntityRecognizer> recognizer = nullptr);
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    /// Parses `user_query`. Throws UsageError when nothing searchable is left (empty query) or
    /// a `date:` value is not a date. With a database, a spelling correction is proposed from
    /// the index's vocabulary.
    [[nodiscard]] ParsedQuery parse(std::string_view user_query, const QueryOptions& options = {}) const;

    /// More evidence for ranked matching, beside the words: any of the words of `user_query` in
    /// the title (`title`) and in the lead (`lead`; field values left out). Empty when there is no
    /// such word.
    struct Evidence {
        Xapian::Query title;
        Xapian::Query lead; ///< any of the words in the lead
    };
    [[nodiscard]] Evidence ranking_evidence(std::string_view user_query) const;

    /// The filter `source:VALUE` applies: articles from that source.
    [[nodiscard]] Xapian::Query source_filter(std::string_view source) const;

    /// The filter `category:VALUE` applies: articles in that category.
    [[nodiscard]] Xapian::Query category_filter(std::string_view category) const;

    /// The filter `entity:VALUE` applies: articles that mention the entity VALUE names (a name
    /// the gazetteer knows, or an entity key).
    [[nodiscard]] Xapian::Query entity_filter(std::string_view entity) const;

  private:
    /// `normalized` with each word the index does not have replaced by the index's most likely
    /// spelling of it; empty when no word needed it. A correction must be close for the word's
    /// length (one edit below eight letters, two from eight); stopwords and numbers are never
    /// corrected, and a word `typed` writes with a capital only to a name the gazetteer knows
    /// (never "Brexit" to "credit", "iPhone" to "phone").
    [[nodiscard]] std::string spelling_correction(const std::string& normalized, std::string_view typed) const;

    /// Whether `word` (index form) is a name, or a word of a name, in the gazetteer.
    [[nodiscard]] bool names_a_known_entity(const std::string& word) const;

    /// `query` with each gazetteer entity named in free text replaced by a reference the parser
    /// hands to the entity processor (which matches the entity field or the words as typed).
    [[nodiscard]] std::string mark_entities(const std::string& query) const;

    const Analyzer& analyzer_;
    const Xapian::Database* database_;
    std::shared_ptr<const entities::EntityRecognizer> recognizer_;
    /// Read by the field processors during parse(): the entities marked in the current query.
    mutable std::vector<entities::EntityMention> marked_;
    mutable std::vector<std::string> marked_words_;
    mutable double entity_boost_ = 0.1;
    /// Set by the date: field processor during parse() when a value is not a date.
    mutable std::string date_error_;
    /// Set by the date: field processor during parse() when the query has a date filter.
    mutable bool date_used_ = false;
    struct Parts;
    std::unique_ptr<Parts> parts_; ///< last: its field processors refer to the members above
    mutable bool include_undated_ = true; ///< read by the date: field processor during parse()
};

} // namespace newssearch::searcher
