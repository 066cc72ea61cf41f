#pragma once
/// The index schema: every term prefix, value slot and metadata key newssearch writes. This is the
/// only place they are spelled; a prefix written as a literal anywhere else is a bug.
///
/// One Xapian document per article. It carries
///  - its passages' words, unprefixed, with positions (phrases; each passage starts
///    body_position_gap after the previous one, so no phrase spans two) and, when they start
///    with a letter, as "Z"+stem terms (what Xapian's QueryParser looks for);
///  - the title's words, unprefixed with extra wdf (title weight) and under the title prefix;
///  - weighted entity terms and boolean terms for its id, source, category, date and entities;
///  - values for sorting by date, tie-breaking by id and counting facets;
///  - document data: the cleaned article, where its passages lie and what they mention
///    (common/article_document.hpp).
/// Passages are ranked when a query is searched, from that data (searcher/passage_ranking.hpp):
/// an index of one document per passage was 1.7 times the size and took 1.5 times as long to build
/// (docs/BENCHMARKS.md).

#include <xapian.h>

#include <string>
#include <string_view>

namespace newssearch::schema {

/// The version of what this program writes; checked on open. Bumped when a change makes older
/// databases unreadable or wrong, or when older programs could not read what it writes.
/// 6: article documents with a MessagePack header (common/article_document.hpp).
inline constexpr int version = 6;

/// The oldest version this program still reads, and updates in place (its first commit marks
/// the index `version`; the articles it does not rewrite keep their older form, which it reads).
/// 5: article documents with a JSON header.
inline constexpr int oldest_readable_version = 5;

/// The versions this program reads, as messages name them: "5 to 6".
[[nodiscard]] inline std::string readable_versions() {
    return std::to_string(oldest_readable_version) + " to " + std::to_string(version);
}

/// Whether an index marked `stored` (the schema_version_key metadata) can be read and updated.
[[nodiscard]] inline bool readable_version(std::string_view stored) {
    for (int known = oldest_readable_version; known <= version; ++known)
        if (stored == std::to_string(known)) return true;
    return false;
}

// --- Term prefixes (Xapian convention: upper case; "X" starts multi-letter ones) --------------
inline constexpr std::string_view article_prefix = "XA";    ///< unique: the article id
inline constexpr std::string_view title_prefix = "S";       ///< free text: title words (title:)
inline constexpr std::string_view author_prefix = "A";      ///< free text: author words (author:)
/// Stemmed words of the lead (the standfirst, else the first body passage): ranking evidence.
inline constexpr std::string_view lead_prefix = "XL";
inline constexpr std::string_view source_prefix = "XSRC";   ///< boolean: folded source (source:)
inline constexpr std::string_view category_prefix = "XCAT"; ///< boolean: folded category (category:)
inline constexpr std::string_view date_prefix = "D";        ///< boolean: YYYYMMDD
inline constexpr std::string_view month_prefix = "M";       ///< boolean: YYYYMM
inline constexpr std::string_view year_prefix = "Y";        ///< boolean: YYYY
/// Entities (common/entities): key = entities::entity_key(canonical name), readable ASCII [a-z0-9_].
inline constexpr std::string_view entity_prefix = "XE";          ///< weighted: mentions of it as a name
/// Boolean: the article mentions it (entity:); its term frequency counts articles (`entities`).
inline constexpr std::string_view article_entity_prefix = "XEA";
inline constexpr std::string_view person_prefix = "XEP";         ///< boolean: ... a person (person:)
inline constexpr std::string_view place_prefix = "XEL";          ///< boolean: ... a place (place:)
inline constexpr std::string_view organisation_prefix = "XEO";   ///< boolean: ... an organisation (org:)
/// Boolean term on articles whose page stated no date (date filters may keep them).
inline constexpr std::string_view undated_term = "XUNDATED";
/// Xapian's QueryParser marks stemmed terms with "Z" before the field prefix.
inline constexpr std::string_view stem_marker = "Z";

// --- Value slots --------------------------------------------------------------------------------
inline constexpr Xapian::valueno slot_article_id = 0; ///< article id: breaks ties between equal scores
inline constexpr Xapian::valueno slot_date = 1;       ///< "YYYY-MM-DD" or empty: sorts as a string
/// How many passages the article has, sortable_serialise'd (`stats` sums them).
inline constexpr Xapian::valueno slot_passage_count = 2;
/// The article's entity keys, one a line (common/stored_records.hpp; names and types are in the
/// entity: metadata): article-level facets.
inline constexpr Xapian::valueno slot_article_entities = 3;
/// The article's source as it is displayed: the source facet.
inline constexpr Xapian::valueno slot_source = 4;
/// The article's category as it is displayed: the category facet (empty in indexes written
/// before it existed; such articles are counted once re-indexed).
inline constexpr Xapian::valueno slot_category = 5;
/// The article's near-duplicate fingerprint (common/near_duplicate.hpp: 16 hex digits), empty for
/// short articles and in indexes written before it existed: copies of a story are collapsed
/// into one hit.
inline constexpr Xapian::valueno slot_fingerprint = 6;
/// The article's dated headline (common/near_duplicate.hpp, dated_headline): a story re-filed
/// under the same headline on the same day is one story however much its text grew. Empty for
/// undated articles and short headlines.
inline constexpr Xapian::valueno slot_dated_headline = 7;

/// What an article's document holds changes with this number; it is part of every content hash,
/// so the next `newssearch index` run rewrites the documents of an older index (2: fingerprints;
/// 3: readable entity keys, "tony_blair" not "toni_blair", and one type per entity per article).
inline constexpr int document_format = 3;

// --- Metadata keys --------------------------------------------------------------------------------
inline constexpr std::string_view schema_version_key = "newssearch:schema";
inline constexpr std::string_view hash_key_prefix = "hash:";       ///< + id -> content hash
/// + key -> format_entity_name: the type and canonical name better_entity_name chose over every
/// article that mentions it.
inline constexpr std::string_view entity_key_prefix = "entity:";
/// The gazetteer the index was built with (TSV text): the query side recognises the same names.
inline constexpr std::string_view gazetteer_key = "newssearch:gazetteer";
/// The word keys of the gazetteer's words outside ASCII ("word<TAB>key" lines,
/// common/entities/stored_gazetteer): reading the gazetteer back needs no transliteration.
inline constexpr std::string_view gazetteer_word_keys_key = "newssearch:gazetteer_word_keys";
/// A copy of the synonym table, one "key<TAB>synonym<TAB>synonym..." line per key: Xapian 1.4's
/// remote backend cannot read synonyms, so searches over remote shards take them from here.
inline constexpr std::string_view synonym_table_key = "newssearch:synonym_table";
/// + absolute source file path -> "SIZE MTIME_NS DOCUMENT_FORMAT\n" then the ids of the articles
/// read from it, one a line. Written only for files read without problems; a file whose size and
/// modification time still match is not read again, unless its record is of another
/// document_format (or has none).
inline constexpr std::string_view file_key_prefix = "file:";
/// + article id -> the absolute path of the file it was read from (--prune, --delete).
inline constexpr std::string_view article_file_key_prefix = "article-file:";
/// When the index was last committed: "YYYY-MM-DDTHH:MM:SSZ" (UTC).
inline constexpr std::string_view updated_key = "newssearch:updated";
/// + 8-digit sequence number -> one batch's spelling changes ("word<TAB>change" lines), committed
/// with its articles and merged into the spelling data by the run's last commit
/// (IndexWriter::checkpoint); left only by a run that was stopped, and merged when the index is
/// next opened for writing.
inline constexpr std::string_view pending_spelling_key_prefix = "spelling-pending:";

// --- Weights -----------------------------------------------------------------------------------
/// Each title word counts this many times in its article, unless the index was
/// built with another title weight (`newssearch index --title-weight`, stored under
/// title_weight_key).
inline constexpr Xapian::termcount default_title_wdf = 3;
inline constexpr std::string_view title_weight_key = "newssearch:title_weight";

/// The title weight an index was built with.
[[nodiscard]] inline Xapian::termcount title_wdf(const Xapian::Database& database) {
    const std::string stored = database.get_metadata(std::string(title_weight_key));
    return stored.empty() ? default_title_wdf : static_cast<Xapian::termcount>(std::stoul(stored));
}
/// Each word of an entity mention counts this many extra times.
inline constexpr Xapian::termcount entity_word_extra_wdf = 1;
/// Positions of each passage start this far after the title's or the previous passage's, so no
/// phrase spans two of them.
inline constexpr Xapian::termpos body_position_gap = 100;

[[nodiscard]] inline std::string term(std::string_view prefix, std::string_view value) {
    std::string result(prefix);
    result += value;
    return result;
}

} // namespace newssearch::schema
