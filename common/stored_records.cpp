#include "common/stored_records.hpp"

#include "newssearch/errors.hpp"

#include <zlib.h>

#include <cstdint>
#include <limits>

namespace newssearch {
namespace {

// A record starts with its uncompressed size (4 bytes, little endian), then the zlib stream.
constexpr std::size_t size_header = 4;
// zlib expands at most about 1032 times; a larger stated size means the record is damaged (and
// must not make us allocate it).
constexpr std::size_t max_expansion = 1100;

} // namespace

std::string pack_article_record(std::string_view json) {
    if (json.empty()) return {};
    if (json.size() > std::numeric_limits<std::uint32_t>::max())
        throw DataError("an article of " + std::to_string(json.size()) + " bytes is too large to store");
    uLongf packed_size = compressBound(static_cast<uLong>(json.size()));
    std::string out(size_header + packed_size, '\0');
    const auto size = static_cast<std::uint32_t>(json.size());
    for (std::size_t i = 0; i < size_header; ++i) out[i] = static_cast<char>((size >> (8 * i)) & 0xff);
    const int status = compress2(reinterpret_cast<Bytef*>(out.data() + size_header), &packed_size,
                                 reinterpret_cast<const Bytef*>(json.data()), static_cast<uLong>(json.size()),
                                 Z_BEST_SPEED);
    if (status != Z_OK) throw DataError("could not compress an article for storage (zlib error " + std::to_string(status) + ")");
    out.resize(size_header + packed_size);
    return out;
}

std::string unpack_article_record(std::string_view stored) {
    if (stored.empty()) return {};
    if (stored.size() < size_header) throw DataError("a stored article record is truncated");
    std::uint32_t size = 0;
    for (std::size_t i = 0; i < size_header; ++i)
        size |= static_cast<std::uint32_t>(static_cast<unsigned char>(stored[i])) << (8 * i);
    if (size > (stored.size() - size_header) * max_expansion + 64) throw DataError("a stored article record is damaged");
    std::string json(size, '\0');
    uLongf json_size = size;
    const int status = uncompress(reinterpret_cast<Bytef*>(json.data()), &json_size,
                                  reinterpret_cast<const Bytef*>(stored.data() + size_header),
                                  static_cast<uLong>(stored.size() - size_header));
    if (status != Z_OK || json_size != size) throw DataError("a stored article record is damaged");
    return json;
}

std::string format_entity_name(const EntityName& name) { return name.type + "\t" + name.canonical; }

EntityName parse_entity_name(std::string_view stored) {
    const std::size_t tab = stored.find('\t');
    if (tab == std::string_view::npos) return {"", std::string(stored)};
    return {std::string(stored.substr(0, tab)), std::string(stored.substr(tab + 1))};
}

bool better_entity_name(const EntityName& candidate, const EntityName& current) {
    if (current.type.empty()) return !candidate.type.empty();
    if (candidate.type.empty()) return false;
    const bool candidate_other = candidate.type == "other";
    const bool current_other = current.type == "other";
    if (candidate_other != current_other) return current_other;
    if (candidate.type != current.type) return candidate.type < current.type;
    return candidate.canonical < current.canonical;
}

std::string join_entity_keys(const std::vector<std::string>& keys) {
    std::string value;
    for (const std::string& key : keys) {
        if (!value.empty()) value += '\n';
        value += key;
    }
    return value;
}

std::vector<std::string> split_entity_keys(std::string_view value) {
    std::vector<std::string> keys;
    while (!value.empty()) {
        const std::size_t end = value.find('\n');
        const std::string_view key = value.substr(0, end);
        if (!key.empty()) keys.emplace_back(key);
        if (end == std::string_view::npos) break;
        value.remove_prefix(end + 1);
    }
    return keys;
}

} // namespace newssearch
