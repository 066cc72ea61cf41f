#include "common/entities/entity.hpp"

#include <catch2/catch.hpp>

using namespace newssearch::entities;

TEST_CASE("entity types print and parse as the gazetteer spells them", "[entities]") {
    for (const EntityType type :
         {EntityType::person, EntityType::place, EntityType::organisation, EntityType::other}) {
        CAPTURE(to_string(type));
        CHECK(parse_entity_type(to_string(type)) == type);
    }
}

TEST_CASE("entity type names are read leniently but never guessed", "[entities]") {
    const auto [name, expected] = GENERATE(table<std::string, std::optional<EntityType>>({
        {"Person", EntityType::person},
        {"PLACE", EntityType::place},
        {"organization", EntityType::organisation},
        {"event", EntityType::other},
        {"", std::nullopt},
        {"people", std::nullopt},
        {"org", std::nullopt},
        {" person", std::nullopt},
    }));
    CAPTURE(name);
    CHECK(parse_entity_type(name) == expected);
}
