#pragma once
/// What an index holds, for `newssearch stats`: counts, size on disk, when it was last updated,
/// and whether this newssearch can read it.

#include <cstddef>
#include <cstdint>
#include <xapian.h>
#include <string>
#include <vector>

namespace newssearch::searcher {

/// One shard of a sharded index (searcher/shard_set.hpp).
struct ShardStats {
    std::string name;           ///< path or HOST:PORT
    std::size_t articles = 0;
    std::size_t passages = 0;
};

struct IndexStats {
    std::string path;
    std::size_t articles = 0;
    std::size_t passages = 0;       ///< the articles' passages
    std::size_t terms = 0;          ///< distinct terms (words, stems, filters)
    std::uintmax_t bytes = 0;       ///< size of the index folder's files
    std::string updated;            ///< last commit, "YYYY-MM-DDTHH:MM:SSZ" UTC; empty if unknown
    std::string schema;             ///< schema version stored in the index; empty if none
    bool compatible = true;         ///< this newssearch can search it
    std::string problem;            ///< why not, in words a user can act on (when !compatible)
    std::size_t gazetteer_entries = 0; ///< entities in the gazetteer stored in the index
    std::size_t source_files = 0;   ///< source files remembered for incremental runs
    std::vector<ShardStats> shards; ///< each shard, when the index has more than one database
};

/// Reads the statistics of the index at `path`. An index from an incompatible schema is described
/// (compatible false, problem set) rather than rejected; a missing or unreadable one throws
/// IndexError like open_database().
[[nodiscard]] IndexStats read_index_stats(const std::string& path);

/// How many passages the articles of `database` have (one value per article, summed).
[[nodiscard]] std::size_t count_passages(const Xapian::Database& database);

} // namespace newssearch::searcher
