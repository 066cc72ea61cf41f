#include "searcher/shard_set.hpp"

#include "common/errors.hpp"
#include "common/modified_retry.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace newssearch::searcher {
namespace {

namespace fs = std::filesystem;

bool is_single_database_folder(const fs::path& folder) {
    return fs::exists(folder / "iamglass") || fs::exists(folder / "iamchert");
}

/// Reads a stub file with the syntax of Xapian 1.4's own reader: "TYPE VALUE" lines, '#' comments.
void read_stub(const fs::path& stub, std::vector<ShardSpec>& shards) {
    std::ifstream in(stub);
    if (!in) throw IndexError("cannot read the stub file " + stub.string());
    const fs::path base = stub.parent_path();
    std::string line;
    unsigned line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const std::size_t space = line.find(' ');
        const std::string type = line.substr(0, space);
        const std::string value = space == std::string::npos ? std::string() : line.substr(space + 1);
        const std::string where = stub.string() + ":" + std::to_string(line_number);
        ShardSpec shard;
        if ((type == "auto" || type == "glass" || type == "chert") && !value.empty()) {
            const fs::path path(value);
            shard.path = (path.is_absolute() ? path : base / path).lexically_normal().string();
        } else if (type == "remote" && value.starts_with(":")) {
            shard.kind = ShardSpec::Kind::remote_program;
            const std::size_t args = value.find(' ');
            shard.path = value.substr(1, args == std::string::npos ? std::string::npos : args - 1);
            if (args != std::string::npos) shard.args = value.substr(args + 1);
        } else if (type == "remote" && value.rfind(':') != std::string::npos) {
            shard.kind = ShardSpec::Kind::remote_tcp;
            const std::size_t colon = value.rfind(':');
            shard.host = value.substr(0, colon);
            if (shard.host.size() > 2 && shard.host.front() == '[' && shard.host.back() == ']')
                shard.host = shard.host.substr(1, shard.host.size() - 2);
            const std::string port = value.substr(colon + 1);
            char* end = nullptr;
            const unsigned long number = std::strtoul(port.c_str(), &end, 10);
            if (port.empty() || *end != '\0' || number == 0 || number > 65535 || shard.host.empty())
                throw IndexError(where + ": \"" + line + "\" is not remote HOST:PORT");
            shard.port = static_cast<unsigned>(number);
        } else {
            throw IndexError(where + ": \"" + line +
                             "\" is not a stub file line (auto PATH, glass PATH, remote HOST:PORT, remote :PROGRAM ARGS)");
        }
        shards.push_back(std::move(shard));
    }
}

void resolve_item(const std::string& item, std::vector<ShardSpec>& shards) {
    const fs::path path(item);
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status))
        throw IndexError("no index at " + item + ": create one with 'newssearch index FILE_OR_FOLDER...'");
    if (fs::is_directory(status) && !is_single_database_folder(path) && fs::exists(path / "XAPIANDB")) {
        read_stub(path / "XAPIANDB", shards);
    } else if (fs::is_regular_file(status)) {
        read_stub(path, shards);
    } else {
        shards.push_back(ShardSpec{ShardSpec::Kind::local, item, {}, {}, 0});
    }
}

Xapian::Database open_one(const ShardSpec& shard, const ShardOpenOptions& options) {
    const auto timeout = static_cast<useconds_t>(options.remote_timeout_ms);
    switch (shard.kind) {
    case ShardSpec::Kind::remote_tcp: return Xapian::Remote::open(shard.host, shard.port, timeout, timeout);
    case ShardSpec::Kind::remote_program: return Xapian::Remote::open(shard.path, shard.args, timeout);
    case ShardSpec::Kind::local: break;
    }
    return Xapian::Database(shard.path);
}

std::string why(const Xapian::Error& e) {
    const std::string type = e.get_type();
    if (type == "NetworkTimeoutError") return "did not answer in time: " + e.get_msg();
    if (type == "NetworkError") return "unreachable: " + e.get_msg();
    return e.get_msg();
}

} // namespace

std::string ShardSpec::name() const {
    switch (kind) {
    case Kind::remote_tcp: return host + ":" + std::to_string(port);
    case Kind::remote_program: return path + (args.empty() ? "" : " " + args);
    case Kind::local: break;
    }
    return path;
}

std::vector<ShardSpec> resolve_shards(const std::string& db) {
    std::vector<ShardSpec> shards;
    // A path that exists is one item even when it has a comma in it.
    if (db.find(',') == std::string::npos || fs::exists(fs::path(db))) {
        resolve_item(db, shards);
        return shards;
    }
    std::size_t begin = 0;
    while (begin <= db.size()) {
        const std::size_t comma = std::min(db.find(',', begin), db.size());
        const std::string item = db.substr(begin, comma - begin);
        if (item.empty()) throw UsageError("--db \"" + db + "\" has an empty item between commas");
        resolve_item(item, shards);
        begin = comma + 1;
    }
    return shards;
}

OpenShards open_shards(const std::vector<ShardSpec>& shards, const ShardOpenOptions& options) {
    OpenShards open;
    for (const ShardSpec& shard : shards) {
        try {
            // Opening reads the newest revision, which an index run committing twice meanwhile
            // discards (DatabaseModifiedError): then the newer one is opened.
            open.database.add_database(retry_while_modified([&] { return open_one(shard, options); }, [] {}));
            open.shards.push_back(shard);
            continue;
        } catch (const Xapian::DatabaseCorruptError& e) {
            throw IndexError("the index shard " + shard.name() + " is damaged (" + e.get_msg() +
                             "); delete it and run 'newssearch index' again");
        } catch (const Xapian::DatabaseVersionError& e) {
            throw IndexError("the index shard " + shard.name() + " has an unsupported format (" + e.get_msg() + ")");
        } catch (const Xapian::Error& e) {
            if (!options.allow_partial || !shard.remote()) {
                if (shards.size() == 1 && !shard.remote())
                    throw IndexError("cannot open the index at " + shard.name() + ": " + e.get_msg() +
                                     " (is it a newssearch index? create one with 'newssearch index')");
                throw IndexError("index shard " + shard.name() + " " + why(e) +
                                 (shard.remote() ? " (--allow-partial searches the other shards)" : ""));
            }
            open.unavailable.push_back(shard.name() + " (" + why(e) + ")");
        }
    }
    if (open.shards.empty())
        throw IndexError(open.unavailable.empty() ? std::string("the index lists no databases")
                                                  : "no shard of the index could be opened: " + open.unavailable.front());
    return open;
}

bool has_remote_shard(const OpenShards& open) {
    return std::any_of(open.shards.begin(), open.shards.end(), [](const ShardSpec& shard) { return shard.remote(); });
}

void add_synonyms_for_remote_shards(OpenShards& open) {
    if (!has_remote_shard(open)) return;
    const std::string table = open.database.get_metadata(std::string(schema::synonym_table_key));
    if (table.empty()) return;
    // A local database with the synonym table and no documents (so no statistic, score or
    // relative document order changes), built once per table in the temporary folder.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : table) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    const fs::path folder = fs::temp_directory_path() /
                            ("newssearch-synonyms-" + std::to_string(::getuid()) + "-" + std::to_string(hash));
    if (!fs::exists(folder / "iamglass")) {
        const fs::path building = folder.string() + ".new-" + std::to_string(::getpid());
        fs::remove_all(building);
        {
            Xapian::WritableDatabase synonyms(building.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
            for (std::size_t start = 0; start < table.size();) {
                std::size_t end = table.find('\n', start);
                if (end == std::string::npos) end = table.size();
                const std::string line = table.substr(start, end - start);
                start = end + 1;
                std::size_t tab = line.find('\t');
                const std::string key = line.substr(0, tab);
                while (tab != std::string::npos) {
                    const std::size_t next = line.find('\t', tab + 1);
                    synonyms.add_synonym(key, line.substr(tab + 1, next == std::string::npos ? std::string::npos : next - tab - 1));
                    tab = next;
                }
            }
            synonyms.commit();
        }
        std::error_code error;
        fs::rename(building, folder, error); // another process may have won the race: fine
        if (error) fs::remove_all(building, error);
    }
    open.database.add_database(Xapian::Database(folder.string()));
}

std::vector<std::string> failing_remote_shards(const OpenShards& open, const ShardOpenOptions& options) {
    std::vector<std::string> failing;
    for (const ShardSpec& shard : open.shards) {
        if (!shard.remote()) continue;
        try {
            (void)open_one(shard, options).get_doccount();
        } catch (const Xapian::Error& e) {
            failing.push_back(shard.name() + " (" + why(e) + ")");
        }
    }
    return failing;
}

} // namespace newssearch::searcher
