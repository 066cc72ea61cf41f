#include "common/article_document.hpp"

#include "common/article_json.hpp"
#include "common/errors.hpp"

#include <nlohmann/json.hpp>

namespace newssearch {
namespace {

nlohmann::json parse_object(std::string_view data) {
    nlohmann::json parsed = nlohmann::json::parse(data, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("article") || !parsed["article"].is_object())
        throw DataError("the stored article document is damaged");
    return parsed;
}

std::size_t size_field(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
}

std::string string_field(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string clipped(std::string_view text, std::size_t begin, std::size_t end) {
    if (begin >= text.size() || end <= begin) return {};
    return std::string(text.substr(begin, std::min(end, text.size()) - begin));
}

} // namespace

std::string article_body_text(const Article& article) {
    std::string body;
    for (std::size_t i = 0; i < article.paragraphs.size(); ++i) {
        if (i > 0) body += "\n\n";
        body += article.paragraphs[i].text;
    }
    return body;
}

std::string passage_text(const Article& article, std::string_view body, const PassageSpan& span) {
    if (span.kind == "title") return article.title;
    if (span.kind == "caption")
        return span.caption < article.captions.size() ? clipped(article.captions[span.caption].text, span.begin, span.end)
                                                      : std::string();
    return clipped(body, span.begin, span.end);
}

std::string format_article_document(std::string_view article_json, const std::vector<PassageSpan>& passages,
                                    const std::vector<PassageMention>& mentions) {
    nlohmann::json spans = nlohmann::json::array();
    for (const PassageSpan& span : passages) {
        nlohmann::json entry = {{"kind", span.kind}, {"begin", span.begin}, {"end", span.end}};
        if (span.kind == "caption") entry["caption"] = span.caption;
        spans.push_back(std::move(entry));
    }
    nlohmann::json named = nlohmann::json::array();
    for (const PassageMention& mention : mentions)
        named.push_back({{"passage", mention.passage}, {"key", mention.key}, {"canonical", mention.canonical},
                         {"type", mention.type}, {"begin", mention.begin}, {"end", mention.end}});
    // The article JSON goes in as it is: parsing it here would only reorder its fields.
    std::string data = R"({"article":)";
    data += article_json;
    data += R"(,"passages":)" + spans.dump() + R"(,"mentions":)" + named.dump() + "}";
    return data;
}

ArticleDocument parse_article_document(std::string_view data) {
    const nlohmann::json parsed = parse_object(data);
    ArticleDocument document;
    document.article = article_from_json(parsed["article"]);
    if (const auto spans = parsed.find("passages"); spans != parsed.end() && spans->is_array()) {
        for (const nlohmann::json& entry : *spans) {
            if (!entry.is_object()) continue;
            document.passages.push_back({string_field(entry, "kind"), size_field(entry, "begin"), size_field(entry, "end"),
                                         size_field(entry, "caption")});
        }
    }
    if (const auto mentions = parsed.find("mentions"); mentions != parsed.end() && mentions->is_array()) {
        for (const nlohmann::json& entry : *mentions) {
            if (!entry.is_object()) continue;
            document.mentions.push_back({size_field(entry, "passage"), string_field(entry, "key"),
                                         string_field(entry, "canonical"), string_field(entry, "type"),
                                         size_field(entry, "begin"), size_field(entry, "end")});
        }
    }
    return document;
}

std::string article_json_of_document(std::string_view data) {
    if (data.empty()) return {};
    return parse_object(data)["article"].dump();
}

} // namespace newssearch
