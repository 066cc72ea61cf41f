#include "searcher/stored_article.hpp"

#include "common/article_document.hpp"
#include "common/schema.hpp"

namespace newssearch::searcher {

std::string stored_article_json(const Xapian::Database& database, const std::string& id) {
    const std::string article_term = schema::term(schema::article_prefix, id);
    const Xapian::PostingIterator found = database.postlist_begin(article_term);
    if (found == database.postlist_end(article_term)) return {};
    return article_json_of_document(database.get_document(*found).get_data());
}

Entity stored_entity(const Xapian::Database& database, const std::string& key) {
    const EntityName name = parse_entity_name(database.get_metadata(schema::term(schema::entity_key_prefix, key)));
    if (name.type.empty()) return {key, key, "other"};
    return {key, name.canonical, name.type};
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
