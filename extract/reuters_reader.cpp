#include "extract/reuters_reader.hpp"

#include "common/errors.hpp"
#include "extract/text_decoding.hpp"

#include <array>
#include <optional>

namespace newssearch::extract {
namespace {

/// The contents of the first `<tag ...>...</tag>` in `record`, or nothing.
std::optional<std::string_view> element(std::string_view record, std::string_view tag) {
    std::size_t from = 0;
    for (;;) {
        const std::size_t open = record.find("<" + std::string(tag), from);
        if (open == std::string_view::npos) return std::nullopt;
        const std::size_t after = open + 1 + tag.size();
        if (after < record.size() && (record[after] == '>' || record[after] == ' ')) {
            const std::size_t start = record.find('>', after);
            const std::size_t close = record.find("</" + std::string(tag) + ">", start);
            if (start == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
            return record.substr(start + 1, close - start - 1);
        }
        from = after;
    }
}

std::string attribute(std::string_view record, std::string_view name) {
    const std::size_t end_of_tag = record.find('>');
    const std::string_view tag = record.substr(0, end_of_tag);
    const std::size_t at = tag.find(" " + std::string(name) + "=\"");
    if (at == std::string_view::npos) return {};
    const std::size_t begin = at + name.size() + 3;
    const std::size_t end = tag.find('"', begin);
    return end == std::string_view::npos ? std::string() : std::string(tag.substr(begin, end - begin));
}

void append_code_point(std::string& out, unsigned long code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

/// SGML text to plain text: tags removed, character references decoded, control characters
/// (the wire's &#2;, &#3;, &#31;...) dropped; line breaks kept.
std::string plain_text(std::string_view sgml) {
    std::string out;
    out.reserve(sgml.size());
    for (std::size_t i = 0; i < sgml.size(); ++i) {
        const char c = sgml[i];
        if (c == '<') {
            const std::size_t close = sgml.find('>', i);
            if (close != std::string_view::npos) {
                i = close;
                continue;
            }
        }
        if (c == '&') {
            const std::size_t semicolon = sgml.find(';', i);
            if (semicolon != std::string_view::npos && semicolon - i <= 8) {
                const std::string_view name = sgml.substr(i + 1, semicolon - i - 1);
                std::optional<unsigned long> code;
                if (name == "lt") code = '<';
                else if (name == "gt") code = '>';
                else if (name == "amp") code = '&';
                else if (name == "quot") code = '"';
                else if (name.size() > 1 && name[0] == '#' && name.find_first_not_of("0123456789", 1) == std::string_view::npos)
                    code = std::stoul(std::string(name.substr(1)));
                if (code) {
                    if (*code >= 0x20 && *code <= 0x10FFFF && !(*code >= 0xD800 && *code <= 0xDFFF)) append_code_point(out, *code);
                    i = semicolon;
                    continue;
                }
            }
        }
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') continue;
        out += c;
    }
    return out;
}

/// Drops the closing sign-off line ("Reuter", "REUTER") of a body.
std::string_view without_signoff(std::string_view body) {
    std::size_t end = body.find_last_not_of(" \t\r\n");
    if (end == std::string_view::npos) return {};
    body = body.substr(0, end + 1);
    const std::size_t line_start = body.find_last_of('\n') + 1;
    std::string_view last = body.substr(line_start);
    last.remove_prefix(std::min(last.find_first_not_of(" \t"), last.size()));
    if (last == "Reuter" || last == "REUTER" || last == "Reuters") return body.substr(0, line_start);
    return body;
}

/// "26-FEB-1987 15:01:01.79" -> "1987-02-26"; empty when not in that form.
std::string iso_date(std::string_view text) {
    const std::size_t begin = text.find_first_not_of(" \t\n");
    if (begin == std::string_view::npos) return {};
    text.remove_prefix(begin);
    std::string padded; // " 2-MAR-1987" and "2-MAR-1987": a one-digit day
    if (text.size() > 1 && text[1] == '-') {
        padded = "0" + std::string(text);
        text = padded;
    }
    if (text.size() < 11 || text[2] != '-' || text[6] != '-') return {};
    static constexpr std::array<std::string_view, 12> months{"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                              "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    std::string month;
    for (std::size_t m = 0; m < months.size(); ++m)
        if (text.substr(3, 3) == months[m]) month = (m < 9 ? "0" : "") + std::to_string(m + 1);
    const std::string_view day = text.substr(0, 2);
    const std::string_view year = text.substr(7, 4);
    const auto digits = [](std::string_view s) { return s.find_first_not_of("0123456789") == std::string_view::npos; };
    if (month.empty() || !digits(day) || !digits(year)) return {};
    return std::string(year) + "-" + month + "-" + std::string(day);
}

std::string one_line(std::string_view text) {
    std::string out;
    for (const Paragraph& paragraph : indented_paragraphs(text)) {
        if (!out.empty()) out += ' ';
        out += paragraph.text;
    }
    return out;
}

} // namespace

std::vector<Paragraph> indented_paragraphs(std::string_view text) {
    std::vector<Paragraph> paragraphs;
    std::string current;
    bool pending_space = false;
    const auto flush = [&] {
        if (!current.empty()) paragraphs.push_back({std::move(current), false});
        current.clear();
        pending_space = false;
    };
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        const bool blank = line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
        if (blank || line.front() == ' ' || line.front() == '\t') flush();
        for (const char c : line) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
                pending_space = !current.empty();
                continue;
            }
            if (pending_space) current += ' ';
            pending_space = false;
            current += c;
        }
        pending_space = !current.empty();
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    flush();
    return paragraphs;
}

Article article_from_reuters(std::string_view record) {
    Article article;
    article.id = attribute(record, "NEWID");
    if (article.id.empty()) throw DataError("<REUTERS> record without a NEWID");
    article.source = "Reuters";
    if (const auto date = element(record, "DATE")) article.date = iso_date(*date);
    if (const auto topics = element(record, "TOPICS"))
        if (const auto first = element(*topics, "D")) article.category = plain_text(*first);
    const auto text = element(record, "TEXT");
    if (!text) return article;
    const auto title = element(*text, "TITLE");
    const auto body = element(*text, "BODY");
    if (title) article.title = one_line(plain_text(*title));
    if (body) article.paragraphs = indented_paragraphs(without_signoff(plain_text(*body)));
    else if (!title) article.paragraphs = indented_paragraphs(without_signoff(plain_text(*text)));
    return article;
}

void read_reuters(std::istream& in, const std::string& path, const std::function<void(Article&&)>& on_article,
                  std::vector<InputProblem>& problems, std::vector<InputProblem>* warnings) {
    std::string line;
    std::string record;
    bool in_record = false;
    bool record_too_long = false;
    std::size_t number = 0;
    std::size_t record_line = 0;
    std::size_t records = 0;
    bool too_long = false;
    while (read_bounded_line(in, line, max_record_bytes, too_long)) {
        ++number;
        if (!in_record) {
            if (!line.starts_with("<REUTERS")) continue;
            in_record = true;
            record.clear();
            record_too_long = false;
            record_line = number;
        }
        if (too_long || record.size() + line.size() + 1 > max_record_bytes) {
            record_too_long = true;
            record.clear();
        }
        if (!record_too_long) record.append(line).append(1, '\n');
        if (line.find("</REUTERS>") == std::string::npos) continue;
        in_record = false;
        ++records;
        const std::string where = path + ":" + std::to_string(record_line);
        if (record_too_long) {
            problems.push_back({where, "record longer than " + std::to_string(max_record_bytes) + " bytes"});
            continue;
        }
        DecodedText decoded = decode_text(record);
        if (decoded.converted && warnings) warnings->push_back({where, "not UTF-8: read as Windows-1252"});
        try {
            on_article(article_from_reuters(decoded.text));
        } catch (const DataError& e) {
            problems.push_back({where, e.what()});
        }
    }
    if (in_record) problems.push_back({path + ":" + std::to_string(record_line), "record not closed by </REUTERS>"});
    if (records == 0) problems.push_back({path, "no <REUTERS> records: not a Reuters-21578 SGML file"});
}

} // namespace newssearch::extract
