// One type per entity over the whole index (searcher/stored_article.hpp, voted_entity_type): what
// hits, facets, `entities` and the typed filters (person:, place:, org:) all show, and filters by
// readable or old-style keys.
#include "common/analyzer.hpp"
#include "common/schema.hpp"
#include "common/stored_records.hpp"
#include "searcher/entity_names.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/stored_article.hpp"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace newssearch;
using namespace newssearch::searcher;

namespace {

/// Articles as the indexer writes their entity terms: every entity gets entity: (XEA) and, unless
/// the article calls it "other", the filter term of the type the article gives it.
struct TypedIndex {
    Xapian::WritableDatabase database{std::string(), Xapian::DB_BACKEND_INMEMORY};

    void add(const std::string& id, const std::vector<std::pair<std::string, std::string>>& entities) {
        Xapian::Document document;
        document.add_boolean_term(schema::term(schema::article_prefix, id));
        for (const auto& [key, type] : entities) {
            document.add_boolean_term(schema::term(schema::article_entity_prefix, key));
            if (type == "person") document.add_boolean_term(schema::term(schema::person_prefix, key));
            if (type == "place") document.add_boolean_term(schema::term(schema::place_prefix, key));
            if (type == "organisation") document.add_boolean_term(schema::term(schema::organisation_prefix, key));
        }
        document.add_value(schema::slot_article_id, id);
        database.add_document(document);
    }

    std::vector<std::string> ids(const Xapian::Query& query) const {
        Xapian::Enquire enquire(database);
        enquire.set_query(query);
        std::vector<std::string> found;
        for (const Xapian::docid id : enquire.get_mset(0, 100)) {
            const Xapian::Document document = database.get_document(id);
            found.push_back(document.get_value(schema::slot_article_id));
        }
        std::sort(found.begin(), found.end());
        return found;
    }
};

} // namespace

TEST_CASE("an entity's type is the one most articles give it", "[entities][types]") {
    TypedIndex index;
    index.add("a", {{"london", "place"}, {"liverpool", "organisation"}});
    index.add("b", {{"london", "place"}, {"liverpool", "place"}});
    index.add("c", {{"london", "organisation"}, {"liverpool", "organisation"}});
    index.add("d", {{"christmas", "other"}, {"london", "other"}});
    // The name record says "organisation" (the smallest type wins there); the articles say place.
    index.database.set_metadata(schema::term(schema::entity_key_prefix, "london"),
                                format_entity_name({"organisation", "London"}));
    CHECK(voted_entity_type(index.database, "london", "organisation") == "place");
    CHECK(voted_entity_type(index.database, "liverpool", "") == "organisation");
    CHECK(voted_entity_type(index.database, "christmas", "") == "other");
    // A tie goes to the stored type; an unknown key keeps it.
    index.add("e", {{"chelsea", "place"}});
    index.add("f", {{"chelsea", "organisation"}});
    CHECK(voted_entity_type(index.database, "chelsea", "organisation") == "organisation");
    CHECK(voted_entity_type(index.database, "nowhere", "place") == "place");
    const Entity london = stored_entity(index.database, "london");
    CHECK(london.canonical == "London");
    CHECK(london.type == "place");
}

TEST_CASE("typed filters agree with the voted type", "[entities][types]") {
    TypedIndex index;
    index.add("a", {{"london", "place"}});
    index.add("b", {{"london", "place"}});
    index.add("c", {{"london", "organisation"}});
    index.add("d", {{"tony_blair", "person"}});
    const Analyzer analyzer;
    const Xapian::Database& database = index.database;
    const QueryBuilder builder(analyzer, &database);
    using Ids = std::vector<std::string>;
    // London is a place: place: finds every article that mentions it, org: none.
    CHECK(index.ids(builder.parse("place:London").query) == Ids{"a", "b", "c"});
    CHECK(index.ids(builder.parse("org:London").query).empty());
    CHECK(index.ids(builder.parse("entity:london").query) == Ids{"a", "b", "c"});
    // Readable keys, names, and the match keys older indexes printed all name Tony Blair.
    CHECK(index.ids(builder.parse("entity:tony_blair").query) == Ids{"d"});
    CHECK(index.ids(builder.parse("entity:\"Tony Blair\"").query) == Ids{"d"});
    CHECK(index.ids(builder.parse("person:toni_blair").query) == Ids{"d"});
    CHECK(index.ids(builder.entity_filter("toni_blair")) == Ids{"d"});
    CHECK(index.ids(builder.parse("place:tony_blair").query).empty());
    // A key starting with a variant letter.
    index.add("e", {{"iyad_allawi", "person"}});
    CHECK(index.ids(builder.parse("entity:iyad_allawi").query) == Ids{"e"});
    CHECK(index.ids(builder.parse("entity:iiad_allawi").query).empty());
}

TEST_CASE("entity names and types are read once per revision of the index", "[entities][types]") {
    TypedIndex index;
    index.add("a", {{"london", "place"}});
    index.database.set_metadata(schema::term(schema::entity_key_prefix, "london"),
                                format_entity_name({"place", "London"}));
    EntityNames names;
    const Entity& first = names.get(index.database, "london");
    CHECK(first.canonical == "London");
    CHECK(first.type == "place");
    CHECK(names.get(index.database, "nowhere").type == "other");

    // Most articles now call it an organisation: what was read stands until the searcher moves
    // to the new revision and forgets it (Searcher::reopen_latest).
    index.add("b", {{"london", "organisation"}});
    index.add("c", {{"london", "organisation"}});
    CHECK(names.get(index.database, "london").type == "place");
    names.clear();
    CHECK(names.get(index.database, "london").type == "organisation");
    CHECK(names.get(index.database, "london").canonical == "London");
}

TEST_CASE("entities read together are the entities read one at a time", "[entities][types]") {
    TypedIndex index;
    index.add("a", {{"london", "place"}, {"liverpool", "organisation"}, {"tony_blair", "person"}});
    index.add("b", {{"london", "organisation"}, {"christmas", "other"}});
    index.add("c", {{"london", "place"}, {"liverpool", "place"}});
    index.database.set_metadata(schema::term(schema::entity_key_prefix, "london"),
                                format_entity_name({"organisation", "London"}));
    index.database.set_metadata(schema::term(schema::entity_key_prefix, "tony_blair"),
                                format_entity_name({"person", "Tony Blair"}));
    // Out of order, repeated, and one the index does not know.
    const std::vector<std::string> keys{"tony_blair", "london", "nowhere", "christmas", "london", "liverpool"};
    const std::vector<Entity> together = stored_entities(index.database, keys);
    REQUIRE(together.size() == 5);
    for (std::size_t i = 0; i < together.size(); ++i) {
        if (i > 0) CHECK(together[i - 1].key < together[i].key);
        const Entity alone = stored_entity(index.database, together[i].key);
        CHECK(together[i].canonical == alone.canonical);
        CHECK(together[i].type == alone.type);
    }
    CHECK(together.front().key == "christmas");
    CHECK(together[2].canonical == "London");
    CHECK(together[2].type == "place");
    CHECK(together.back().canonical == "Tony Blair");
    // Counted in one match, as over remote shards: the same.
    CHECK(stored_entities(index.database, keys, true) == together);
    CHECK(stored_entities(index.database, {}, true).empty());
}

TEST_CASE("many entities counted in batches of matches are the entities read one at a time", "[entities][types]") {
    // Over remote shards the counts come from one match per batch of keys: a key in any batch
    // gets its own counts.
    TypedIndex index;
    const std::vector<std::string> types{"person", "place", "organisation", "other"};
    std::vector<std::string> keys;
    for (int i = 0; i < 300; ++i) keys.push_back("entity_" + std::to_string(i));
    for (int article = 0; article < 40; ++article) {
        std::vector<std::pair<std::string, std::string>> entities;
        for (int i = article; i < 300; i += 7 + article % 5)
            entities.emplace_back(keys[static_cast<std::size_t>(i)], types[static_cast<std::size_t>((i + article) % 4)]);
        index.add("a" + std::to_string(article), entities);
    }
    const std::vector<Entity> batched = stored_entities(index.database, keys, true);
    REQUIRE(batched.size() == keys.size());
    CHECK(batched == stored_entities(index.database, keys));
    std::size_t typed = 0;
    for (const Entity& entity : batched) typed += entity.type != "other";
    CHECK(typed > 100); // the votes were read, not defaulted
}

TEST_CASE("a page's entity mentions get the names and types the index gives them", "[entities][types]") {
    TypedIndex index;
    index.add("a", {{"london", "place"}, {"tony_blair", "person"}});
    index.database.set_metadata(schema::term(schema::entity_key_prefix, "tony_blair"),
                                format_entity_name({"person", "Tony Blair"}));
    std::vector<Hit> hits(2);
    EntityMention blair;
    blair.entity = {"tony_blair", "Blair", "organisation"};
    EntityMention london;
    london.entity = {"london", "", ""};
    hits[0].entities = {blair, london};
    hits[1].entities = {london};
    EntityNames names;
    names.name_mentions(index.database, hits);
    // The index's name replaces the text's, its type the article's.
    CHECK(hits[0].entities[0].entity.canonical == "Tony Blair");
    CHECK(hits[0].entities[0].entity.type == "person");
    // Without a stored name the mention keeps its own, or takes the key when it has none.
    CHECK(hits[0].entities[1].entity.canonical == "london");
    CHECK(hits[1].entities[0].entity.type == "place");
}
