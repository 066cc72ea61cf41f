#include <newssearch/index.hpp>

#include "api/xapian_guard.hpp"
#include "common/errors.hpp"
#include "indexer/index_run.hpp"
#include "indexer/shard_router.hpp"

#include <optional>

namespace newssearch {

struct Index::Impl {
    std::string path;
    /// Closed only while add_files runs its own writer. A sharded index (index --shards N) is
    /// written through its shards, each article to the shard its id hashes to, as `newssearch
    /// index` writes it; a new index is one database.
    std::optional<indexer::ShardedIndexWriter> writer;

    indexer::ShardedIndexWriter& open_writer() {
        if (!writer) api::guard_xapian(path, [&] { writer.emplace(path, 0); });
        return *writer;
    }
};

Index::Index(const std::string& path) : impl_(std::make_unique<Impl>()) {
    if (path.empty()) throw UsageError("no index path given");
    impl_->path = path;
    impl_->open_writer();
}

Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

const std::string& Index::path() const { return impl_->path; }

AddOutcome Index::add(const Article& article) {
    if (article.id.empty()) throw UsageError("an article without an id cannot be indexed");
    const bool has_text = !article.title.empty() || !article.paragraphs.empty() || !article.captions.empty();
    if (!has_text) throw UsageError("article \"" + article.id + "\" has neither a title nor any text");
    indexer::ShardedIndexWriter& writer = impl_->open_writer();
    const indexer::AddOutcome outcome = api::guard_xapian(impl_->path, [&] { return writer.add(article); });
    switch (outcome) {
    case indexer::AddOutcome::added: return AddOutcome::added;
    case indexer::AddOutcome::updated: return AddOutcome::updated;
    case indexer::AddOutcome::unchanged: break;
    }
    return AddOutcome::unchanged;
}

bool Index::remove(const std::string& id) {
    if (id.empty()) throw UsageError("no article id given");
    indexer::ShardedIndexWriter& writer = impl_->open_writer();
    return api::guard_xapian(impl_->path, [&] { return writer.remove(id); });
}

void Index::commit() {
    indexer::ShardedIndexWriter& writer = impl_->open_writer();
    api::guard_xapian(impl_->path, [&] { writer.commit(); });
}

IndexSummary Index::add_files(const std::vector<std::string>& paths, const AddFilesOptions& options) {
    if (paths.empty()) throw UsageError("no files or folders to index");
    indexer::IndexRunOptions run_options;
    run_options.format = extract::parse_input_format(options.format);
    run_options.gazetteer_path = options.gazetteer_path;
    // The run writes through its own writer (the index allows one): hand it the lock.
    commit();
    impl_->writer.reset();
    // When the run fails, the writer is reopened on the next call.
    const indexer::IndexRunSummary run =
        api::guard_xapian(impl_->path, [&] { return indexer::index_paths(impl_->path, paths, run_options); });
    impl_->open_writer();

    IndexSummary summary;
    summary.files = run.files;
    summary.added = run.added;
    summary.updated = run.updated;
    summary.unchanged = run.unchanged;
    summary.passages = run.passages;
    for (const extract::InputProblem& problem : run.problems) summary.problems.push_back({problem.where, problem.reason});
    return summary;
}

} // namespace newssearch
