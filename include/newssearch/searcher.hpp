#pragma once
/// Searching a newssearch index from a program: Searcher (one per thread) and SearcherPool
/// (shared by threads).
///
/// Thread safety: a Searcher is not thread-safe; use one per thread, or share one SearcherPool,
/// whose calls are all thread-safe. Both see what an Index (in this or another process) commits:
/// every call first moves to the index's latest committed revision.

#include <newssearch/export.hpp>
#include <newssearch/types.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch {

/// The order `text` names: "relevance", "date" (oldest first) or "-date" (newest first), as the
/// command line's --sort and the HTTP API's sort= take it. Throws UsageError for anything else.
[[nodiscard]] NEWSSEARCH_API SortOrder parse_sort_order(std::string_view text);

/// Checks `options` against the limits SearchOptions documents, as Searcher::search does first:
/// throws UsageError naming what is wrong. For callers that build requests ahead of searching.
NEWSSEARCH_API void validate(const SearchOptions& options);

/// Read-only access to one index. Not thread-safe: one Searcher per thread. Movable; a moved-from
/// Searcher may only be destroyed or assigned to.
class NEWSSEARCH_API Searcher {
  public:
    /// Opens the index at `path`: a folder, a sharded folder, a Xapian stub file, or a
    /// comma-separated list of those (remote shards included). Throws IndexError when there is
    /// none, or it is damaged, or it was built by an incompatible version, or a shard is down
    /// (unless options.allow_partial).
    explicit Searcher(const std::string& path, const SearcherOptions& options = {});
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Runs a request against the latest committed revision: the one search pipeline that the
    /// command line, the HTTP service and batch evaluation run too. Throws UsageError for a
    /// request outside the limits SearchOptions documents, or with nothing to search for;
    /// IndexError when the index cannot be read.
    [[nodiscard]] SearchResults search(const SearchOptions& options);

    /// The article with this id, as indexed, with its entities; nothing when there is none.
    /// Throws UsageError for an empty id.
    [[nodiscard]] std::optional<StoredArticle> article(const std::string& id);

    /// Where the words of `query` (the query language of search()) occur in `article`: the
    /// highlighter that marks hits' snippets and titles, over the whole article, for an article
    /// view. Terms under NOT and filters are not marked; a blank or unreadable query marks
    /// nothing (no exception).
    [[nodiscard]] ArticleHighlights highlight(const Article& article, const std::string& query);

    /// Number of articles in the index (as of the latest committed revision).
    [[nodiscard]] std::size_t article_count();

    /// Number of passages in the index (as of the latest committed revision).
    [[nodiscard]] std::size_t passage_count();

    /// Up to `limit` completions of the last word of `text` for a search box, most frequent
    /// first: index words and entity names that start with it. Nothing when `text` is empty or
    /// ends with a space. Reads only the term list, so it is quick enough for every keystroke.
    [[nodiscard]] std::vector<Suggestion> suggest(const std::string& text, std::size_t limit = 8);

    /// The folder the index is in.
    [[nodiscard]] const std::string& path() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Searchers for one index shared by many threads: each call leases an idle Searcher (opening
/// a new one when all are busy) and gives it back afterwards. All member functions are
/// thread-safe.
class NEWSSEARCH_API SearcherPool {
  public:
    /// Opens the index at `path` (throws like Searcher's constructor). At most `max_idle`
    /// Searchers are kept open between calls.
    explicit SearcherPool(const std::string& path, std::size_t max_idle = 8);
    ~SearcherPool();
    SearcherPool(const SearcherPool&) = delete;
    SearcherPool& operator=(const SearcherPool&) = delete;

    /// As Searcher::search.
    [[nodiscard]] SearchResults search(const SearchOptions& options);
    /// As Searcher::article.
    [[nodiscard]] std::optional<StoredArticle> article(const std::string& id);
    /// As Searcher::highlight.
    [[nodiscard]] ArticleHighlights highlight(const Article& article, const std::string& query);
    /// As Searcher::article_count.
    [[nodiscard]] std::size_t article_count();
    /// As Searcher::suggest.
    [[nodiscard]] std::vector<Suggestion> suggest(const std::string& text, std::size_t limit = 8);

    /// Searchers open now and idle (for tests and monitoring).
    [[nodiscard]] std::size_t idle_count() const;

  private:
    class Lease;
    std::string path_;
    std::size_t max_idle_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Searcher>> idle_;
};

} // namespace newssearch
