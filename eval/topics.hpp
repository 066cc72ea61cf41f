#pragma once
/// Evaluation topics (id + query text) from the three formats in use:
///  - TSV: `id<TAB>query` per line; blank lines and lines starting with '#' are skipped;
///  - TREC topic files: `<top> <num> Number: 401 <title> ... <desc> Description: ... </top>`, the
///    title being the query (closing tags such as `</title>` are accepted, other tags end a field);
///  - SMART query files (`.I`/`.W`, Cranfield `cran.qry`, CISI `CISI.QRY`): the `.W` text is the
///    query, preceded by the `.T` title when the record has one (CISI's queries 58-112 are papers
///    given by title and abstract; the reference runs in shared/data query with both).
/// Queries come out on one line, whitespace collapsed. TREC and SMART ids that are all digits lose
/// their leading zeros ("001" -> "1", as judgments write them); TSV ids are kept as written.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::eval {

/// One information need.
struct Topic {
    std::string id;          ///< topic id as the judgments name it
    std::string query;       ///< the query text, one line
    std::string description; ///< TREC `<desc>` text, one line; empty for the other formats

    bool operator==(const Topic&) const = default;
};

/// The format of a topics file.
enum class TopicFormat { automatic, tsv, trec, smart };

/// "auto", "tsv", "trec" or "smart".
[[nodiscard]] std::string_view to_string(TopicFormat format);

/// The format named `name` (as to_string spells it); UsageError for any other name.
[[nodiscard]] TopicFormat parse_topic_format(std::string_view name);

/// How to read a topics file.
struct TopicReadOptions {
    TopicFormat format = TopicFormat::automatic; ///< automatic: detect_topic_format()
    /// Number topics 1..N in file order instead of using the ids in the file. Cranfield's
    /// judgments need this: `cran.qry` is numbered 1, 2, 4, 8, ... but `cranqrel` counts 1..225.
    bool number_by_position = false;
    /// SMART records: put the `.T` title before the `.W` text (false: the `.W` text alone, or the
    /// title when there is no text).
    bool smart_title = true;
};

/// Guesses the format from the first line that is neither blank nor a '#' comment: `<` starts a
/// TREC file, `.I` a SMART file, anything else is TSV. Never returns `automatic`.
[[nodiscard]] TopicFormat detect_topic_format(std::string_view content);

/// Parses topics from `content`; `source` names it in errors. Throws DataError
/// "<source>:<line>: ..." on malformed input: a TSV line without a tab, a TREC topic without
/// `<num>` or title or `</top>`, a SMART record without query text, an empty id or query, or an
/// id given twice. Topics come out in file order.
[[nodiscard]] std::vector<Topic> parse_topics(std::string_view content, std::string_view source,
                                              const TopicReadOptions& options = {});

/// Reads the topics file at `path` (see parse_topics); DataError when it cannot be read.
[[nodiscard]] std::vector<Topic> read_topics(const std::filesystem::path& path,
                                             const TopicReadOptions& options = {});

} // namespace newssearch::eval
