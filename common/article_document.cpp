#include "common/article_document.hpp"

#include "common/article_document_reader.hpp"
#include "common/article_json.hpp"
#include "common/errors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace newssearch {
namespace {

/// The stored form's header as a tree, and in `texts` what follows it; throws DataError when there is none.
nlohmann::json parse_header(std::string_view data, std::string_view& texts) {
    const std::optional<detail::StoredDocumentParts> parts = detail::split_article_document(data);
    if (!parts) throw DataError("the stored article document is damaged");
    const std::string_view header = parts->header;
    nlohmann::json tree = parts->packed ? nlohmann::json::from_msgpack(header.begin(), header.end(), true, false)
                                        : nlohmann::json::parse(header, nullptr, false);
    if (!tree.is_object()) throw DataError("the stored article document is damaged");
    texts = parts->texts;
    return tree;
}

std::size_t size_field(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
}

std::string string_field(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// Element `i` of a JSON array as a size / a string; 0 or empty when absent or of another type.
std::size_t size_at(const nlohmann::json& array, std::size_t i) {
    return i < array.size() && array[i].is_number_unsigned() ? array[i].get<std::size_t>() : 0;
}
std::string string_at(const nlohmann::json& array, std::size_t i) {
    return i < array.size() && array[i].is_string() ? array[i].get<std::string>() : std::string();
}

/// A passage span: [kind, begin, end(, caption)], or the object form of indexes built before
/// 2026-12 ({"kind", "begin", "end", "caption"}).
std::optional<PassageSpan> read_span(const nlohmann::json& entry) {
    if (entry.is_array()) return PassageSpan{string_at(entry, 0), size_at(entry, 1), size_at(entry, 2), size_at(entry, 3), std::nullopt};
    if (entry.is_object())
        return PassageSpan{string_field(entry, "kind"), size_field(entry, "begin"), size_field(entry, "end"),
                           size_field(entry, "caption"), std::nullopt};
    return std::nullopt;
}

/// A mention: [passage, entity index, begin, end] into `entities` ([key, canonical, type]), or the
/// object form of indexes built before 2026-12 ({"passage", "key", "canonical", "type", "begin",
/// "end"}). Nothing when it names no entity.
std::optional<PassageMention> read_mention(const nlohmann::json& entry, const std::vector<const nlohmann::json*>& entities) {
    if (entry.is_object())
        return PassageMention{size_field(entry, "passage"), string_field(entry, "key"), string_field(entry, "canonical"),
                              string_field(entry, "type"), size_field(entry, "begin"), size_field(entry, "end")};
    if (!entry.is_array() || entry.size() < 4 || !entry[1].is_number_unsigned()) return std::nullopt;
    const std::size_t entity = size_at(entry, 1);
    if (entity >= entities.size() || !entities[entity]->is_array()) return std::nullopt;
    const nlohmann::json& named = *entities[entity];
    return PassageMention{size_at(entry, 0), string_at(named, 0), string_at(named, 1), string_at(named, 2),
                          size_at(entry, 2), size_at(entry, 3)};
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
    if (span.kind == "lede") return clipped(article.subtitle, span.begin, span.end);
    if (span.kind == "caption")
        return span.caption < article.captions.size()
                   ? clipped(article.captions[span.caption].text, span.begin, span.end)
                   : std::string();
    return clipped(body, span.begin, span.end);
}

namespace {

/// The article's JSON (to_json) with each paragraph's and caption's text replaced by its length
/// ("bytes"); the texts, one after another, go to `texts`.
nlohmann::ordered_json header_without_texts(const Article& article, std::string& texts) {
    nlohmann::ordered_json header = to_json(article);
    for (const char* list : {"paragraphs", "captions"}) {
        for (auto& entry : header[list]) {
            const std::string& text = entry["text"].get_ref<const std::string&>();
            texts += text;
            entry["bytes"] = text.size();
            entry.erase("text");
        }
    }
    return header;
}

} // namespace

std::string article_content(const Article& article) {
    std::string texts;
    const nlohmann::ordered_json header = header_without_texts(article, texts);
    return header.dump() + "\n" + texts;
}

std::string format_article_document(const Article& article, const std::vector<PassageSpan>& passages,
                                    const std::vector<PassageMention>& mentions) {
    std::string texts;
    nlohmann::ordered_json header = header_without_texts(article, texts);
    nlohmann::ordered_json& spans = header["passages"] = nlohmann::ordered_json::array();
    for (const PassageSpan& span : passages) {
        nlohmann::ordered_json entry = {span.kind, span.begin, span.end};
        if (span.kind == "caption") entry.push_back(span.caption);
        spans.push_back(std::move(entry));
    }
    if (std::all_of(passages.begin(), passages.end(), [](const PassageSpan& span) { return span.words.has_value(); })) {
        nlohmann::ordered_json& words = header["passage_words"] = nlohmann::ordered_json::array();
        for (const PassageSpan& span : passages) words.push_back(*span.words);
    }
    // Each entity once ([key, canonical, type]); a mention refers to it by its index.
    nlohmann::ordered_json& named = header["entities"] = nlohmann::ordered_json::array();
    nlohmann::ordered_json& mentioned = header["mentions"] = nlohmann::ordered_json::array();
    std::unordered_map<std::string, std::size_t> entity_index; // key, canonical, type -> index
    for (const PassageMention& mention : mentions) {
        const std::string entity = mention.key + '\n' + mention.canonical + '\n' + mention.type;
        const auto [known, added] = entity_index.try_emplace(entity, entity_index.size());
        if (added) named.push_back({mention.key, mention.canonical, mention.type});
        mentioned.push_back({mention.passage, known->second, mention.begin, mention.end});
    }
    // The header's length goes before it (four bytes, least significant first): MessagePack
    // has no end marker, and the texts follow it raw.
    std::string packed;
    nlohmann::ordered_json::to_msgpack(header, packed);
    std::string data(1, detail::packed_header_mark);
    data.reserve(5 + packed.size() + texts.size());
    for (int shift = 0; shift < 32; shift += 8) data += static_cast<char>((packed.size() >> shift) & 0xFF);
    data += packed;
    data += texts;
    return data;
}

ArticleDocument parse_article_document(std::string_view data) {
    // The form this version writes is read without building a JSON tree; older forms, and
    // anything damaged, by the tree reader.
    if (const auto parts = detail::split_article_document(data))
        if (auto document = detail::read_current_article_document(*parts)) return std::move(*document);
    return detail::read_article_document_tree(data);
}

ArticleDocument detail::read_article_document_tree(std::string_view data) try {
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
    if (const auto spans = header.find("passages"); spans != header.end() && spans->is_array())
        for (const nlohmann::json& entry : *spans)
            if (auto span = read_span(entry)) document.passages.push_back(std::move(*span));
    if (const auto words = header.find("passage_words");
        words != header.end() && words->is_array() && words->size() == document.passages.size())
        for (std::size_t i = 0; i < words->size(); ++i)
            if ((*words)[i].is_number_unsigned()) document.passages[i].words = (*words)[i].get<std::size_t>();
    std::vector<const nlohmann::json*> entities;
    if (const auto named = header.find("entities"); named != header.end() && named->is_array())
        for (const nlohmann::json& entry : *named) entities.push_back(&entry);
    if (const auto mentions = header.find("mentions"); mentions != header.end() && mentions->is_array())
        for (const nlohmann::json& entry : *mentions)
            if (auto mention = read_mention(entry, entities)) document.mentions.push_back(std::move(*mention));
    return document;
} catch (const nlohmann::json::exception&) {
    throw DataError("the stored article document is damaged");
}

std::string article_json_of_document(std::string_view data) {
    if (data.empty()) return {};
    // A damaged document's texts (and a MessagePack header's strings) are not checked for UTF-8:
    // what is not UTF-8 is replaced rather than thrown as nlohmann's type_error.
    return to_json(parse_article_document(data).article).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace newssearch
