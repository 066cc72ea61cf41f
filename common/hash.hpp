#pragma once
/// The one stable hash of the project: 64-bit FNV-1a. Stable across runs, machines and versions,
/// so it may be stored (content hashes) and may decide where data lives (shards).

#include <cstdint>
#include <string_view>

namespace newssearch {

[[nodiscard]] constexpr std::uint64_t fnv1a_64(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

} // namespace newssearch
