#include "common/stored_records.hpp"

#include "newssearch/errors.hpp"

namespace newssearch {

std::string format_entity_name(const EntityName& name) { return name.type + "\t" + name.canonical; }

EntityName parse_entity_name(std::string_view stored) {
    const std::size_t tab = stored.find('\t');
    if (tab == std::string_view::npos) return {"", std::string(stored)};
    return {std::string(stored.substr(0, tab)), std::string(stored.substr(tab + 1))};
}

namespace {

/// "KUWAIT", "U.S.": no lower-case letter, at least one capital (a headline's spelling).
bool in_capitals(std::string_view name) {
    bool upper = false;
    for (const char c : name) {
        if (c >= 'a' && c <= 'z') return false;
        upper |= c >= 'A' && c <= 'Z';
    }
    return upper;
}

} // namespace

bool better_entity_name(const EntityName& candidate, const EntityName& current) {
    if (current.type.empty()) return !candidate.type.empty();
    if (candidate.type.empty()) return false;
    // A name in its usual case beats one in capitals ("Iraq" over "IRAQ").
    if (in_capitals(candidate.canonical) != in_capitals(current.canonical)) return in_capitals(current.canonical);
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
