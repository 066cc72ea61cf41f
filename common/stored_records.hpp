#pragma once
/// What the index stores per entity and per article besides its documents' terms, and how:
/// the writer (indexer/index_writer), the searcher and the library API read them through these
/// functions only, so the encoding is decided in one place (keys are in common/schema.hpp).

#include <string>
#include <string_view>
#include <vector>

namespace newssearch {

// --- Entity names (metadata entity:KEY) --------------------------------------------------------

/// An entity's type ("person", "place", "organisation", "other") and canonical name.
struct EntityName {
    std::string type;
    std::string canonical;
};

/// "type<TAB>canonical", as stored.
[[nodiscard]] std::string format_entity_name(const EntityName& name);

/// The stored form back; a record without a tab gives an empty type and the record as name.
[[nodiscard]] EntityName parse_entity_name(std::string_view stored);

/// Whether `candidate` should replace `current` (either may be empty). Articles may disagree
/// about a name's type or spelling; the choice must not depend on the order they are indexed in
/// (it differs between one database and shards): a known type beats none, a name not in capitals
/// one in capitals ("Iraq" over "IRAQ"), a known type "other", then the smallest type, then the
/// smallest canonical name. (The type shown is voted over articles: searcher/stored_article.)
[[nodiscard]] bool better_entity_name(const EntityName& candidate, const EntityName& current);

// --- An article's entity keys (value slot schema::slot_article_entities) ------------------------

/// The keys, one per line (names and types are in the entity records).
[[nodiscard]] std::string join_entity_keys(const std::vector<std::string>& keys);

/// The keys back, in stored order, empty lines skipped.
[[nodiscard]] std::vector<std::string> split_entity_keys(std::string_view value);

} // namespace newssearch
