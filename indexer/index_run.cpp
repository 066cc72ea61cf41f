#include "indexer/index_run.hpp"

#include "common/file_text.hpp"
#include "indexer/shard_router.hpp"
#include "indexer/synonyms.hpp"

#include <chrono>

namespace newssearch::indexer {


IndexRunSummary index_paths(const std::string& database_path, const std::vector<std::string>& paths,
                            const IndexRunOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    IndexRunSummary summary;
    const std::vector<InputFile> files = collect_input_files(paths, summary.problems, options.format);
    summary.files = files.size();

    ShardedIndexWriter writer(database_path, options.shards);
    if (!options.gazetteer_path.empty()) writer.set_gazetteer(read_text_file(options.gazetteer_path, "entity gazetteer"), options.gazetteer_path);
    if (options.title_weight != 0) writer.set_title_weight(options.title_weight);
    if (!options.synonyms_path.empty()) writer.set_synonyms(read_synonym_file(options.synonyms_path, Analyzer()));
    std::size_t since_commit = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        read_articles(files[i], [&](Article&& article) {
            switch (writer.add(article)) {
            case AddOutcome::added: ++summary.added; break;
            case AddOutcome::updated: ++summary.updated; break;
            case AddOutcome::unchanged: ++summary.unchanged; break;
            }
            if (++since_commit >= options.commit_every) {
                writer.commit();
                since_commit = 0;
            }
        }, summary.problems);
        if (options.on_progress) options.on_progress(i + 1, files.size());
    }
    writer.commit();
    summary.passages = writer.passages_written();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

} // namespace newssearch::indexer
