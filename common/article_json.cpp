#include "common/article_json.hpp"

#include "common/errors.hpp"

namespace newssearch {
namespace {

std::string string_field(const nlohmann::json& json, const char* name) {
    const auto it = json.find(name);
    if (it == json.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

} // namespace

nlohmann::ordered_json to_display_json(const Article& article) {
    nlohmann::ordered_json json = to_json(article);
    for (const char* field : {"subtitle", "author", "date", "source", "category", "url", "language"})
        if (json[field] == "") json[field] = nullptr;
    return json;
}

nlohmann::ordered_json to_json(const Article& article) {
    nlohmann::ordered_json paragraphs = nlohmann::ordered_json::array();
    for (const Paragraph& paragraph : article.paragraphs)
        paragraphs.push_back({{"text", paragraph.text}, {"heading", paragraph.heading}});
    nlohmann::ordered_json captions = nlohmann::ordered_json::array();
    for (const Caption& caption : article.captions)
        captions.push_back({{"text", caption.text}, {"credit", caption.credit}});
    return {{"id", article.id},
            {"title", article.title},
            {"subtitle", article.subtitle},
            {"author", article.author},
            {"date", article.date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(article.date)},
            {"source", article.source},
            {"category", article.category},
            {"url", article.url},
            {"language", article.language},
            {"paragraphs", std::move(paragraphs)},
            {"captions", std::move(captions)}};
}

Article article_from_json(const nlohmann::json& json) {
    if (!json.is_object()) throw DataError("article JSON is not an object");
    Article article;
    article.id = string_field(json, "id");
    article.title = string_field(json, "title");
    article.subtitle = string_field(json, "subtitle");
    article.author = string_field(json, "author");
    article.date = string_field(json, "date");
    article.source = string_field(json, "source");
    article.category = string_field(json, "category");
    article.url = string_field(json, "url");
    article.language = string_field(json, "language");
    if (const auto it = json.find("paragraphs"); it != json.end() && it->is_array())
        for (const auto& paragraph : *it)
            article.paragraphs.push_back(
                Paragraph{string_field(paragraph, "text"), paragraph.value("heading", false)});
    if (const auto it = json.find("captions"); it != json.end() && it->is_array())
        for (const auto& caption : *it)
            article.captions.push_back(Caption{string_field(caption, "text"), string_field(caption, "credit")});
    return article;
}

} // namespace newssearch
