#pragma once
/// The parameters of the service's requests, parsed and checked before anything touches the
/// index. Pure functions over the query-string parameters: no HTTP library needed.

#include <newssearch/types.hpp>

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace newssearch::server {


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

/// What the HTTP layer itself bounds, before the request reaches the search pipeline (whose
/// own limits, searcher/search_limits.hpp, apply to every caller alike).
struct RequestLimits {
    std::size_t max_query_bytes = 1024; ///< longer q: 413
    std::size_t max_filters = 20;       ///< source=, category= and entity= values together
};

/// Parses GET /api/search parameters into the one search request type: q, limit, offset, since,
/// until (2025, 2025-02 or 2025-02-18), sort (relevance, date, -date), passages (0/1/true/false),
/// source and category (repeatable: any of them), entity (repeatable entity keys [a-z0-9_]: all
/// of them), like (an article id: more like it), dated_only, facets (0/1/true/false) and facet_size; other
/// parameters are ignored (forms embedding the box may add their own). Throws RequestError: 400
/// for a malformed value or a repeated single-valued parameter, or when neither q, like nor a
/// filter is given; 413 when q is longer than allowed. Ranges are the search pipeline's
/// to check (its UsageError is a 400 too).
[[nodiscard]] SearchOptions parse_search_request(const Params& params, const RequestLimits& limits = {});

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
