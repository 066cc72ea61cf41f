#include "searcher/eval/passage_fusion.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace newssearch::eval {

double fuse_scores(std::span<const double> scores, const PassageFusion& fusion) {
    double total = 0.0;
    double weight = 1.0;
    const std::size_t count = std::min(scores.size(), std::max<std::size_t>(fusion.passages, 1));
    for (std::size_t i = 0; i < count; ++i) {
        total += weight * scores[i];
        weight *= fusion.decay;
    }
    return total;
}

std::vector<ScoredArticle> rank_articles(std::span<const ScoredPassage> passages,
                                         const PassageFusion& fusion, std::size_t depth) {
    std::unordered_map<std::string, std::vector<double>> by_article;
    for (const ScoredPassage& passage : passages)
        by_article[passage.article_id].push_back(passage.score);

    std::vector<ScoredArticle> articles;
    articles.reserve(by_article.size());
    for (auto& [id, scores] : by_article) {
        std::sort(scores.begin(), scores.end(), std::greater<>());
        articles.push_back({id, fuse_scores(scores, fusion)});
    }
    std::sort(articles.begin(), articles.end(), [](const ScoredArticle& a, const ScoredArticle& b) {
        return a.score != b.score ? a.score > b.score : a.article_id < b.article_id;
    });
    if (articles.size() > depth)
        articles.resize(depth);
    return articles;
}

} // namespace newssearch::eval
