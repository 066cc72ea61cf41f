#include "searcher/entity_names.hpp"

namespace newssearch::searcher {

const Entity& EntityNames::get(const Xapian::Database& database, const std::string& key) {
    if (const auto found = known_.find(key); found != known_.end()) return found->second;
    if (known_.size() >= max_entities) known_.clear();
    return known_.emplace(key, stored_entity(database, key)).first->second;
}

} // namespace newssearch::searcher
