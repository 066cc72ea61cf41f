#include "common/article_document.hpp"

#include "common/article_json.hpp"
#include "common/errors.hpp"

#include <nlohmann/json.hpp>

namespace newssearch {
namespace {

/// The stored form's JSON line, and in `texts` what follows it; throws DataError when there is none.
nlohmann::json parse_header(std::string_view data, std::string_view& texts) {
    const std::size_t newline = data.find('\n');
    if (newline == std::string_view::npos) throw DataError("the stored article document is damaged");
    nlohmann::json header = nlohmann::json::parse(data.substr(0, newline), nullptr, false);
    if (!header.is_object()) throw DataError("the stored article document is damaged");
    texts = data.substr(newline + 1);
    return header;
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
        return span.caption < article.captions.size()
                   ? clipped(article.captions[span.caption].text, span.begin, span.end)
                   : std::string();
    return clipped(body, span.begin, span.end);
}

std::string format_article_document(const Article& article, const std::vector<PassageSpan>& passages,
                                    const std::vector<PassageMention>& mentions) {
    nlohmann::ordered_json header = to_json(article);
    std::string texts;
    for (const char* list : {"paragraphs", "captions"}) {
        for (auto& entry : header[list]) {
            const std::string& text = entry["text"].get_ref<const std::string&>();
            texts += text;
            entry["bytes"] = text.size();
            entry.erase("text");
        }
    }
    nlohmann::ordered_json& spans = header["passages"] = nlohmann::ordered_json::array();
    for (const PassageSpan& span : passages) {
        nlohmann::ordered_json entry = {{"kind", span.kind}, {"begin", span.begin}, {"end", span.end}};
        if (span.kind == "caption") entry["caption"] = span.caption;
        spans.push_back(std::move(entry));
    }
    nlohmann::ordered_json& named = header["mentions"] = nlohmann::ordered_json::array();
    for (const PassageMention& mention : mentions)
        named.push_back({{"passage", mention.passage}, {"key", mention.key}, {"canonical", mention.canonical},
                         {"type", mention.type}, {"begin", mention.begin}, {"end", mention.end}});
    // dump() escapes newlines inside strings: the first newline ends the JSON.
    return header.dump() + "\n" + texts;
}

ArticleDocument parse_article_document(std::string_view data) try {
    std::string_view texts;
    const nlohmann::json header = parse_header(data, texts);
    ArticleDocument document;
    document.article = article_from_json(header);
    std::size_t offset = 0;
    const auto next_text = [&](const nlohmann::json& entry) {
        const std::size_t bytes = entry.is_object() ? size_field(entry, "bytes") : 0;
        if (bytes > texts.size() - offset) throw DataError("the stored article document is damaged");
        std::string text(texts.substr(offset, bytes));
        offset += bytes;
        return text;
    };
    // article_from_json made one paragraph and one caption of each entry, in order.
    if (const auto list = header.find("paragraphs"); list != header.end() && list->is_array())
        for (std::size_t i = 0; i < list->size(); ++i) document.article.paragraphs[i].text = next_text((*list)[i]);
    if (const auto list = header.find("captions"); list != header.end() && list->is_array())
        for (std::size_t i = 0; i < list->size(); ++i) document.article.captions[i].text = next_text((*list)[i]);
    if (const auto spans = header.find("passages"); spans != header.end() && spans->is_array()) {
        for (const nlohmann::json& entry : *spans) {
            if (!entry.is_object()) continue;
            document.passages.push_back({string_field(entry, "kind"), size_field(entry, "begin"),
                                         size_field(entry, "end"), size_field(entry, "caption")});
        }
    }
    if (const auto mentions = header.find("mentions"); mentions != header.end() && mentions->is_array()) {
        for (const nlohmann::json& entry : *mentions) {
            if (!entry.is_object()) continue;
            document.mentions.push_back({size_field(entry, "passage"), string_field(entry, "key"),
                                         string_field(entry, "canonical"), string_field(entry, "type"),
                                         size_field(entry, "begin"), size_field(entry, "end")});
        }
    }
    return document;
} catch (const nlohmann::json::exception&) {
    throw DataError("the stored article document is damaged");
}

std::string article_json_of_document(std::string_view data) {
    if (data.empty()) return {};
    return to_json(parse_article_document(data).article).dump();
}

} // namespace newssearch
