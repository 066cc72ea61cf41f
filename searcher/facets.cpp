#include "searcher/facets.hpp"

#include "common/schema.hpp"

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
    // "key<TAB>type<TAB>canonical" lines.
    const std::string entities = document.get_value(schema::slot_article_entities);
    for (std::size_t start = 0; start < entities.size();) {
        std::size_t end = entities.find('\n', start);
        if (end == std::string::npos) end = entities.size();
        const std::string line = entities.substr(start, end - start);
        start = end + 1;
        const std::size_t tab1 = line.find('\t');
        const std::size_t tab2 = tab1 == std::string::npos ? std::string::npos : line.find('\t', tab1 + 1);
        if (tab2 == std::string::npos) continue;
        EntityInfo& info = entities_[line.substr(0, tab1)];
        // Articles may disagree about a recognised name's type; the choice must not depend on
        // the order articles are seen in (it differs between one database and shards): a known
        // type beats "other", then the smallest wins.
        const std::string type = line.substr(tab1 + 1, tab2 - tab1 - 1);
        const std::string canonical = line.substr(tab2 + 1);
        const bool better = info.articles == 0 || (info.type == "other" && type != "other") ||
                            ((info.type == "other") == (type == "other") &&
                             (type < info.type || (type == info.type && canonical < info.canonical)));
        if (better) {
            info.type = type;
            info.canonical = canonical;
        }
        ++info.articles;
    }
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
    std::vector<FacetCount> entities;
    for (const auto& [key, info] : entities_) entities.push_back({info.canonical, key, info.type, info.articles});
    facets.entities = most_frequent(std::move(entities), top);
    std::vector<FacetCount> sources;
    for (const auto& [source, count] : sources_) sources.push_back({source, "", "", count});
    facets.sources = most_frequent(std::move(sources), top);
    std::vector<FacetCount> months;
    for (const auto& [month, count] : months_) months.push_back({month, "", "", count});
    facets.months = most_frequent(std::move(months), top);
    return facets;
}

} // namespace newssearch::searcher
