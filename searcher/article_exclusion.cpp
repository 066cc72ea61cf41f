#include "searcher/article_exclusion.hpp"

#include "common/schema.hpp"

#include <algorithm>
#include <vector>

namespace newssearch::searcher {
namespace {

std::vector<Xapian::Query> subqueries(const Xapian::Query& query, std::size_t from) {
    std::vector<Xapian::Query> parts;
    for (std::size_t i = from; i < query.get_num_subqueries(); ++i) parts.push_back(query.get_subquery(i));
    return parts;
}

} // namespace

Xapian::Query exclude_whole_articles(const Xapian::Database& database, const Xapian::Query& query) {
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_FILTER && query.get_num_subqueries() >= 2) {
        std::vector<Xapian::Query> parts = subqueries(query, 0);
        parts[0] = exclude_whole_articles(database, parts[0]);
        return Xapian::Query(Xapian::Query::OP_FILTER, parts.begin(), parts.end());
    }
    if (type != Xapian::Query::OP_AND_NOT || query.get_num_subqueries() < 2) return query;

    const std::vector<Xapian::Query> negatives = subqueries(query, 1);
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, negatives.begin(), negatives.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_collapse_key(schema::slot_article_id);
    const Xapian::MSet excluded = enquire.get_mset(0, static_cast<Xapian::doccount>(max_excluded_articles + 1));
    if (excluded.size() > max_excluded_articles) return query;

    // In id order: the order of the matches depends on document ids, which depend on sharding.
    std::vector<std::string> ids;
    for (auto it = excluded.begin(); it != excluded.end(); ++it) ids.push_back(it.get_collapse_key());
    std::sort(ids.begin(), ids.end());
    std::vector<Xapian::Query> articles;
    for (const std::string& id : ids) articles.emplace_back(schema::term(schema::article_prefix, id));
    if (articles.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query.get_subquery(0),
                         Xapian::Query(Xapian::Query::OP_OR, articles.begin(), articles.end()));
}

} // namespace newssearch::searcher
