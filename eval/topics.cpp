#include "eval/topics.hpp"

#include "common/file_text.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "extract/smart_reader.hpp"

#include <fstream>
#include <sstream>
#include <unordered_map>

namespace newssearch::eval {
namespace {

/// A topic with the line it starts on, for messages about duplicates.
struct LocatedTopic {
    Topic topic;
    std::size_t line = 0;
};

/// Calls `on_line(line, number)` for each line of `content`, '\r' of CRLF removed.
template <class OnLine> void for_each_line(std::string_view content, OnLine on_line) {
    std::size_t number = 0;
    while (!content.empty()) {
        const std::size_t end = content.find('\n');
        std::string_view line = content.substr(0, end);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        on_line(line, ++number);
        if (end == std::string_view::npos)
            break;
        content.remove_prefix(end + 1);
    }
}

bool is_comment_or_blank(std::string_view line) {
    const std::string_view content = text::trim(line);
    return content.empty() || content.front() == '#';
}

std::vector<LocatedTopic> parse_tsv(std::string_view content, std::string_view source) {
    std::vector<LocatedTopic> topics;
    for_each_line(content, [&](std::string_view line, std::size_t number) {
        if (is_comment_or_blank(line))
            return;
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos)
            throw DataError(text::located(source, number, "expected 'id<TAB>query'"));
        const std::string_view id = text::trim(line.substr(0, tab));
        if (id.empty() || text::has_space(id))
            throw DataError(text::located(
                source, number, "topic id '" + std::string(id) + "' is empty or has whitespace"));
        std::string query = text::collapse_spaces(line.substr(tab + 1));
        if (query.empty())
            throw DataError(text::located(source, number,
                                            "topic '" + std::string(id) + "' has an empty query"));
        topics.push_back({Topic{std::string(id), std::move(query), {}}, number});
    });
    return topics;
}

using text::iequals;

/// `text` without a leading label such as "Number:" (any case), trimmed.
std::string_view without_label(std::string_view text, std::string_view label) {
    text = text::trim(text);
    if (text.size() >= label.size() && iequals(text.substr(0, label.size()), label))
        text = text::trim(text.substr(label.size()));
    return text;
}

struct TrecTag {
    std::string name; // lower case, without '/'
    bool closing = false;
    std::size_t begin = 0; // offset of '<'
    std::size_t end = 0;   // offset after '>'
    std::size_t line = 0;
};

/// Every `<name>` and `</name>` (letters only) in `content`, in order.
std::vector<TrecTag> scan_tags(std::string_view content) {
    std::vector<TrecTag> tags;
    std::size_t line = 1;
    for (std::size_t i = 0; i < content.size(); ++i) {
        if (content[i] == '\n')
            ++line;
        if (content[i] != '<')
            continue;
        std::size_t j = i + 1;
        const bool closing = j < content.size() && content[j] == '/';
        if (closing)
            ++j;
        std::size_t k = j;
        while (k < content.size() && ((content[k] >= 'a' && content[k] <= 'z') ||
                                      (content[k] >= 'A' && content[k] <= 'Z')))
            ++k;
        if (k == j || k >= content.size() || content[k] != '>')
            continue;
        TrecTag tag{std::string(content.substr(j, k - j)), closing, i, k + 1, line};
        for (char& c : tag.name)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        tags.push_back(std::move(tag));
        i = k;
    }
    return tags;
}

std::vector<LocatedTopic> parse_trec(std::string_view content, std::string_view source) {
    enum class Field { none, num, title, desc, other };
    std::vector<LocatedTopic> topics;
    bool in_top = false;
    std::size_t top_line = 0;
    std::string num, title, desc;
    bool has_num = false;
    Field field = Field::none;
    std::size_t field_begin = 0;

    const auto close_field = [&](std::size_t end) {
        const std::string_view text = content.substr(field_begin, end - field_begin);
        switch (field) {
        case Field::num:
            num.append(text);
            break;
        case Field::title:
            title.append(text).append(1, ' ');
            break;
        case Field::desc:
            desc.append(text).append(1, ' ');
            break;
        case Field::none:
        case Field::other:
            break;
        }
        field = Field::none;
    };
    const auto finish_topic = [&]() {
        const std::string_view id = without_label(num, "Number:");
        if (!has_num || id.empty() || text::has_space(id))
            throw DataError(
                text::located(source, top_line, "topic without a single id in <num>"));
        std::string query = text::collapse_spaces(without_label(title, "Topic:"));
        if (query.empty())
            throw DataError(text::located(source, top_line,
                                            "topic '" + std::string(id) + "' has no <title>"));
        std::string description = text::collapse_spaces(without_label(desc, "Description:"));
        topics.push_back(
            {Topic{extract::normalise_numeric_id(id), std::move(query), std::move(description)},
             top_line});
    };

    for (const TrecTag& tag : scan_tags(content)) {
        if (field != Field::none)
            close_field(tag.begin);
        if (tag.name == "top") {
            if (!tag.closing) {
                if (in_top)
                    throw DataError(
                        text::located(source, tag.line, "<top> inside <top> (missing </top>?)"));
                in_top = true;
                top_line = tag.line;
                num.clear(), title.clear(), desc.clear();
                has_num = false;
            } else {
                if (!in_top)
                    throw DataError(text::located(source, tag.line, "</top> without <top>"));
                finish_topic();
                in_top = false;
            }
            continue;
        }
        if (!in_top) {
            if (tag.name == "num" || tag.name == "title" || tag.name == "desc")
                throw DataError(
                    text::located(source, tag.line, "<" + tag.name + "> outside <top>"));
            continue;
        }
        if (tag.closing)
            continue;
        field_begin = tag.end;
        if (tag.name == "num") {
            field = Field::num;
            has_num = true;
        } else if (tag.name == "title") {
            field = Field::title;
        } else if (tag.name == "desc") {
            field = Field::desc;
        } else {
            field = Field::other;
        }
    }
    if (in_top)
        throw DataError(text::located(source, top_line, "<top> without </top>"));
    return topics;
}

std::vector<LocatedTopic> parse_smart(std::string_view content, std::string_view source,
                                      bool with_title) {
    std::istringstream in{std::string(content)};
    extract::SmartReader reader(in, std::string(source));
    std::vector<LocatedTopic> topics;
    while (auto record = reader.next()) {
        std::string query = text::collapse_spaces(record->text);
        if (query.empty())
            query = record->title;
        else if (with_title && !record->title.empty())
            query = record->title + " " + query;
        if (query.empty())
            throw DataError(
                text::located(source, record->line, "query '" + record->id + "' has no .W text"));
        topics.push_back({Topic{std::move(record->id), std::move(query), {}}, record->line});
    }
    return topics;
}

} // namespace

std::string_view to_string(TopicFormat format) {
    switch (format) {
    case TopicFormat::automatic:
        return "auto";
    case TopicFormat::tsv:
        return "tsv";
    case TopicFormat::trec:
        return "trec";
    case TopicFormat::smart:
        return "smart";
    }
    return "auto";
}

TopicFormat parse_topic_format(std::string_view name) {
    for (const TopicFormat format :
         {TopicFormat::automatic, TopicFormat::tsv, TopicFormat::trec, TopicFormat::smart})
        if (name == to_string(format))
            return format;
    throw UsageError("unknown topic format '" + std::string(name) +
                     "' (expected auto, tsv, trec or smart)");
}

TopicFormat detect_topic_format(std::string_view content) {
    TopicFormat format = TopicFormat::tsv;
    bool decided = false;
    for_each_line(content, [&](std::string_view line, std::size_t) {
        if (decided || is_comment_or_blank(line))
            return;
        decided = true;
        const std::string_view text = text::trim(line);
        if (text.front() == '<')
            format = TopicFormat::trec;
        else if (text.size() >= 2 && text.substr(0, 2) == ".I" &&
                 (text.size() == 2 || text::is_space(text[2])))
            format = TopicFormat::smart;
    });
    return format;
}

std::vector<Topic> parse_topics(std::string_view content, std::string_view source,
                                const TopicReadOptions& options) {
    const TopicFormat format =
        options.format == TopicFormat::automatic ? detect_topic_format(content) : options.format;
    std::vector<LocatedTopic> located;
    switch (format) {
    case TopicFormat::trec:
        located = parse_trec(content, source);
        break;
    case TopicFormat::smart:
        located = parse_smart(content, source, options.smart_title);
        break;
    case TopicFormat::automatic:
    case TopicFormat::tsv:
        located = parse_tsv(content, source);
        break;
    }

    std::vector<Topic> topics;
    topics.reserve(located.size());
    std::unordered_map<std::string, std::size_t> first_line;
    for (LocatedTopic& entry : located) {
        if (options.number_by_position) {
            entry.topic.id = std::to_string(topics.size() + 1);
        } else if (const auto [seen, inserted] = first_line.emplace(entry.topic.id, entry.line);
                   !inserted) {
            throw DataError(text::located(source, entry.line,
                                            "duplicate topic id '" + entry.topic.id +
                                                "' (first at line " + std::to_string(seen->second) +
                                                ")"));
        }
        topics.push_back(std::move(entry.topic));
    }
    return topics;
}

std::vector<Topic> read_topics(const std::filesystem::path& path, const TopicReadOptions& options) {
    return parse_topics(read_text_file(path, "topics file"), path.string(), options);
}

} // namespace newssearch::eval
