#include "searcher/stored_article.hpp"

#include "common/article_document.hpp"
#include "common/schema.hpp"

#include <array>

namespace newssearch::searcher {

std::string stored_article_json(const Xapian::Database& database, const std::string& id) {
    const std::string article_term = schema::term(schema::article_prefix, id);
    const Xapian::PostingIterator found = database.postlist_begin(article_term);
    if (found == database.postlist_end(article_term)) return {};
    return article_json_of_document(database.get_document(*found).get_data());
}

std::string voted_entity_type(const Xapian::Database& database, const std::string& key, std::string_view fallback) {
    // Each article that mentions the entity has one type for it (indexer/entity_annotator: the
    // type most of its mentions there have), recorded by its person:/place:/org: filter term, or
    // none for "other". The entity's type is the one most articles give it; ties go to the
    // stored name's type, then to person, place, organisation, other.
    struct Count {
        std::string_view type;
        Xapian::doccount articles;
    };
    const Xapian::doccount all = database.get_termfreq(schema::term(schema::article_entity_prefix, key));
    std::array<Count, 4> counts{{{"person", database.get_termfreq(schema::term(schema::person_prefix, key))},
                                 {"place", database.get_termfreq(schema::term(schema::place_prefix, key))},
                                 {"organisation", database.get_termfreq(schema::term(schema::organisation_prefix, key))},
                                 {"other", 0}}};
    const Xapian::doccount typed = counts[0].articles + counts[1].articles + counts[2].articles;
    counts[3].articles = all > typed ? all - typed : 0;
    if (all == 0 && typed == 0) return std::string(fallback.empty() ? "other" : fallback);
    const Count* best = &counts[0];
    for (const Count& count : counts)
        if (count.articles > best->articles || (count.articles == best->articles && count.type == fallback)) best = &count;
    return std::string(best->type);
}

Entity stored_entity(const Xapian::Database& database, const std::string& key) {
    const EntityName name = parse_entity_name(database.get_metadata(schema::term(schema::entity_key_prefix, key)));
    std::string type = voted_entity_type(database, key, name.type);
    if (name.type.empty()) return {key, key, std::move(type)};
    return {key, name.canonical, std::move(type)};
}

std::vector<Entity> stored_article_entities(const Xapian::Database& database, const std::string& id) {
    const std::string article_term = schema::term(schema::article_prefix, id);
    const Xapian::PostingIterator first = database.postlist_begin(article_term);
    if (first == database.postlist_end(article_term)) return {};
    std::vector<Entity> entities;
    for (const std::string& key : split_entity_keys(database.get_document(*first).get_value(schema::slot_article_entities)))
        entities.push_back(stored_entity(database, key));
    return entities;
}

} // namespace newssearch::searcher
