#include "searcher/paging.hpp"

#include <algorithm>

namespace newssearch::searcher {

void page_articles(const Xapian::MSet& articles, std::vector<Hit> hits, SearchResults& results) {
    results.total_estimate = articles.get_matches_estimated();
    results.total_is_exact = articles.get_matches_lower_bound() == articles.get_matches_upper_bound();
    results.hits = std::move(hits);
}

void page_stories(const Xapian::MSet& articles, std::size_t stories, std::vector<Hit> hits, SearchResults& results) {
    const bool all_seen = articles.size() >= articles.get_matches_upper_bound();
    const std::size_t copies = articles.size() - stories;
    const std::size_t estimate = articles.get_matches_estimated();
    results.total_is_exact = all_seen;
    results.total_estimate = all_seen ? stories : std::max<std::size_t>(estimate > copies ? estimate - copies : 0, stories);
    results.hits = std::move(hits);
}

void page_passages(const SearchOptions& options, const Xapian::MSet& articles, std::vector<Hit> passages,
                   SearchResults& results) {
    const bool by_relevance = options.sort == SortOrder::relevance;
    std::stable_sort(passages.begin(), passages.end(), [&](const Hit& a, const Hit& b) {
        if (!by_relevance && a.rank != b.rank) return a.rank < b.rank;
        if (a.score != b.score) return a.score > b.score;
        return a.article.id != b.article.id ? a.article.id < b.article.id : a.passage < b.passage;
    });
    // Exact when every matching article was looked at; otherwise as many passages per article
    // as the articles looked at have.
    const bool all_articles = articles.size() >= articles.get_matches_upper_bound();
    results.total_is_exact = all_articles;
    results.total_estimate = all_articles || articles.empty()
                                 ? passages.size()
                                 : passages.size() * articles.get_matches_estimated() / articles.size();
    for (std::size_t i = options.offset; i < passages.size() && i < options.offset + options.limit; ++i) {
        passages[i].rank = i + 1;
        results.hits.push_back(std::move(passages[i]));
    }
}

} // namespace newssearch::searcher
