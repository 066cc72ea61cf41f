#include "extract/jsonl_reader.hpp"

#include "common/errors.hpp"

#include <nlohmann/json.hpp>

namespace newssearch::extract {
namespace {

std::string text_field(const nlohmann::json& record, const char* name) {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) return {};
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (!it->is_string()) throw DataError(std::string("field \"") + name + "\" is not a string");
    return it->get<std::string>();
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

int two_digits(std::string_view text, std::size_t at) {
    if (text[at] < '0' || text[at] > '9' || text[at + 1] < '0' || text[at + 1] > '9') return -1;
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

} // namespace

std::string iso_date_prefix(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return {};
    for (std::size_t i : {0u, 1u, 2u, 3u})
        if (text[i] < '0' || text[i] > '9') return {};
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const int month = two_digits(text, 5);
    const int day = two_digits(text, 8);
    if (month < 1 || month > 12 || day < 1) return {};
    static constexpr int days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > days_in_month[month - 1] || (month == 2 && day == 29 && !leap)) return {};
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return {};
    return std::string(text.substr(0, 10));
}

Article article_from_json_line(std::string_view line, const std::string& fallback_id) {
    nlohmann::json record;
    try {
        record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
        // parse_error for broken syntax, out_of_range for numbers no double can hold (1E999).
        throw DataError(std::string("not valid JSON: ") + e.what());
    }
    if (!record.is_object()) throw DataError("not a JSON object");

    Article article;
    article.id = trimmed(text_field(record, "id"));
    if (article.id.empty()) article.id = fallback_id;
    article.title = trimmed(text_field(record, "title"));
    article.subtitle = trimmed(text_field(record, "subtitle"));
    article.author = trimmed(text_field(record, "author"));
    article.date = iso_date_prefix(trimmed(text_field(record, "date")));
    article.source = trimmed(text_field(record, "source"));
    article.category = trimmed(text_field(record, "category"));
    article.url = trimmed(text_field(record, "url"));

    const std::string body = text_field(record, "body");
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t stop = body.find('\n', start);
        if (stop == std::string::npos) stop = body.size();
        std::string paragraph = trimmed(std::string_view(body).substr(start, stop - start));
        if (!paragraph.empty()) article.paragraphs.push_back(Paragraph{std::move(paragraph), false});
        start = stop + 1;
    }
    if (article.title.empty() && article.paragraphs.empty()) throw DataError("neither title nor body");
    return article;
}

} // namespace newssearch::extract
