#include <newssearch/searcher.hpp>

namespace newssearch {

/// One Searcher taken from the pool for one call, given back (or closed when the pool has
/// enough idle ones) when the call ends, also by an exception.
class SearcherPool::Lease {
  public:
    explicit Lease(SearcherPool& pool) : pool_(pool) {
        {
            const std::lock_guard lock(pool_.mutex_);
            if (!pool_.idle_.empty()) {
                searcher_ = std::move(pool_.idle_.back());
                pool_.idle_.pop_back();
            }
        }
        // Opening takes a while: not under the lock.
        if (!searcher_) searcher_ = std::make_unique<Searcher>(pool_.path_);
    }
    ~Lease() {
        const std::lock_guard lock(pool_.mutex_);
        if (pool_.idle_.size() < pool_.max_idle_) pool_.idle_.push_back(std::move(searcher_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    Searcher* operator->() { return searcher_.get(); }

  private:
    SearcherPool& pool_;
    std::unique_ptr<Searcher> searcher_;
};

SearcherPool::SearcherPool(const std::string& path, std::size_t max_idle)
    : path_(path), max_idle_(max_idle == 0 ? 1 : max_idle) {
    // Opened now, so that a missing or damaged index is reported here.
    idle_.push_back(std::make_unique<Searcher>(path_));
}

SearcherPool::~SearcherPool() = default;

SearchResults SearcherPool::search(const SearchOptions& options) { return Lease(*this)->search(options); }

std::optional<StoredArticle> SearcherPool::article(const std::string& id) { return Lease(*this)->article(id); }

ArticleHighlights SearcherPool::highlight(const Article& article, const std::string& query) {
    return Lease(*this)->highlight(article, query);
}

std::size_t SearcherPool::article_count() { return Lease(*this)->article_count(); }

std::vector<Suggestion> SearcherPool::suggest(const std::string& text, std::size_t limit) {
    return Lease(*this)->suggest(text, limit);
}

std::size_t SearcherPool::idle_count() const {
    const std::lock_guard lock(mutex_);
    return idle_.size();
}

} // namespace newssearch
