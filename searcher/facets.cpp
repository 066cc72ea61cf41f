#include "searcher/facets.hpp"

#include "common/schema.hpp"
#include "common/stored_records.hpp"

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

/// How many of the most frequent entities (per value asked for) are looked up to find the top of
/// each type.
constexpr std::size_t entity_candidates_per_value = 40;

} // namespace

void ArticleFacetSpy::operator()(const Xapian::Document& document, double) {
    ++articles_;
    count_entities(document.get_value(schema::slot_article_entities), 1);
    count_source(document.get_value(schema::slot_source), 1);
    count_category(document.get_value(schema::slot_category), 1);
    count_date(document.get_value(schema::slot_date), 1);
}

void ArticleFacetSpy::add_counts(const Xapian::ValueCountMatchSpy& entities, const Xapian::ValueCountMatchSpy& sources,
                                 const Xapian::ValueCountMatchSpy& categories, const Xapian::ValueCountMatchSpy& dates) {
    articles_ += dates.get_total();
    for (auto it = entities.values_begin(); it != entities.values_end(); ++it) count_entities(*it, it.get_termfreq());
    for (auto it = sources.values_begin(); it != sources.values_end(); ++it) count_source(*it, it.get_termfreq());
    for (auto it = categories.values_begin(); it != categories.values_end(); ++it) count_category(*it, it.get_termfreq());
    // Articles without a date have no value in the slot, so the spy does not list them.
    std::size_t dated = 0;
    for (auto it = dates.values_begin(); it != dates.values_end(); ++it) {
        count_date(*it, it.get_termfreq());
        dated += it.get_termfreq();
    }
    if (dates.get_total() > dated) count_date("", dates.get_total() - dated);
}

void ArticleFacetSpy::count_entities(std::string_view keys, std::size_t articles) {
    for (const std::string& key : split_entity_keys(keys)) entities_[key] += articles;
}

void ArticleFacetSpy::count_source(const std::string& source, std::size_t articles) {
    if (!source.empty()) sources_[source] += articles;
}

void ArticleFacetSpy::count_category(const std::string& category, std::size_t articles) {
    if (!category.empty()) categories_[category] += articles;
}

void ArticleFacetSpy::count_date(const std::string& date, std::size_t articles) {
    months_[date.size() >= 7 ? date.substr(0, 7) : std::string("undated")] += articles;
}

void ArticleFacetSpy::reset() {
    articles_ = 0;
    entities_.clear();
    sources_.clear();
    categories_.clear();
    months_.clear();
}

Facets ArticleFacetSpy::top(std::size_t top) const {
    Facets facets;
    facets.articles_counted = articles_;
    // Ranked by key first so that only the most frequent cost a name look-up; then the top of
    // each type among them.
    std::vector<FacetCount> entities;
    for (const auto& [key, articles] : entities_) entities.push_back({key, key, "", articles});
    entities = most_frequent(std::move(entities), top * entity_candidates_per_value);
    std::vector<std::string> keys;
    for (const FacetCount& entity : entities) keys.push_back(entity.key);
    names_.read(database_, keys);
    std::map<std::string, std::size_t> per_type;
    for (FacetCount& entity : entities) {
        Entity stored = names_.get(database_, entity.key);
        if (per_type[stored.type]++ >= top) continue;
        entity.value = std::move(stored.canonical);
        entity.type = std::move(stored.type);
        facets.entities.push_back(std::move(entity));
    }
    std::vector<FacetCount> sources;
    for (const auto& [source, count] : sources_) sources.push_back({source, "", "", count});
    facets.sources = most_frequent(std::move(sources), top);
    std::vector<FacetCount> categories;
    for (const auto& [category, count] : categories_) categories.push_back({category, "", "", count});
    facets.categories = most_frequent(std::move(categories), top);
    // "undated" sorts after every "YYYY-MM".
    for (const auto& [month, count] : months_) facets.months.push_back({month, "", "", count});
    return facets;
}

} // namespace newssearch::searcher
