#pragma once
/// The names and types the index gives its entities (stored_entity), remembered across searches
/// while the index stays at one revision. Each look-up reads the entity's stored name and four
/// term frequencies, B-tree reads that Xapian does not cache: for a page of ten hits and the
/// facets they were about a third of a search's work in the service (docs/BENCHMARKS.md).

#include "searcher/stored_article.hpp"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace newssearch::searcher {

/// Not thread-safe: one per Searcher.
class EntityNames {
  public:
    /// stored_entity(database, key), read once per revision.
    const Entity& get(const Xapian::Database& database, const std::string& key);
    /// Forgets what was read: the index moved to another revision.
    void clear() { known_.clear(); }

  private:
    /// Beyond this many entities it starts afresh, so memory stays bounded on any index.
    static constexpr std::size_t max_entities = 100'000;
    std::unordered_map<std::string, Entity> known_;
};

} // namespace newssearch::searcher
