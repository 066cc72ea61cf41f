#include <newssearch/searcher.hpp>

#include "api/xapian_guard.hpp"
#include "common/article_json.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/search_limits.hpp"
#include "searcher/searcher.hpp"
#include "searcher/stored_article.hpp"
#include "searcher/suggest.hpp"

#include <nlohmann/json.hpp>

namespace newssearch {

SortOrder parse_sort_order(std::string_view text) { return searcher::parse_sort_order(text); }

void validate(const SearchOptions& options) { searcher::validate(options); }

struct Searcher::Impl {
    std::string path;
    searcher::Searcher searcher;

    Impl(const std::string& index_path, const SearcherOptions& options)
        : path(index_path), searcher(index_path, options) {}

    /// Runs `read` at the latest committed revision (and again at a newer one when a writer
    /// commits under it: searcher::Searcher::read_latest).
    template <typename Read>
    auto latest(Read&& read) -> decltype(read()) {
        return api::guard_xapian(path, [&] {
            searcher.refresh();
            return searcher.read_latest(read);
        });
    }
};

Searcher::Searcher(const std::string& path, const SearcherOptions& options) {
    if (path.empty()) throw UsageError("no index path given");
    impl_ = api::guard_xapian(path, [&] { return std::make_unique<Impl>(path, options); });
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

const std::string& Searcher::path() const { return impl_->path; }

SearchResults Searcher::search(const SearchOptions& options) {
    // searcher::Searcher::search checks the request and reads again by itself when a writer
    // commits under it.
    return api::guard_xapian(impl_->path, [&] {
        impl_->searcher.refresh();
        return impl_->searcher.search(options);
    });
}

std::optional<StoredArticle> Searcher::article(const std::string& id) {
    if (id.empty()) throw UsageError("no article id given");
    return impl_->latest([&]() -> std::optional<StoredArticle> {
        const Xapian::Database& database = impl_->searcher.database();
        const std::string damaged = "the index at " + impl_->path + " holds a damaged copy of article " + id;
        std::string json;
        try {
            json = searcher::stored_article_json(database, id);
        } catch (const DataError&) {
            throw IndexError(damaged);
        }
        if (json.empty()) return std::nullopt;
        const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
        if (parsed.is_discarded()) throw IndexError(damaged);
        StoredArticle stored{article_from_json(parsed), {}};
        stored.entities = searcher::stored_article_entities(database, id);
        return stored;
    });
}

ArticleHighlights Searcher::highlight(const Article& article, const std::string& query) {
    return impl_->latest([&] { return impl_->searcher.highlight(article, query); });
}

std::size_t Searcher::article_count() {
    return impl_->latest([&] {
        // Every indexed article has a content hash, also one without passages.
        const Xapian::Database& database = impl_->searcher.database();
        const std::string prefix(schema::hash_key_prefix);
        std::size_t count = 0;
        for (auto it = database.metadata_keys_begin(prefix); it != database.metadata_keys_end(prefix); ++it) ++count;
        return count;
    });
}

std::size_t Searcher::passage_count() {
    return impl_->latest([&] { return impl_->searcher.passage_count(); });
}

std::vector<Suggestion> Searcher::suggest(const std::string& text, std::size_t limit) {
    if (limit == 0 || limit > 100) throw UsageError("a suggestion limit must be between 1 and 100");
    return impl_->latest([&] { return searcher::suggest(impl_->searcher.database(), text, limit); });
}

} // namespace newssearch
