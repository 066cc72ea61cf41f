#include "searcher/entity_names.hpp"

namespace newssearch::searcher {

const Entity& EntityNames::get(const Xapian::Database& database, const std::string& key) {
    if (const auto found = known_.find(key); found != known_.end()) return found->second;
    if (known_.size() >= max_entities) known_.clear();
    return known_.emplace(key, stored_entity(database, key)).first->second;
}

void EntityNames::read(const Xapian::Database& database, const std::vector<std::string>& keys) {
    std::vector<std::string> unknown;
    for (const std::string& key : keys)
        if (!known_.contains(key)) unknown.push_back(key);
    if (unknown.empty()) return;
    if (known_.size() + unknown.size() > max_entities) {
        known_.clear(); // the page's keys that were known are read again with the rest
        unknown = keys;
    }
    for (Entity& entity : stored_entities(database, std::move(unknown), remote_)) {
        std::string key = entity.key;
        known_.insert_or_assign(std::move(key), std::move(entity));
    }
}

void EntityNames::name_mentions(const Xapian::Database& database, std::vector<Hit>& hits) {
    std::vector<std::string> keys;
    for (const Hit& hit : hits)
        for (const EntityMention& mention : hit.entities) keys.push_back(mention.entity.key);
    read(database, keys);
    for (Hit& hit : hits)
        for (EntityMention& mention : hit.entities) {
            const Entity& known = get(database, mention.entity.key);
            if (known.canonical != known.key || mention.entity.canonical.empty())
                mention.entity.canonical = known.canonical;
            mention.entity.type = known.type;
        }
}

} // namespace newssearch::searcher
