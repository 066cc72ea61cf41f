#pragma once
/// The parameters of the service's requests, parsed and checked before anything touches the
/// index. Pure functions over the query-string parameters: no HTTP library needed.

#include "searcher/searcher.hpp"

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace newssearch::server {

using namespace newssearch::searcher; // until the service goes through the library API


/// Query-string parameters, name -> value, a name possibly repeated (httplib::Params).
using Params = std::multimap<std::string, std::string>;

/// A request the service refuses: the HTTP status to answer and a one-line reason.
class RequestError : public std::runtime_error {
  public:
    RequestError(int status, const std::string& message)
        : std::runtime_error(message), status_(status) {}
    [[nodiscard]] int status() const { return status_; }

  private:
    int status_;
};

/// Limits on what one request may ask.
struct RequestLimits {
    std::size_t max_query_bytes = 1024; ///< longer q: 413
    std::size_t max_limit = 100;        ///< hits per page
    std::size_t max_offset = 10000;     ///< deepest page start
    std::size_t max_filters = 20;       ///< source= and entity= values together
};

/// GET /api/search parameters.
struct SearchRequest {
    std::string query;                 ///< q as given
    std::vector<std::string> sources;  ///< source=, repeatable: any of them
    std::vector<std::string> entities; ///< entity= keys ([a-z0-9_]), repeatable: all of them
    SearchOptions options;             ///< limit, offset, since, until, sort, passages
};

/// Parses q, limit (1..max_limit, default 10), offset (0..max_offset), since, until (2025,
/// 2025-02 or 2025-02-18), sort (relevance, date, -date), passages (0/1/true/false), source and
/// entity; other parameters are ignored (forms embedding the box may add their own). Throws
/// RequestError: 400 for a malformed or out-of-range value or a repeated single-valued
/// parameter, or when neither q nor a filter is given; 413 when q is longer than allowed.
[[nodiscard]] SearchRequest parse_search_request(const Params& params,
                                                 const RequestLimits& limits = {});

/// The query text the searcher runs: the filters as query-language fields (`source:"..."`,
/// `entity:KEY`) first, then the user's query, so an unbalanced quote in q never swallows a filter.
/// Several entities are joined with AND (each narrows), the query then bracketed after them with
/// its unmatched quotes and brackets closed.
[[nodiscard]] std::string query_with_filters(const SearchRequest& request);

/// GET /api/suggest parameters: q (required, at most max_query_bytes) and limit (1..50,
/// default 8). Throws RequestError like parse_search_request().
struct SuggestRequest {
    std::string query;
    std::size_t limit = 8;
};
[[nodiscard]] SuggestRequest parse_suggest_request(const Params& params,
                                                   const RequestLimits& limits = {});

/// An article id from a path (decoded): 1 to 512 bytes, no control characters. Ids are only
/// ever looked up in the index's metadata, never used as a path. Throws RequestError 404 otherwise.
[[nodiscard]] std::string parse_article_id(const std::string& id);

} // namespace newssearch::server
