#pragma once
/// Named entities as the rest of newssearch sees them: the kinds of entity, and one mention of an
/// entity in a text (what the indexer turns into terms and the display marks).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newssearch::entities {

/// What an entity is. `other` holds events ("World War II") and names recognised automatically
/// whose kind nothing in the text told.
enum class EntityType { person, place, organisation, other };

/// "person", "place", "organisation" or "other": the spelling corpus/entities.tsv uses.
[[nodiscard]] std::string_view to_string(EntityType type);

/// The type `name` spells (ASCII case-insensitive): what to_string gives, plus "organization" and
/// "event" (-> other). nullopt when `name` is none of them.
[[nodiscard]] std::optional<EntityType> parse_entity_type(std::string_view name);

/// One mention of an entity in an analysed text.
struct EntityMention {
    /// The gazetteer's canonical name ("Sergey Lavrov" for "Sergei Lavrov", "Лавров", "Lavrov's"),
    /// or, when recognised automatically, the name as written without titles or possessive.
    std::string canonical;
    /// entity_key(canonical): ASCII [a-z0-9_], the same for every spelling; the form to index.
    std::string key;
    EntityType type = EntityType::other;
    std::size_t begin = 0; ///< byte offset of the name's first byte in the analysed text
    /// Byte offset one past the name: a possessive "'s" is left out, the final '.' of a dotted
    /// abbreviation ("U.S.") kept in. Titles before the name ("Foreign Minister") are never inside.
    std::size_t end = 0;
    bool from_gazetteer =
        false;              ///< matched a gazetteer name or alias; false: recognised automatically
    bool adjective = false; ///< matched a gazetteer adjective ("American" -> United States)

    bool operator==(const EntityMention&) const = default;
};

} // namespace newssearch::entities
