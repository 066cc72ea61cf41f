#pragma once
// Articles for unit tests that build small indexes.

#include "common/article.hpp"

#include <string>
#include <vector>

namespace newssearch::test {

/// An article with one paragraph per string.
inline Article make_article(const std::string& id, const std::string& title, std::vector<std::string> paragraphs,
                            const std::string& date = "", const std::string& source = "Example News") {
    Article article;
    article.id = id;
    article.title = title;
    article.date = date;
    article.source = source;
    for (auto& text : paragraphs) article.paragraphs.push_back({std::move(text), false});
    return article;
}

} // namespace newssearch::test
