#include "indexer/index_run.hpp"

#include "common/file_text.hpp"
#include "indexer/article_preparer.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/shard_router.hpp"
#include "indexer/ordered_work.hpp"
#include "indexer/synonyms.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>
#include <unordered_map>

namespace newssearch::indexer {
namespace {

/// What the workers hand the writer: the prepared articles of (part of) one input file.
struct FileWork {
    std::size_t file = 0; ///< index into the run's file list
    std::vector<PreparedArticle> articles;
    std::vector<extract::InputProblem> problems;
    std::vector<extract::InputProblem> warnings;
    bool ends_file = false; ///< the file's last piece: the writer may record it
};

/// Pieces of work in flight per worker: enough to keep them busy while the writer commits (a
/// commit takes as long as preparing a few hundred articles; measured in docs/INDEXING.md).
constexpr std::size_t pieces_per_worker = 64;
/// Bytes of input text in flight at most (beyond one piece), whatever the pieces: bounds memory
/// when articles are large.
constexpr std::size_t max_bytes_in_flight = 8u << 20;

/// What an article weighs in flight: its text's bytes.
std::size_t text_bytes(const Article& article) {
    std::size_t bytes = article.title.size();
    for (const Paragraph& paragraph : article.paragraphs) bytes += paragraph.text.size();
    for (const Caption& caption : article.captions) bytes += caption.text.size();
    return bytes;
}

/// Formats with one article per file are read and cleaned on a worker; the others are parsed on
/// the writer's thread (cheap) and only their articles' analysis goes to the workers.
bool one_article_per_file(extract::InputFormat format) { return format == extract::InputFormat::scrape_text || format == extract::InputFormat::html; }

/// What the writer keeps about a file from its listing until its last article is written.
struct FileInFlight {
    std::string path;                ///< absolute: the key of its record in the index
    std::optional<FileStamp> stamp;  ///< taken before reading it
};

class Run {
  public:
    Run(const std::string& database_path, const std::vector<std::string>& paths, const IndexRunOptions& options)
        : options_(options), writer_(database_path, options.shards), paths_(paths) {
        // Files are walked as they are indexed, never listed whole; only the progress display
        // needs their number up front.
        if (options.on_progress) progress_.files_total = extract::count_input_files(paths, options.format);
        if (!options.gazetteer_path.empty())
            writer_.set_gazetteer(read_text_file(options.gazetteer_path, "entity gazetteer"), options.gazetteer_path);
        if (options.title_weight != 0) writer_.set_title_weight(options.title_weight);
        if (!options.synonyms_path.empty()) writer_.set_synonyms(read_synonym_file(options.synonyms_path, Analyzer()));
    }

    IndexRunSummary run() {
        index_files();
        if (options_.prune) summary_.removed += writer_.prune().size();
        for (const std::string& id : options_.delete_ids) {
            if (writer_.remove(id)) ++summary_.removed;
            else summary_.problems.push_back({id, "no article with this id in the index"});
        }
        writer_.commit();
        // Shards write on threads of their own: what the writes did is known once all are done.
        const AddCounts counts = writer_.add_counts();
        summary_.added = counts.added;
        summary_.updated = counts.updated;
        summary_.unchanged += counts.unchanged;
        summary_.passages = writer_.passages_written();
        return std::move(summary_);
    }

  private:
    void index_files() {
        std::size_t threads = options_.threads != 0 ? options_.threads : std::thread::hardware_concurrency();
        if (threads == 0) threads = 1;
        const PrepareSettings settings = writer_.prepare_settings();
        for (std::size_t i = 0; i < threads; ++i) preparers_.push_back(std::make_unique<ArticlePreparer>(settings));

        // One thread: everything inline, in order (no worker to wait for).
        OrderedWork<FileWork> work(threads == 1 ? 0 : threads, threads * pieces_per_worker,
                                   [this](FileWork&& done) { consume(std::move(done)); }, max_bytes_in_flight);
        extract::InputWalker walker(paths_, options_.format);
        for (std::size_t i = 0;; ++i) {
            std::optional<extract::InputFile> file = walker.next(summary_.problems);
            if (!file) {
                summary_.not_articles = walker.not_articles();
                break;
            }
            ++summary_.files;
            std::error_code error;
            const std::filesystem::path absolute = std::filesystem::absolute(file->path, error).lexically_normal();
            FileInFlight& state = in_flight_[i];
            state.path = error ? file->path : absolute.string();
            state.stamp = file_stamp(state.path);
            // With a default source, unchanged files are read again: the source given may be new
            // (an article whose content, source included, is unchanged still costs only a hash).
            if (const auto record = writer_.file_record(state.path);
                options_.default_source.empty() && record && state.stamp && record->stamp == *state.stamp) {
                summary_.unchanged += record->article_ids.size();
                progress_.articles_done += record->article_ids.size();
                in_flight_.erase(i);
                report_file_done();
                continue;
            }
            if (one_article_per_file(file->format)) {
                // Such a file's article is named after the file: its stored hash is known before
                // the worker reads it.
                std::optional<std::string> stored = writer_.stored_hash(file->id);
                const std::size_t bytes = state.stamp ? static_cast<std::size_t>(state.stamp->size) : 0;
                work.submit([this, i, file = std::move(*file), stored = std::move(stored)](std::size_t worker) {
                    FileWork piece{i, {}, {}, {}, true};
                    extract::read_articles(file, [&](Article&& article) {
                        const bool same_id = article.id == file.id;
                        piece.articles.push_back(prepare(worker, std::move(article), same_id ? stored : std::nullopt));
                    }, piece.problems, &piece.warnings);
                    return piece;
                }, bytes);
                continue;
            }
            std::vector<extract::InputProblem> problems;
            std::vector<extract::InputProblem> warnings;
            extract::read_articles(*file, [&](Article&& article) {
                std::optional<std::string> stored = writer_.stored_hash(article.id);
                const std::size_t bytes = text_bytes(article);
                work.submit([this, i, article = std::move(article), stored = std::move(stored)](std::size_t worker) mutable {
                    FileWork piece{i, {}, {}, {}, false};
                    piece.articles.push_back(prepare(worker, std::move(article), stored));
                    return piece;
                }, bytes);
            }, problems, &warnings);
            work.submit([i, problems = std::move(problems), warnings = std::move(warnings)](std::size_t) mutable {
                return FileWork{i, {}, std::move(problems), std::move(warnings), true};
            });
        }
        work.finish();
    }

    /// `stored`: the article's content hash in the index, looked up by the writer's thread (an
    /// unchanged article is not analysed again).
    PreparedArticle prepare(std::size_t worker, Article article, const std::optional<std::string>& stored) const {
        if (article.source.empty()) article.source = options_.default_source;
        return preparers_[worker]->prepare(std::move(article), stored ? &*stored : nullptr);
    }

    /// On the writer's thread, in input order.
    void consume(FileWork&& piece) {
        const FileInFlight& file = in_flight_.at(piece.file);
        for (PreparedArticle& prepared : piece.articles) {
            file_ids_.push_back(prepared.article.id);
            writer_.write(std::move(prepared), file.path);
            ++progress_.articles_done;
            if (++since_commit_ >= options_.commit_every) {
                writer_.checkpoint();
                since_commit_ = 0;
            }
        }
        file_has_problems_ = file_has_problems_ || !piece.problems.empty();
        summary_.problems.insert(summary_.problems.end(), piece.problems.begin(), piece.problems.end());
        summary_.warnings.insert(summary_.warnings.end(), piece.warnings.begin(), piece.warnings.end());
        if (!piece.ends_file) return;
        // A file with problems is read again next time, so its problems are reported again.
        if (!file_has_problems_ && file.stamp) writer_.record_file(file.path, FileRecord{*file.stamp, file_ids_});
        file_ids_.clear();
        file_has_problems_ = false;
        in_flight_.erase(piece.file);
        report_file_done();
    }

    void report_file_done() {
        ++progress_.files_done;
        // Files that appeared after the count was taken.
        progress_.files_total = std::max(progress_.files_total, progress_.files_done);
        if (options_.on_progress) options_.on_progress(progress_);
    }

    const IndexRunOptions& options_;
    ShardedIndexWriter writer_;
    IndexRunSummary summary_;
    std::vector<std::string> paths_; ///< the files and folders to index, as given
    /// Files listed but not yet written, by their number in the walk: only the few in flight.
    std::unordered_map<std::size_t, FileInFlight> in_flight_;
    std::vector<std::unique_ptr<ArticlePreparer>> preparers_; ///< one per worker
    std::vector<std::string> file_ids_; ///< articles of the file being written
    bool file_has_problems_ = false;
    std::size_t since_commit_ = 0;
    IndexProgress progress_;
};

} // namespace

IndexRunSummary index_paths(const std::string& database_path, const std::vector<std::string>& paths,
                            const IndexRunOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    IndexRunSummary summary = Run(database_path, paths, options).run();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

} // namespace newssearch::indexer
