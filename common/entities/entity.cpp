#include "common/entities/entity.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace newssearch::entities {

std::string_view to_string(EntityType type) {
    switch (type) {
    case EntityType::person:
        return "person";
    case EntityType::place:
        return "place";
    case EntityType::organisation:
        return "organisation";
    case EntityType::other:
        return "other";
    }
    return "other";
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, EntityType>, 6> names{{
        {"person", EntityType::person},
        {"place", EntityType::place},
        {"organisation", EntityType::organisation},
        {"organization", EntityType::organisation},
        {"other", EntityType::other},
        {"event", EntityType::other},
    }};
    const auto same = [](std::string_view a, std::string_view b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
            const auto lower = [](char c) {
                return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            };
            return lower(x) == lower(y);
        });
    };
    for (const auto& [spelling, type] : names)
        if (same(name, spelling))
            return type;
    return std::nullopt;
}

} // namespace newssearch::entities
