#include "indexer/shard_router.hpp"

#include "common/hash.hpp"
#include "common/errors.hpp"
#include "common/modified_retry.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace newssearch::indexer {
namespace {

/// Operations waiting per shard's writer thread: enough to keep it busy between hand-overs, few
/// enough to bound memory (each holds a prepared article).
constexpr std::size_t queue_per_shard = 4;

std::string shard_folder_name(std::size_t index) { return "shard-" + std::to_string(index); }

bool is_single_database(const std::string& folder) {
    return std::filesystem::exists(folder + "/iamglass") || std::filesystem::exists(folder + "/iamchert");
}

std::string reshard_hint(const std::string& folder, std::size_t has, std::size_t asked) {
    const auto layout = [](std::size_t n) {
        return n <= 1 ? std::string("one database") : std::to_string(n) + " shards";
    };
    return "the index at " + folder + " has " + layout(has) + ", not " + layout(asked) +
           ": changing the number of shards means re-sharding it (docs/SCALING.md, \"Growing from N to M "
           "shards\"), or give the --shards it has";
}

/// Writes the stub file in one step (a new file renamed over the old), so that a searcher never
/// reads half of it.
void write_stub(const std::string& folder, std::size_t shards) {
    const std::string path = stub_path(folder);
    const std::string temporary = path + ".new";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << "# newssearch index in " << shards << " shards (docs/SCALING.md); paths are relative to this file\n";
        for (std::size_t i = 0; i < shards; ++i) out << "auto " << shard_folder_name(i) << '\n';
        out.flush();
        if (!out) throw IndexError("cannot write the shard list " + temporary);
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) throw IndexError("cannot write the shard list " + path + ": " + error.message());
}

} // namespace

std::size_t shard_of(std::string_view article_id, std::size_t shards) {
    std::uint64_t hash = fnv1a_64(article_id);
    // FNV's low bits vary little between similar ids: mix all bits in (MurmurHash3's finaliser).
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    hash *= 0xc4ceb9fe1a85ec53ULL;
    hash ^= hash >> 33;
    return static_cast<std::size_t>(hash % shards);
}

std::string stub_path(const std::string& folder) { return folder + "/XAPIANDB"; }

std::size_t existing_shard_count(const std::string& folder) {
    const std::string path = stub_path(folder);
    if (!std::filesystem::exists(path)) return 0;
    std::ifstream in(path);
    if (!in) throw IndexError("cannot read the shard list " + path);
    std::size_t shards = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') continue;
        if (line != "auto " + shard_folder_name(shards))
            throw IndexError("the shard list " + path + " names databases 'newssearch index' did not create (\"" +
                             line + "\"); index each shard where it lives, with its own --db");
        ++shards;
    }
    if (shards == 0) throw IndexError("the shard list " + path + " lists no shards");
    return shards;
}

ShardedIndexWriter::ShardedIndexWriter(const std::string& folder, std::size_t shards, PassageOptions options) {
    const std::size_t has_shards = existing_shard_count(folder);
    const bool has_single = has_shards == 0 && is_single_database(folder);
    if (shards == 0) shards = has_shards == 0 ? 1 : has_shards;
    if (has_shards != 0 && has_shards != shards) throw IndexError(reshard_hint(folder, has_shards, shards));
    if (has_single && shards > 1) throw IndexError(reshard_hint(folder, 1, shards));

    if (shards == 1 && has_shards == 0) {
        shards_.push_back(std::make_unique<ShardWriter>(std::make_unique<IndexWriter>(folder, options), 0));
        return;
    }
    for (std::size_t i = 0; i < shards; ++i) {
        shard_paths_.push_back(folder + "/" + shard_folder_name(i));
        shards_.push_back(std::make_unique<ShardWriter>(std::make_unique<IndexWriter>(shard_paths_.back(), options),
                                                        queue_per_shard));
    }
    committed_.resize(shards);
    if (has_shards == 0) write_stub(folder, shards);
}

ShardedIndexWriter::~ShardedIndexWriter() = default;

ShardWriter& ShardedIndexWriter::shard_for(std::string_view article_id) {
    return *shards_[shard_of(article_id, shards_.size())];
}

AddOutcome ShardedIndexWriter::add(const Article& article) {
    if (article.id.empty()) throw UsageError("an article without an id cannot be indexed");
    return shard_for(article.id).idle().add(article);
}

void ShardedIndexWriter::write(PreparedArticle&& prepared, const std::string& source_file) {
    if (prepared.article.id.empty()) throw UsageError("an article without an id cannot be indexed");
    ShardWriter& shard = shard_for(prepared.article.id);
    // Written here: the caller keeps the article (and destroys it where it likes).
    if (shard.runs_inline()) {
        (void)shard.idle().write(std::move(prepared), source_file);
        return;
    }
    shard.post([prepared = std::move(prepared), source_file](IndexWriter& writer) mutable {
        (void)writer.write(std::move(prepared), source_file);
    });
}

bool ShardedIndexWriter::remove(const std::string& article_id) {
    return shard_for(article_id).idle().remove(article_id);
}

std::vector<std::string> ShardedIndexWriter::prune() {
    std::vector<std::string> removed;
    for (auto& shard : shards_) {
        std::vector<std::string> ids = shard->idle().prune();
        removed.insert(removed.end(), ids.begin(), ids.end());
    }
    return removed;
}

template <class Read>
auto ShardedIndexWriter::read_committed(std::size_t shard, Read read)
    -> decltype(read(std::declval<const Xapian::Database&>())) {
    std::optional<Xapian::Database>& view = committed_[shard];
    return retry_while_modified(
        [&] {
            if (!view) view.emplace(shard_paths_[shard]);
            return read(*view);
        },
        // Opened afresh, not reopen()ed: a reopen that meets another commit can leave the view's
        // tables at different revisions.
        [&] { view.reset(); });
}

std::optional<FileRecord> ShardedIndexWriter::file_record(const std::string& path) {
    if (shards_.size() == 1) return shards_.front()->idle().file_record(path);
    // Each shard commits on its own, and records a file after its own share of the file's
    // articles: a run stopped between two shards' commits leaves the record in some shards only.
    // The file is done only when every shard says so.
    std::optional<FileRecord> first;
    for (std::size_t shard = 0; shard < shards_.size(); ++shard) {
        std::optional<FileRecord> record =
            read_committed(shard, [&](const Xapian::Database& database) { return read_file_record(database, path); });
        if (!record || (first && record->stamp != first->stamp)) return std::nullopt;
        if (!first) first = std::move(record);
    }
    return first;
}

std::optional<std::string> ShardedIndexWriter::stored_hash(const std::string& article_id) {
    if (shards_.size() == 1) return shards_.front()->idle().stored_hash(article_id);
    return read_committed(shard_of(article_id, shards_.size()),
                          [&](const Xapian::Database& database) { return read_stored_hash(database, article_id); });
}

void ShardedIndexWriter::record_file(const std::string& path, const FileRecord& record) {
    for (auto& shard : shards_)
        shard->post([path, record](IndexWriter& writer) { writer.record_file(path, record); });
}

PrepareSettings ShardedIndexWriter::prepare_settings() { return shards_.front()->idle().prepare_settings(); }

void ShardedIndexWriter::set_gazetteer(const std::string& tsv, const std::string& source) {
    for (auto& shard : shards_) shard->idle().set_gazetteer(tsv, source);
}

void ShardedIndexWriter::set_title_weight(unsigned weight) {
    for (auto& shard : shards_) shard->idle().set_title_weight(weight);
}

void ShardedIndexWriter::set_synonyms(const std::vector<std::vector<std::string>>& groups) {
    for (auto& shard : shards_) shard->idle().set_synonyms(groups);
}

void ShardedIndexWriter::commit() { commit_shards(false); }

void ShardedIndexWriter::checkpoint() { commit_shards(true); }

void ShardedIndexWriter::commit_shards(bool checkpoint) {
    // Every shard gets the name better_entity_name prefers among all shards' names: read once
    // every shard has written what was queued.
    auto names = std::make_shared<std::map<std::string, std::string>>();
    if (shards_.size() > 1) {
        for (auto& shard : shards_)
            for (auto& [key, value] : shard->idle().entity_names()) {
                auto [known, added] = names->try_emplace(key, value);
                if (!added && better_entity_name(parse_entity_name(value), parse_entity_name(known->second)))
                    known->second = std::move(value);
            }
    }
    for (auto& shard : shards_)
        shard->post([names, checkpoint](IndexWriter& writer) {
            writer.add_entity_names(*names);
            if (checkpoint) writer.checkpoint();
            else writer.commit();
        });
    for (auto& shard : shards_) (void)shard->idle();
}

std::size_t ShardedIndexWriter::passages_written() {
    std::size_t passages = 0;
    for (auto& shard : shards_) passages += shard->idle().passages_written();
    return passages;
}

AddCounts ShardedIndexWriter::add_counts() {
    AddCounts total;
    for (auto& shard : shards_) {
        const AddCounts& counts = shard->idle().add_counts();
        total.added += counts.added;
        total.updated += counts.updated;
        total.unchanged += counts.unchanged;
    }
    return total;
}

} // namespace newssearch::indexer
