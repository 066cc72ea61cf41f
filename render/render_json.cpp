#include "render/render_json.hpp"

namespace newssearch::render {
namespace {

nlohmann::ordered_json ranges_json(const std::vector<ByteRange>& ranges) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const ByteRange& range : ranges) array.push_back({range.begin, range.end});
    return array;
}

nlohmann::ordered_json optional_string(const std::string& value) {
    return value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}

} // namespace

nlohmann::ordered_json to_json(const SearchResults& result) {
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const Hit& hit : result.hits) {
        hits.push_back({
            {"rank", hit.rank},
            {"score", hit.score},
            {"article_id", hit.article.id},
            {"passage", hit.passage},
            {"article_passages", hit.article_passages},
            {"passage_kind", hit.passage_kind},
            {"title", hit.article.title},
            {"title_highlights", ranges_json(hit.title_highlights)},
            {"source", optional_string(hit.article.source)},
            {"date", optional_string(hit.article.date)},
            {"author", optional_string(hit.article.author)},
            {"category", optional_string(hit.article.category)},
            {"url", optional_string(hit.article.url)},
            {"text", hit.text},
            {"snippet",
             {{"text", hit.snippet},
              {"highlights", ranges_json(hit.highlights)},
              {"starts_mid_text", hit.snippet_starts_mid_text},
              {"ends_mid_text", hit.snippet_ends_mid_text}}},
            {"other_matching_passages", hit.other_matching_passages},
            {"copies", hit.copies},
        });
        nlohmann::ordered_json entities = nlohmann::ordered_json::array();
        for (const EntityMention& mention : hit.entities)
            entities.push_back({{"key", mention.entity.key}, {"canonical", mention.entity.canonical},
                                {"type", mention.entity.type}, {"begin", mention.range.begin},
                                {"end", mention.range.end}, {"matched", mention.matched}});
        hits.back()["entities"] = std::move(entities);
        if (hit.explanation) {
            nlohmann::ordered_json terms = nlohmann::ordered_json::array();
            for (const TermContribution& term : hit.explanation->terms)
                terms.push_back({{"term", term.term}, {"field", term.field}, {"wdf", term.wdf},
                                 {"from_title", term.from_title}, {"articles_with_term", term.articles_with_term},
                                 {"weight", term.weight}});
            nlohmann::ordered_json bonuses = nlohmann::ordered_json::array();
            for (const ScoreBonus& bonus : hit.explanation->bonuses)
                bonuses.push_back({{"reason", bonus.reason}, {"weight", bonus.weight}});
            hits.back()["explanation"] = {
                {"score", hit.explanation->score}, {"terms", std::move(terms)}, {"bonuses", std::move(bonuses)}};
        }
    }
    nlohmann::ordered_json json = {{"query", result.query},
            {"parsed_query", result.parsed_query},
            {"total", result.total_estimate},
            {"total_is_exact", result.total_is_exact},
            {"offset", result.offset},
            {"limit", result.limit},
            {"view", result.passages ? "passages" : "articles"},
            {"notices", result.notices},
            {"suggestion", optional_string(result.did_you_mean)},
            {"corrected_query", optional_string(result.corrected_query)},
            {"partial", result.partial},
            {"hits", std::move(hits)}};
    if (result.facets) {
        const auto counts = [](const std::vector<FacetCount>& values) {
            nlohmann::ordered_json array = nlohmann::ordered_json::array();
            for (const FacetCount& value : values) {
                nlohmann::ordered_json item = {{"value", value.value}, {"articles", value.articles}};
                if (!value.key.empty()) item["key"] = value.key;
                if (!value.type.empty()) item["type"] = value.type;
                array.push_back(std::move(item));
            }
            return array;
        };
        json["facets"] = {{"articles_counted", result.facets->articles_counted},
                          {"entities", counts(result.facets->entities)},
                          {"sources", counts(result.facets->sources)},
                          {"categories", counts(result.facets->categories)},
                          {"months", counts(result.facets->months)}};
    }
    return json;
}

} // namespace newssearch::render
