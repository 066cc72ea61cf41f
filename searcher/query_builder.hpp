#pragma once
/// From what a user typed to a Xapian query: the words go through the shared analysis pipeline
/// (Analyzer::normalize_query), the syntax through Xapian's QueryParser. Malformed input is
/// answered as well as possible, with a notice, never with a crash.

#include "common/analyzer.hpp"

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
    std::vector<std::string> notices; ///< what was changed or not understood, for the user
};

class QueryBuilder {
  public:
    /// `database` (may be null) lets wildcards expand against the index vocabulary.
    QueryBuilder(const Analyzer& analyzer, const Xapian::Database* database);
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    /// Parses `user_query`. Words are combined with `default_op` (AND: all words) unless the
    /// query says otherwise. Throws UsageError when nothing searchable is left (empty query).
    [[nodiscard]] ParsedQuery parse(std::string_view user_query,
                                    Xapian::Query::op default_op = Xapian::Query::OP_AND) const;

  private:
    const Analyzer& analyzer_;
    const Xapian::Database* database_;
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

} // namespace newssearch::searcher
