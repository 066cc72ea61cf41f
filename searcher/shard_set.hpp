#pragma once
/// The databases an index is made of, and opening them as one Xapian::Database. A --db value is
/// one or more comma-separated items, each an index folder, a sharded index folder (one with a
/// Xapian stub file XAPIANDB, as 'newssearch index --shards N' writes) or a Xapian stub file.
/// Stub files use Xapian's own syntax: "auto PATH" (relative to the stub file's folder),
/// "glass PATH", "chert PATH", "remote HOST:PORT" (a xapian-tcpsrv) and "remote :PROGRAM ARGS".
/// Remote shards are opened with Xapian::Remote::open and a timeout, so a shard that is down or
/// does not answer is an error naming it, or, when allowed, is left out (a partial result).

#include <newssearch/types.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace newssearch::searcher {

/// One database of an index.
struct ShardSpec {
    enum class Kind { local, remote_tcp, remote_program };
    Kind kind = Kind::local;
    std::string path;  ///< local: the database; remote_program: the program to run
    std::string args;  ///< remote_program: its arguments
    std::string host;  ///< remote_tcp
    unsigned port = 0; ///< remote_tcp

    /// How messages name it: the path, "HOST:PORT" or the program.
    [[nodiscard]] std::string name() const;
    [[nodiscard]] bool remote() const { return kind != Kind::local; }
};

/// The databases a --db value names, stub files read (one level: a local stub entry stays one
/// database, which Xapian opens with its own shards). Throws IndexError when an item does not
/// exist or a stub file has a line Xapian would not accept.
[[nodiscard]] std::vector<ShardSpec> resolve_shards(const std::string& db);

/// How shards are opened: the library's SearcherOptions (include/newssearch/types.hpp).
using ShardOpenOptions = SearcherOptions;

/// An index opened as one database.
struct OpenShards {
    Xapian::Database database;            ///< every shard that opened, in order
    std::vector<ShardSpec> shards;        ///< the shards in `database`
    std::vector<std::string> unavailable; ///< "NAME (why)" for each shard left out
};

/// Opens the databases of `shards`. A shard that fails throws IndexError naming it, unless
/// options.allow_partial, when it is listed in `unavailable` (all failing still throws).
[[nodiscard]] OpenShards open_shards(const std::vector<ShardSpec>& shards, const ShardOpenOptions& options);

/// Adds to `open.database` a small in-memory database holding only the synonym table stored in
/// the index's metadata (schema::synonym_table_key): Xapian 1.4's remote backend cannot read
/// synonyms, so without it queries over remote shards would lose them. No-op without remote shards.
void add_synonyms_for_remote_shards(OpenShards& open);

/// Whether any shard of `open` is served remotely (every read there is a round trip).
[[nodiscard]] bool has_remote_shard(const OpenShards& open);

/// Checks each remote shard in `open` with a fresh connection and returns "NAME (why)" for those
/// that fail: after a search failed with a network error, which shard it was.
[[nodiscard]] std::vector<std::string> failing_remote_shards(const OpenShards& open, const ShardOpenOptions& options);

} // namespace newssearch::searcher
