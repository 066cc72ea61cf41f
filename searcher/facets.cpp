#include "searcher/facets.hpp"

#include "common/schema.hpp"
#include "common/stored_records.hpp"
#include "searcher/stored_article.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace newssearch::searcher {
namespace {

std::vector<FacetCount> most_frequent(std::vector<FacetCount> counts, std::size_t top) {
    std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.articles != b.articles ? a.articles > b.articles : a.value < b.value;
    });
    if (counts.size() > top) counts.resize(top);
    return counts;
}

} // namespace

void ArticleFacetSpy::operator()(const Xapian::Document& document, double) {
    if (!seen_articles_.insert(document.get_value(schema::slot_article_id)).second) return;
    for (const std::string& key : split_entity_keys(document.get_value(schema::slot_article_entities))) ++entities_[key];
    const nlohmann::json data = nlohmann::json::parse(document.get_data(), nullptr, false);
    if (data.is_object()) {
        const std::string source = data.value("source", "");
        if (!source.empty()) ++sources_[source];
    }
    const std::string date = document.get_value(schema::slot_date);
    ++months_[date.size() >= 7 ? date.substr(0, 7) : std::string("undated")];
}

void ArticleFacetSpy::reset() {
    seen_articles_.clear();
    entities_.clear();
    sources_.clear();
    months_.clear();
}

Facets ArticleFacetSpy::top(std::size_t top) const {
    Facets facets;
    facets.articles_counted = seen_articles_.size();
    // Ranked by key so that only the chosen few cost a name look-up.
    std::vector<FacetCount> entities;
    for (const auto& [key, articles] : entities_) entities.push_back({key, key, "", articles});
    facets.entities = most_frequent(std::move(entities), top);
    for (FacetCount& entity : facets.entities) {
        StoredEntity stored = stored_entity(database_, entity.key);
        entity.value = std::move(stored.canonical);
        entity.type = std::move(stored.type);
    }
    std::vector<FacetCount> sources;
    for (const auto& [source, count] : sources_) sources.push_back({source, "", "", count});
    facets.sources = most_frequent(std::move(sources), top);
    std::vector<FacetCount> months;
    for (const auto& [month, count] : months_) months.push_back({month, "", "", count});
    facets.months = most_frequent(std::move(months), top);
    return facets;
}

} // namespace newssearch::searcher
