#include "server/search_request.hpp"

#include <newssearch/searcher.hpp>

#include "common/errors.hpp"
#include "common/text.hpp"

#include <algorithm>
#include <charconv>

namespace newssearch::server {
namespace {

RequestError bad_request(const std::string& message) {
    return RequestError(400, message);
}

/// The single value of `name`, or nullptr when absent; repeated: 400.
const std::string* single(const Params& params, const std::string& name) {
    const auto [first, last] = params.equal_range(name);
    if (first == last)
        return nullptr;
    if (std::next(first) != last)
        throw bad_request("parameter \"" + name + "\" is given more than once");
    return &first->second;
}

std::size_t number(const Params& params, const std::string& name, std::size_t fallback) {
    const std::string* text = single(params, name);
    if (!text)
        return fallback;
    std::size_t value = 0;
    const char* end = text->data() + text->size();
    const auto [stop, error] = std::from_chars(text->data(), end, value);
    if (text->empty() || error != std::errc() || stop != end)
        throw bad_request("parameter \"" + name + "\" must be a whole number, not \"" + *text +
                          "\"");
    return value;
}

bool flag(const Params& params, const std::string& name) {
    const std::string* text = single(params, name);
    if (!text || *text == "0" || *text == "false")
        return false;
    if (text->empty() || *text == "1" || *text == "true")
        return true;
    throw bad_request("parameter \"" + name + "\" must be 1, 0, true or false");
}

std::string query_text(const Params& params, const RequestLimits& limits) {
    const std::string* q = single(params, "q");
    if (!q)
        return {};
    if (q->size() > limits.max_query_bytes)
        throw RequestError(413, "the query is longer than " +
                                    std::to_string(limits.max_query_bytes) + " bytes");
    for (const char c : *q)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
            throw bad_request("the query contains a control character");
    return *q;
}

bool is_entity_key(const std::string& key) {
    if (key.empty() || key.size() > 200)
        return false;
    for (const char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

} // namespace

SearchOptions parse_search_request(const Params& params, const RequestLimits& limits) {
    SearchOptions options;
    options.query = query_text(params, limits);
    for (auto [it, last] = params.equal_range("source"); it != last; ++it) {
        const std::string& source = it->second;
        if (source.empty() || source.size() > 200 || source.find_first_of("\r\n") != std::string::npos)
            throw bad_request("parameter \"source\" must be a source name on one line");
        options.sources.push_back(source);
    }
    for (auto [it, last] = params.equal_range("category"); it != last; ++it) {
        const std::string& category = it->second;
        if (category.empty() || category.size() > 200 || category.find_first_of("\r\n") != std::string::npos)
            throw bad_request("parameter \"category\" must be a category name on one line");
        options.categories.push_back(category);
    }
    for (auto [it, last] = params.equal_range("entity"); it != last; ++it) {
        if (!is_entity_key(it->second))
            throw bad_request("parameter \"entity\" must be an entity key such as sergei_lavrov (a-z, 0-9, _)");
        options.entities.push_back(it->second);
    }
    if (options.sources.size() + options.entities.size() + options.categories.size() > limits.max_filters)
        throw bad_request("at most " + std::to_string(limits.max_filters) + " source, category and entity filters");
    if (const std::string* like = single(params, "like")) {
        if (like->empty() || like->size() > 512 || like->find_first_of("\r\n") != std::string::npos)
            throw bad_request("parameter \"like\" must be an article id");
        options.like = *like;
    }
    if (text::is_blank(options.query) && options.sources.empty() && options.entities.empty() &&
        options.categories.empty() && options.like.empty())
        throw bad_request("parameter \"q\" is required");

    options.limit = number(params, "limit", options.limit);
    options.offset = number(params, "offset", options.offset);
    options.passages = flag(params, "passages");
    options.collapse_copies = !flag(params, "all_copies");
    options.facets = flag(params, "facets");
    options.dated_only = flag(params, "dated_only");
    options.facet_size = number(params, "facet_size", options.facet_size);
    if (const std::string* since = single(params, "since")) options.since = *since;
    if (const std::string* until = single(params, "until")) options.until = *until;
    if (const std::string* sort = single(params, "sort")) {
        try {
            options.sort = parse_sort_order(*sort);
        } catch (const UsageError& e) {
            throw bad_request(e.what());
        }
    }
    return options;
}

SuggestRequest parse_suggest_request(const Params& params, const RequestLimits& limits) {
    SuggestRequest request;
    request.query = query_text(params, limits);
    if (!single(params, "q"))
        throw bad_request("parameter \"q\" is required");
    request.limit = number(params, "limit", 8);
    if (request.limit < 1 || request.limit > 50)
        throw bad_request("parameter \"limit\" must be between 1 and 50");
    return request;
}

std::string parse_article_id(const std::string& id) {
    if (id.empty() || id.size() > 512)
        throw RequestError(404, "no such article");
    for (const char c : id)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throw RequestError(404, "no such article");
    return id;
}

} // namespace newssearch::server
