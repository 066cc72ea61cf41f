#include "searcher/stored_article.hpp"

#include "common/article_document.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <array>

namespace newssearch::searcher {

std::string stored_article_json(const Xapian::Database& database, const std::string& id) {
    const std::string article_term = schema::term(schema::article_prefix, id);
    const Xapian::PostingIterator found = database.postlist_begin(article_term);
    if (found == database.postlist_end(article_term)) return {};
    return article_json_of_document(database.get_document(*found).get_data());
}

namespace {

/// The type most of an entity's articles give it; see voted_entity_type.
std::string vote_entity_type(Xapian::doccount all, Xapian::doccount people, Xapian::doccount places,
                             Xapian::doccount organisations, std::string_view fallback) {
    // Each article that mentions the entity has one type for it (indexer/entity_annotator: the
    // type most of its mentions there have), recorded by its person:/place:/org: filter term, or
    // none for "other". The entity's type is the one most articles give it; ties go to the
    // stored name's type, then to person, place, organisation, other.
    struct Count {
        std::string_view type;
        Xapian::doccount articles;
    };
    std::array<Count, 4> counts{{{"person", people}, {"place", places}, {"organisation", organisations}, {"other", 0}}};
    const Xapian::doccount typed = people + places + organisations;
    counts[3].articles = all > typed ? all - typed : 0;
    if (all == 0 && typed == 0) return std::string(fallback.empty() ? "other" : fallback);
    const Count* best = &counts[0];
    for (const Count& count : counts)
        if (count.articles > best->articles || (count.articles == best->articles && count.type == fallback)) best = &count;
    return std::string(best->type);
}

Entity named_entity(const std::string& key, const EntityName& name, std::string type) {
    if (name.type.empty()) return {key, key, std::move(type)};
    return {key, name.canonical, std::move(type)};
}

} // namespace

std::string voted_entity_type(const Xapian::Database& database, const std::string& key, std::string_view fallback) {
    return vote_entity_type(database.get_termfreq(schema::term(schema::article_entity_prefix, key)),
                            database.get_termfreq(schema::term(schema::person_prefix, key)),
                            database.get_termfreq(schema::term(schema::place_prefix, key)),
                            database.get_termfreq(schema::term(schema::organisation_prefix, key)), fallback);
}

Entity stored_entity(const Xapian::Database& database, const std::string& key) {
    return std::move(stored_entities(database, {key}).front());
}

std::vector<Entity> stored_entities(const Xapian::Database& database, std::vector<std::string> keys,
                                    bool counts_from_matches) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    // One pass per kind of record, each in key order: Xapian's B-tree keeps the blocks its last
    // look-up read, so neighbouring keys cost no new read, where going from a name to its four
    // counts and back read the blocks again for every entity.
    std::vector<EntityName> names;
    names.reserve(keys.size());
    for (const std::string& key : keys)
        names.push_back(parse_entity_name(database.get_metadata(schema::term(schema::entity_key_prefix, key))));
    // Over remote shards each term frequency asked for is a round trip to every shard; a match
    // over many terms at once (no documents asked for) brings every shard's counts in one. A
    // match over tens of thousands of terms takes the servers longer than the look-ups did, so
    // the keys go in batches.
    constexpr std::size_t keys_per_match = 128;
    std::vector<Xapian::MSet> counted;
    if (counts_from_matches)
        for (std::size_t first = 0; first < keys.size(); first += keys_per_match) {
            const std::size_t last = std::min(keys.size(), first + keys_per_match);
            std::vector<Xapian::Query> terms;
            for (const std::string_view prefix : {schema::article_entity_prefix, schema::person_prefix,
                                                  schema::place_prefix, schema::organisation_prefix})
                for (std::size_t i = first; i < last; ++i) terms.emplace_back(schema::term(prefix, keys[i]));
            Xapian::Enquire enquire(database);
            enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            counted.push_back(enquire.get_mset(0, 0));
        }
    const auto frequencies = [&](std::string_view prefix) {
        std::vector<Xapian::doccount> out;
        out.reserve(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::string term = schema::term(prefix, keys[i]);
            out.push_back(counts_from_matches ? counted[i / keys_per_match].get_termfreq(term)
                                              : database.get_termfreq(term));
        }
        return out;
    };
    const std::vector<Xapian::doccount> all = frequencies(schema::article_entity_prefix);
    const std::vector<Xapian::doccount> people = frequencies(schema::person_prefix);
    const std::vector<Xapian::doccount> places = frequencies(schema::place_prefix);
    const std::vector<Xapian::doccount> organisations = frequencies(schema::organisation_prefix);
    std::vector<Entity> entities;
    entities.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        entities.push_back(named_entity(
            keys[i], names[i], vote_entity_type(all[i], people[i], places[i], organisations[i], names[i].type)));
    return entities;
}

std::vector<Entity> stored_article_entities(const Xapian::Database& database, const std::string& id) {
    const std::string article_term = schema::term(schema::article_prefix, id);
    const Xapian::PostingIterator first = database.postlist_begin(article_term);
    if (first == database.postlist_end(article_term)) return {};
    const std::vector<std::string> keys =
        split_entity_keys(database.get_document(*first).get_value(schema::slot_article_entities));
    std::vector<Entity> read = stored_entities(database, keys); // in key order
    std::vector<Entity> entities;
    for (const std::string& key : keys) {
        const auto found = std::lower_bound(read.begin(), read.end(), key,
                                            [](const Entity& entity, const std::string& k) { return entity.key < k; });
        entities.push_back(*found);
    }
    return entities;
}

} // namespace newssearch::searcher
