#pragma once
/// newssearch as a library: `#include <newssearch/newssearch.hpp>`, link newssearch::newssearch.
///
///   newssearch::Index index("news.db");            // build or update an index
///   index.add(article); index.commit();
///   newssearch::Searcher searcher("news.db");      // one per thread, or a SearcherPool
///   newssearch::SearchResults results = searcher.search({.query = "ceasefire talks"});
///
/// Errors are exceptions derived from newssearch::Error (errors.hpp): UsageError for bad
/// arguments, DataError / IndexError for bad input or an unusable index.

#include <newssearch/article.hpp>
#include <newssearch/byte_range.hpp>
#include <newssearch/errors.hpp>
#include <newssearch/export.hpp>
#include <newssearch/index.hpp>
#include <newssearch/searcher.hpp>
#include <newssearch/types.hpp>

namespace newssearch {

/// The library's version, "MAJOR.MINOR.PATCH".
[[nodiscard]] NEWSSEARCH_API const char* version();

} // namespace newssearch
