#include "common/article_document_reader.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>

namespace newssearch::detail {
namespace {

/// The events of one header, in the order the writer emits them, into an ArticleDocument. Any
/// event the current format does not produce returns false, which stops the parse: the caller
/// then reads the header as a tree, the way every older form is read.
class HeaderReader : public nlohmann::json_sax<nlohmann::json> {
  public:
    /// The document read, with each text's length in `paragraph_bytes` / `caption_bytes`.
    ArticleDocument document;
    std::vector<std::size_t> paragraph_bytes;
    std::vector<std::size_t> caption_bytes;
    std::vector<std::size_t> passage_words;
    std::vector<std::array<std::string, 3>> entities;       ///< key, canonical, type
    std::vector<std::array<std::size_t, 4>> mention_indexes; ///< passage, entity, begin, end

    bool start_object(std::size_t) override {
        if (depth_ == 0) return enter();
        if (depth_ == 2 && list_ == List::paragraphs) {
            document.article.paragraphs.emplace_back();
            paragraph_bytes.push_back(0);
        } else if (depth_ == 2 && list_ == List::captions) {
            document.article.captions.emplace_back();
            caption_bytes.push_back(0);
        } else {
            return false;
        }
        return enter();
    }

    bool end_object() override { return leave(); }

    bool start_array(std::size_t elements) override {
        if (depth_ == 1) {
            list_ = list_named(key_);
            // A list given twice would be read twice here; the tree reader keeps the last one.
            if (list_ == List::none || lists_read_[static_cast<std::size_t>(list_)]) return false;
            lists_read_[static_cast<std::size_t>(list_)] = true;
            // MessagePack says how many elements follow (JSON does not: -1), within reason.
            if (elements <= max_reserved) reserve(elements);
            return enter();
        }
        if (depth_ != 2) return false;
        element_ = 0;
        if (list_ == List::passages) document.passages.emplace_back();
        else if (list_ == List::entities) entities.emplace_back();
        else if (list_ == List::mentions) mention_indexes.emplace_back();
        else return false;
        return enter();
    }

    bool end_array() override {
        if (depth_ == 2) list_ = List::none;
        // A tuple must be whole: [kind, begin, end(, caption)], [key, canonical, type], four numbers.
        if (depth_ == 3 && list_ == List::passages && element_ != 3 && element_ != 4) return false;
        if (depth_ == 3 && list_ == List::entities && element_ != 3) return false;
        if (depth_ == 3 && list_ == List::mentions && element_ != 4) return false;
        return leave();
    }

    bool key(string_t& name) override {
        // A key this reader does not know fails at its value (no field, no list takes it).
        (depth_ == 1 ? key_ : field_) = std::move(name);
        return true;
    }

    bool string(string_t& value) override {
        if (depth_ == 1) {
            std::string* field = article_field(key_);
            if (field == nullptr) return false;
            *field = std::move(value);
            return true;
        }
        if (depth_ == 3 && list_ == List::captions && field_ == "credit") {
            document.article.captions.back().credit = std::move(value);
            return true;
        }
        if (depth_ == 3 && list_ == List::passages && element_ == 0) {
            document.passages.back().kind = std::move(value);
            ++element_;
            return true;
        }
        if (depth_ == 3 && list_ == List::entities && element_ < 3) {
            entities.back()[element_++] = std::move(value);
            return true;
        }
        return false;
    }

    bool number_unsigned(number_unsigned_t value) override {
        // Most numbers are mentions' and passages': their lists are told apart before any key.
        const auto number = static_cast<std::size_t>(value);
        if (depth_ == 3 && list_ == List::mentions && element_ < 4) {
            mention_indexes.back()[element_++] = number;
            return true;
        }
        if (depth_ == 3 && list_ == List::passages && element_ >= 1 && element_ <= 3) {
            PassageSpan& span = document.passages.back();
            (element_ == 1 ? span.begin : element_ == 2 ? span.end : span.caption) = number;
            ++element_;
            return true;
        }
        if (depth_ == 2 && list_ == List::passage_words) {
            passage_words.push_back(number);
            return true;
        }
        if (depth_ == 3 && list_ == List::paragraphs && field_ == "bytes") {
            paragraph_bytes.back() = number;
            return true;
        }
        if (depth_ == 3 && list_ == List::captions && field_ == "bytes") {
            caption_bytes.back() = number;
            return true;
        }
        return false;
    }

    bool boolean(bool value) override {
        if (depth_ != 3 || list_ != List::paragraphs || field_ != "heading") return false;
        document.article.paragraphs.back().heading = value;
        return true;
    }

    bool null() override { // an undated article
        if (depth_ != 1 || key_ != "date") return false;
        document.article.date.clear(); // a later value wins, as in the tree reader
        return true;
    }

    bool number_integer(number_integer_t) override { return false; } // only negative numbers come here
    bool number_float(number_float_t, const string_t&) override { return false; }
    bool binary(binary_t&) override { return false; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  private:
    enum class List { none, paragraphs, captions, passages, passage_words, entities, mentions };

    static List list_named(std::string_view name) {
        if (name == "paragraphs") return List::paragraphs;
        if (name == "captions") return List::captions;
        if (name == "passages") return List::passages;
        if (name == "passage_words") return List::passage_words;
        if (name == "entities") return List::entities;
        if (name == "mentions") return List::mentions;
        return List::none;
    }

    std::string* article_field(std::string_view name) {
        Article& article = document.article;
        if (name == "id") return &article.id;
        if (name == "title") return &article.title;
        if (name == "subtitle") return &article.subtitle;
        if (name == "author") return &article.author;
        if (name == "date") return &article.date;
        if (name == "source") return &article.source;
        if (name == "category") return &article.category;
        if (name == "url") return &article.url;
        if (name == "language") return &article.language;
        return nullptr;
    }

    /// Room for `elements` entries in the list being read.
    void reserve(std::size_t elements) {
        switch (list_) {
        case List::paragraphs:
            document.article.paragraphs.reserve(elements);
            paragraph_bytes.reserve(elements);
            break;
        case List::captions:
            document.article.captions.reserve(elements);
            caption_bytes.reserve(elements);
            break;
        case List::passages: document.passages.reserve(elements); break;
        case List::passage_words: passage_words.reserve(elements); break;
        case List::entities: entities.reserve(elements); break;
        case List::mentions: mention_indexes.reserve(elements); break;
        case List::none: break;
        }
    }
    static constexpr std::size_t max_reserved = 100000; ///< a damaged count reserves no more

    bool enter() { return ++depth_ <= 3; }
    bool leave() { return depth_-- > 0; }

    int depth_ = 0;      ///< 1 inside the header, 2 inside one of its lists, 3 inside a list's entry
    List list_ = List::none;
    std::array<bool, 7> lists_read_{}; ///< each List already read
    std::string key_;    ///< the header's key being read
    std::string field_;  ///< the key being read inside a paragraph or caption
    std::size_t element_ = 0; ///< the next element of a tuple (passage, entity, mention)
};

} // namespace

std::optional<StoredDocumentParts> split_article_document(std::string_view data) {
    if (!data.empty() && data.front() == packed_header_mark) {
        if (data.size() < 5) return std::nullopt;
        std::uint32_t length = 0;
        for (int i = 4; i >= 1; --i) length = (length << 8) | static_cast<unsigned char>(data[i]);
        if (length > data.size() - 5) return std::nullopt;
        return StoredDocumentParts{data.substr(5, length), data.substr(5 + length), true};
    }
    const std::size_t newline = data.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;
    return StoredDocumentParts{data.substr(0, newline), data.substr(newline + 1), false};
}

std::optional<ArticleDocument> read_current_article_document(const StoredDocumentParts& parts) {
    HeaderReader reader;
    const std::string_view header = parts.header;
    const bool read = parts.packed ? nlohmann::json::sax_parse(header.data(), header.data() + header.size(), &reader,
                                                               nlohmann::json::input_format_t::msgpack)
                                   : nlohmann::json::sax_parse(header, &reader);
    if (!read) return std::nullopt;
    const std::string_view texts = parts.texts;
    ArticleDocument& document = reader.document;
    std::size_t offset = 0;
    const auto take = [&](std::string& text, std::size_t bytes) {
        if (bytes > texts.size() - offset) return false;
        text.assign(texts.substr(offset, bytes));
        offset += bytes;
        return true;
    };
    for (std::size_t i = 0; i < reader.paragraph_bytes.size(); ++i)
        if (!take(document.article.paragraphs[i].text, reader.paragraph_bytes[i])) return std::nullopt;
    for (std::size_t i = 0; i < reader.caption_bytes.size(); ++i)
        if (!take(document.article.captions[i].text, reader.caption_bytes[i])) return std::nullopt;
    if (reader.passage_words.size() == document.passages.size())
        for (std::size_t i = 0; i < document.passages.size(); ++i) document.passages[i].words = reader.passage_words[i];
    // A mention of an entity the header does not list is dropped, as the tree reader drops it.
    document.mentions.reserve(reader.mention_indexes.size());
    for (const auto& [passage, entity, begin, end] : reader.mention_indexes) {
        if (entity >= reader.entities.size()) continue;
        const auto& [key, canonical, type] = reader.entities[entity];
        document.mentions.push_back({passage, key, canonical, type, begin, end});
    }
    return std::move(reader.document);
}

} // namespace newssearch::detail
