#pragma once
/// Searching a newssearch database, in stages with data between them: validate the request
/// (search_limits), parse and plan it (search_plan), match articles in ranks, correcting the
/// spelling when no article has all the words (matcher), group copies of a story (copies), rank
/// each article's passages into hits with snippets (hit_builder), and page them and count facets
/// (paging, facets). The library's
/// newssearch::Searcher (api/) is the door every caller uses; this class is what it opens.

#include "common/analyzer.hpp"
#include "common/errors.hpp"
#include "searcher/entity_names.hpp"
#include "searcher/facets.hpp"
#include "searcher/highlighter.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/read_retry.hpp"
#include "searcher/shard_set.hpp"

#include <newssearch/types.hpp>

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::searcher {

/// Not thread-safe: use one Searcher per thread (each opens its own database handle).
class Searcher {
  public:
    /// Opens the index `path` read-only: a folder, a sharded folder, a stub file, or a
    /// comma-separated list of those (searcher/shard_set.hpp). Throws IndexError when there is no
    /// index there, or it is damaged, or it was built by an incompatible version, or a shard is
    /// down (unless shard_options.allow_partial).
    explicit Searcher(const std::string& path, ShardOpenOptions shard_options = {});
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Runs a request. All words must match unless the query says otherwise; when no article has
    /// them all, articles with some of them are returned, with a notice. Throws UsageError for a
    /// request out of its limits (searcher/search_limits.hpp) or with nothing to search for.
    [[nodiscard]] SearchResults search(const SearchOptions& options);

    /// Number of passages in the index.
    [[nodiscard]] std::size_t passage_count() const;

    /// Where `query`'s words occur in `article` (searcher/article_highlights.hpp), read with this
    /// index's entity names and synonyms.
    [[nodiscard]] ArticleHighlights highlight(const Article& article, std::string_view query) const;

    /// Moves to the latest committed revision of the index, so that a long-lived Searcher (a
    /// server's) sees what an indexer has committed since it opened. Returns true when the index
    /// had changed. Cheap when nothing changed: call it before each request.
    bool refresh();

    /// The open database, for read-only lookups (articles, vocabulary) beside searching.
    [[nodiscard]] const Xapian::Database& database() const { return database_; }

    /// Runs `read` (which reads database()) and returns what it returns. An index run that
    /// commits while we read invalidates the revision being read: then it moves to the newest
    /// revision and reads again; a run committing small batches can do that more than once, so
    /// after max_read_attempts it gives up with an IndexError.
    template <typename Read>
    auto read_latest(Read&& read) -> decltype(read()) {
        return read_retrying(path_, read, [this] { refresh(); });
    }

  private:
    SearchResults run(const SearchOptions& options);

    /// After a network error: names the failing shards, or leaves them out when partial
    /// results are allowed. Throws IndexError when they are not.
    void drop_failing_shards(const Xapian::Error& error);
    void rebuild_query_side();
    /// rebuild_query_side() at the newest revision, reading again when commits discard the one
    /// being read.
    void load_query_side();
    /// Moves to the newest committed revision; true when it changed. When commits discard that
    /// revision while it is being opened, opens the index afresh.
    bool reopen_latest();
    [[nodiscard]] bool has_remote_shard() const;
    /// Counts facets of `query`'s articles into `spy` where a match spy cannot run (remote shards).
    void remote_facets(const Xapian::Query& query, ArticleFacetSpy& spy) const;

    std::string path_;
    ShardOpenOptions shard_options_;
    OpenShards shards_;
    Xapian::Database database_;
    Analyzer analyzer_;
    std::shared_ptr<const entities::EntityRecognizer> recognizer_; ///< with the index's own gazetteer
    std::unique_ptr<QueryBuilder> query_builder_;
    StemmedTerms stemmed_terms_{analyzer_}; ///< kept across searches: most words recur
    EntityNames entity_names_; ///< kept while the index stays at one revision
};

/// Opens an index read-only with newssearch's error messages (used by Searcher and tools); `path`
/// as for Searcher.
[[nodiscard]] Xapian::Database open_database(const std::string& path);

/// Opens an index's shards (searcher/shard_set.hpp) and checks it is a newssearch index.
[[nodiscard]] OpenShards open_index(const std::string& path, const ShardOpenOptions& options);

/// The entity recogniser for queries on `database`: the gazetteer the index was built with.
[[nodiscard]] std::shared_ptr<const entities::EntityRecognizer> index_recognizer(const Xapian::Database& database);

/// The entities the index knows, with how many articles mention each, most mentioned first;
/// `type` ("person", "place", "organisation", "other") narrows the list when not empty. `remote`:
/// the database has remote shards (their counts then come from matches, stored_entities).
[[nodiscard]] std::vector<FacetCount> known_entities(const Xapian::Database& database, const std::string& type = "",
                                                   bool remote = false);

} // namespace newssearch::searcher
