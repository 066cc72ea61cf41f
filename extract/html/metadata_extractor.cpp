#include "extract/html/metadata_extractor.hpp"
#include "common/text.hpp"

#include "extract/cleaning_rules.hpp"
#include "extract/date_parser.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace newssearch::extract::html {
namespace {

std::string lower(std::string_view s) { return text::ascii_lower(s); }

/// Facts gathered from <meta> tags, keyed by lower-case property/name/itemprop.
struct Metas {
    std::vector<std::pair<std::string, std::string>> entries;

    std::string get(std::string_view key) const {
        for (const auto& [k, v] : entries)
            if (k == key && !v.empty()) return v;
        return {};
    }
};

std::string first_string(const nlohmann::json& value, const char* key) {
    if (!value.is_object()) return {};
    const auto it = value.find(key);
    if (it == value.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array() && !it->empty() && (*it)[0].is_string()) return (*it)[0].get<std::string>();
    return {};
}

/// Name(s) of a JSON-LD person or organisation value: "X", {"name": "X"}, or a list of them.
std::string names_of(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object()) return first_string(value, "name");
    std::string out;
    if (value.is_array())
        for (const auto& item : value) {
            const std::string name = names_of(item);
            if (name.empty()) continue;
            if (!out.empty()) out += ", ";
            out += name;
        }
    return out;
}

bool is_article_type(const nlohmann::json& object) {
    const auto it = object.find("@type");
    if (it == object.end()) return false;
    const auto matches = [](const nlohmann::json& type) {
        if (!type.is_string()) return false;
        const std::string name = type.get<std::string>();
        return name.find("Article") != std::string::npos || name == "BlogPosting" || name == "Report" ||
               name == "LiveBlogPosting";
    };
    if (it->is_array()) return std::any_of(it->begin(), it->end(), matches);
    return matches(*it);
}

/// The first Article-like object of a JSON-LD value (top level, list or @graph), iteratively.
const nlohmann::json* find_article(const nlohmann::json& root) {
    std::vector<const nlohmann::json*> stack{&root};
    while (!stack.empty()) {
        const nlohmann::json* value = stack.back();
        stack.pop_back();
        if (value->is_array()) {
            for (auto it = value->rbegin(); it != value->rend(); ++it) stack.push_back(&*it);
        } else if (value->is_object()) {
            if (is_article_type(*value)) return value;
            if (const auto graph = value->find("@graph"); graph != value->end()) stack.push_back(&*graph);
        }
    }
    return nullptr;
}

std::string date_of(std::string_view value) {
    const auto date = parse_date_line(collapse_whitespace(value));
    return date ? *date : std::string();
}

bool names_contain(const GumboNode* node, std::initializer_list<std::string_view> words) {
    const std::string names = lower(std::string(attribute(node, "class")) + " " + std::string(attribute(node, "id")));
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return names.find(w) != std::string::npos; });
}

} // namespace

std::string normalize_language(std::string_view tag) {
    std::string out;
    for (const char c : collapse_whitespace(tag)) {
        if (c == '_' || c == '-') out += '-';
        else if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else return {};
    }
    if (out.size() < 2 || out.size() > 35 || !std::isalpha(static_cast<unsigned char>(out[0]))) return {};
    return out;
}

PageMetadata extract_metadata(const HtmlDocument& document) {
    PageMetadata meta;
    Metas metas;
    std::string html_title, canonical, lang, h1, rel_author, itemprop_author, itemprop_date, time_date,
        subtitle_element, byline_text;
    std::size_t h1_count = 0;
    // Class-name guesses read the element's text: try a few, so a page of nested matches
    // stays linear.
    int subtitle_tries = 8, byline_tries = 8;
    const nlohmann::json* article = nullptr;
    std::vector<nlohmann::json> json_ld; // owns the parsed values `article` points into

    for (const GumboNode* node : document.elements()) {
        const GumboTag tag = node->v.element.tag;
        switch (tag) {
        case GUMBO_TAG_HTML:
            if (lang.empty()) lang = normalize_language(attribute(node, "lang"));
            if (lang.empty()) lang = normalize_language(attribute(node, "xml:lang"));
            break;
        case GUMBO_TAG_TITLE:
            if (html_title.empty()) html_title = text_content(node);
            break;
        case GUMBO_TAG_META: {
            std::string key = lower(attribute(node, "property"));
            if (key.empty()) key = lower(attribute(node, "name"));
            if (key.empty()) key = lower(attribute(node, "itemprop"));
            if (key.empty()) key = lower(attribute(node, "http-equiv"));
            if (!key.empty()) metas.entries.emplace_back(key, collapse_whitespace(attribute(node, "content")));
            if (lower(attribute(node, "itemprop")) == "datepublished" && itemprop_date.empty())
                itemprop_date = date_of(attribute(node, "content"));
            break;
        }
        case GUMBO_TAG_LINK:
            if (lower(attribute(node, "rel")) == "canonical" && canonical.empty())
                canonical = collapse_whitespace(attribute(node, "href"));
            break;
        case GUMBO_TAG_SCRIPT:
            if (lower(attribute(node, "type")) == "application/ld+json" && node->v.element.children.length > 0) {
                const auto* text = static_cast<const GumboNode*>(node->v.element.children.data[0]);
                if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA || text->type == GUMBO_NODE_WHITESPACE) {
                    auto value = nlohmann::json::parse(text->v.text.text, nullptr, false);
                    if (!value.is_discarded()) json_ld.push_back(std::move(value));
                }
            }
            break;
        case GUMBO_TAG_H1:
            if (++h1_count == 1) h1 = text_content(node);
            break;
        case GUMBO_TAG_TIME:
            if (time_date.empty()) {
                time_date = date_of(attribute(node, "datetime"));
                if (time_date.empty()) time_date = date_of(text_content(node));
            }
            break;
        default:
            break;
        }
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_HEAD) continue;
        const std::string itemprop = lower(attribute(node, "itemprop"));
        if (itemprop_author.empty() && itemprop == "author") {
            const std::string text = text_content(node);
            if (text.size() < 100) itemprop_author = byline_name("By " + text).value_or(text);
        }
        if (itemprop_date.empty() && itemprop == "datepublished") {
            itemprop_date = date_of(attribute(node, "datetime"));
            if (itemprop_date.empty()) itemprop_date = date_of(attribute(node, "content"));
            if (itemprop_date.empty()) itemprop_date = date_of(text_content(node));
        }
        if (rel_author.empty() && tag == GUMBO_TAG_A && lower(attribute(node, "rel")) == "author") {
            const std::string text = text_content(node);
            if (is_personal_name(text)) rel_author = text;
        }
        if (tag != GUMBO_TAG_SCRIPT && subtitle_element.empty() && subtitle_tries > 0 &&
            names_contain(node, {"standfirst", "subtitle", "sub-title", "subheadline", "sub-headline", "strapline"})) {
            --subtitle_tries;
            const std::string text = text_content(node);
            if (word_count(text) >= 4 && word_count(text) <= 60) subtitle_element = text;
        }
        if (byline_text.empty() && byline_tries > 0 && names_contain(node, {"byline", "author"})) {
            --byline_tries;
            const std::string text = text_content(node);
            if (text.size() <= 200) byline_text = text;
        }
    }
    for (const auto& value : json_ld)
        if ((article = find_article(value))) break;

    // Title: og:title, JSON-LD headline, a single <h1>, <title>; site suffixes removed.
    const std::string site = metas.get("og:site_name");
    std::string title = metas.get("og:title");
    if (title.empty() && article) title = first_string(*article, "headline");
    if (title.empty() && h1_count == 1) title = h1;
    std::string suffix_source;
    if (title.empty() && !html_title.empty()) {
        const TitleParts parts = site_suffix_split(html_title, site);
        title = parts.title;
        suffix_source = parts.source;
    } else if (!title.empty()) {
        title = site_suffix_split(title, site).title;
    }
    meta.title = collapse_whitespace(title);

    if (article) meta.subtitle = first_string(*article, "alternativeHeadline");
    if (meta.subtitle.empty()) meta.subtitle = subtitle_element;
    meta.subtitle = collapse_whitespace(meta.subtitle);

    // Author: meta author (a URL is a profile link, not a name), JSON-LD, itemprop, rel, byline.
    std::string author = metas.get("author");
    if (author.empty()) author = metas.get("article:author");
    if (author.starts_with("http")) author.clear();
    if (author.empty() && article && article->contains("author")) author = names_of((*article)["author"]);
    if (author.empty()) author = itemprop_author;
    if (author.empty()) author = rel_author;
    if (author.empty() && !byline_text.empty()) author = byline_name(byline_text).value_or("");
    meta.author = collapse_whitespace(author);

    // Date: the most explicit statement first.
    for (const std::string& candidate :
         {date_of(metas.get("article:published_time")),
          article ? date_of(first_string(*article, "datePublished")) : std::string(), itemprop_date, time_date,
          date_of(metas.get("date")), date_of(metas.get("pubdate")), date_of(metas.get("publishdate")),
          date_of(metas.get("dc.date.issued")), date_of(metas.get("dc.date")), date_of(metas.get("sailthru.date")),
          date_of(byline_text)}) {
        if (!candidate.empty()) {
            meta.date = candidate;
            break;
        }
    }

    meta.source = site;
    if (meta.source.empty() && article && article->contains("publisher")) meta.source = names_of((*article)["publisher"]);
    if (meta.source.empty()) meta.source = suffix_source;
    if (meta.source.empty() && !html_title.empty()) meta.source = site_suffix_split(html_title, "").source;
    meta.source = collapse_whitespace(meta.source);

    meta.category = metas.get("article:section");
    if (meta.category.empty() && article) meta.category = collapse_whitespace(first_string(*article, "articleSection"));

    meta.url = !canonical.empty() ? canonical : metas.get("og:url");

    meta.language = lang;
    if (meta.language.empty()) meta.language = normalize_language(metas.get("content-language"));
    if (meta.language.empty()) meta.language = normalize_language(metas.get("language"));
    if (meta.language.empty()) meta.language = normalize_language(metas.get("og:locale"));

    if (article) meta.json_ld_body = first_string(*article, "articleBody");
    return meta;
}

} // namespace newssearch::extract::html
