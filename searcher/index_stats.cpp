#include "searcher/index_stats.hpp"

#include "common/entities/stored_gazetteer.hpp"
#include "common/errors.hpp"
#include "common/schema.hpp"
#include "searcher/read_retry.hpp"
#include "searcher/shard_set.hpp"

#include <xapian.h>

#include <filesystem>

namespace newssearch::searcher {
namespace {

std::size_t count_metadata(const Xapian::Database& database, std::string_view prefix) {
    std::size_t count = 0;
    const std::string key(prefix);
    for (auto it = database.metadata_keys_begin(key); it != database.metadata_keys_end(key); ++it) ++count;
    return count;
}

std::uintmax_t folder_bytes(const std::string& path) {
    std::uintmax_t bytes = 0;
    std::error_code error;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error))
        if (entry.is_regular_file(error)) bytes += entry.file_size(error);
    return bytes;
}

IndexStats read_stats_once(const std::string& path) {
    Xapian::Database database;
    try {
        database = Xapian::Database(path);
    } catch (const Xapian::DatabaseModifiedError&) {
        throw; // a commit under the opening: read_index_stats tries again
    } catch (const Xapian::DatabaseError& e) {
        throw IndexError("cannot open the index at " + path + ": " + e.get_msg() +
                         " (is it a newssearch index? create one with 'newssearch index')");
    }
    IndexStats stats;
    stats.path = path;
    stats.schema = database.get_metadata(std::string(schema::schema_version_key));
    stats.passages = count_passages(database);
    stats.articles = count_metadata(database, schema::hash_key_prefix);
    // Metadata keys of a combined database are its first shard's: count articles shard by shard.
    if (const std::vector<ShardSpec> shards = resolve_shards(path); shards.size() > 1) {
        stats.articles = 0;
        for (const ShardSpec& shard : shards) {
            const Xapian::Database one = open_shards({shard}, {}).database;
            stats.shards.push_back({shard.name(), count_metadata(one, schema::hash_key_prefix), count_passages(one)});
            stats.articles += stats.shards.back().articles;
        }
    }
    stats.source_files = count_metadata(database, schema::file_key_prefix);
    for (auto it = database.allterms_begin(); it != database.allterms_end(); ++it) ++stats.terms;
    stats.bytes = folder_bytes(path);
    stats.updated = database.get_metadata(std::string(schema::updated_key));
    if (stats.schema.empty() && database.get_doccount() > 0) {
        stats.compatible = false;
        stats.problem = "the database at " + path + " was not built by newssearch";
    } else if (!stats.schema.empty() && !schema::readable_version(stats.schema)) {
        stats.compatible = false;
        stats.problem = "the index at " + path + " was built by an incompatible newssearch (schema " + stats.schema +
                        ", this one reads " + schema::readable_versions() +
                        "); delete it and run 'newssearch index' again";
    }
    if (stats.compatible) {
        stats.gazetteer_entries = entities::read_stored_gazetteer(database, "the index's gazetteer").size();
    }
    return stats;
}

} // namespace

IndexStats read_index_stats(const std::string& path) {
    if (!std::filesystem::exists(path))
        throw IndexError("no index at " + path + ": create one with 'newssearch index FILE_OR_FOLDER...'");
    // Counting terms walks the whole index; when an index run's commits discard the revision
    // being read, everything is read again from a fresh open, so the figures come from one commit.
    return read_retrying(path, [&] { return read_stats_once(path); }, [] {});
}

std::size_t count_passages(const Xapian::Database& database) {
    double passages = 0;
    for (auto it = database.valuestream_begin(schema::slot_passage_count);
         it != database.valuestream_end(schema::slot_passage_count); ++it)
        passages += Xapian::sortable_unserialise(*it);
    return static_cast<std::size_t>(passages);
}

} // namespace newssearch::searcher
