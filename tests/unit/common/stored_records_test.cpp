#include "common/stored_records.hpp"

#include "newssearch/errors.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

using namespace newssearch;

TEST_CASE("entity names round-trip through their stored form", "[stored_records]") {
    const EntityName name{"person", "Sergey Lavrov"};
    CHECK(format_entity_name(name) == "person\tSergey Lavrov");
    const EntityName back = parse_entity_name(format_entity_name(name));
    CHECK(back.type == "person");
    CHECK(back.canonical == "Sergey Lavrov");
    CHECK(parse_entity_name("no tab").type.empty());
}

TEST_CASE("the chosen entity name does not depend on the order articles offer names", "[stored_records]") {
    const std::vector<EntityName> offers = {
        {"other", "Britain"}, {"place", "Britain"}, {"person", "Britain"}, {"place", "BRITAIN"}, {"other", "Aaa"}};
    const auto choose = [](std::vector<EntityName> order) {
        EntityName chosen;
        for (const EntityName& offer : order)
            if (better_entity_name(offer, chosen)) chosen = offer;
        return chosen;
    };
    std::vector<EntityName> order = offers;
    std::sort(order.begin(), order.end(), [](const EntityName& a, const EntityName& b) {
        return a.type + a.canonical < b.type + b.canonical;
    });
    const EntityName first = choose(order);
    // A known type beats "other", then the smallest type and name.
    CHECK(first.type == "person");
    CHECK(first.canonical == "Britain");
    do {
        const EntityName chosen = choose(order);
        CHECK(chosen.type == first.type);
        CHECK(chosen.canonical == first.canonical);
    } while (std::next_permutation(order.begin(), order.end(), [](const EntityName& a, const EntityName& b) {
        return a.type + a.canonical < b.type + b.canonical;
    }));
}

TEST_CASE("entity keys are stored one a line", "[stored_records]") {
    const std::vector<std::string> keys = {"sergey_lavrov", "riyadh", "united_states"};
    CHECK(join_entity_keys(keys) == "sergey_lavrov\nriyadh\nunited_states");
    CHECK(split_entity_keys(join_entity_keys(keys)) == keys);
    CHECK(split_entity_keys("").empty());
    CHECK(split_entity_keys("a\n\nb\n") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a name in its usual case beats the same name in capitals", "[stored_records]") {
    CHECK(better_entity_name({"place", "Iraq"}, {"place", "IRAQ"}));
    CHECK_FALSE(better_entity_name({"place", "IRAQ"}, {"place", "Iraq"}));
    CHECK(better_entity_name({"other", "Kuwait"}, {"place", "KUWAIT"}));
}
