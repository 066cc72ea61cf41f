#pragma once
/// The names and types the index gives its entities (stored_entity), remembered across searches
/// while the index stays at one revision. Each look-up reads the entity's stored name and four
/// term frequencies, B-tree reads that Xapian does not cache: for a page of ten hits and the
/// facets they were about a third of a search's work in the service (docs/BENCHMARKS.md). A page's
/// entities are read together, in key order (read), which reads each B-tree block once.

#include "searcher/stored_article.hpp"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace newssearch::searcher {

/// Not thread-safe: one per Searcher.
class EntityNames {
  public:
    /// stored_entity(database, key), read once per revision.
    const Entity& get(const Xapian::Database& database, const std::string& key);
    /// Reads those of `keys` not yet known, all at once (stored_entities).
    void read(const Xapian::Database& database, const std::vector<std::string>& keys);
    /// Gives each entity the hits mention the name and type the whole index gives it, as facets
    /// and `entities` show them.
    void name_mentions(const Xapian::Database& database, std::vector<Hit>& hits);
    /// Forgets what was read: the index moved to another revision.
    void clear() { known_.clear(); }
    /// The index has remote shards: counts are read from matches (stored_entities).
    void set_remote(bool remote) { remote_ = remote; }

  private:
    /// Beyond this many entities it starts afresh, so memory stays bounded on any index.
    static constexpr std::size_t max_entities = 100'000;
    std::unordered_map<std::string, Entity> known_;
    bool remote_ = false;
};

} // namespace newssearch::searcher
