#include "common/entities/entity_tagger.hpp"

#include "common/data_dir.hpp"
#include "common/errors.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <istream>
#include <mutex>
#include <ostream>
#include <sstream>

namespace newssearch::entities {
namespace {

constexpr std::string_view magic = "newssearch-entity-tagger 1";
constexpr std::array<std::string_view, 9> tag_names{"O",     "B-PER", "I-PER",  "B-LOC", "I-LOC",
                                                    "B-ORG", "I-ORG", "B-MISC", "I-MISC"};
constexpr std::array<std::string_view, 4> type_names{"PER", "LOC", "ORG", "MISC"};

} // namespace

std::string_view tag_name(int tag) { return tag_names.at(static_cast<std::size_t>(tag)); }

int tag_of(std::string_view name) {
    for (std::size_t t = 0; t < tag_names.size(); ++t)
        if (tag_names[t] == name)
            return static_cast<int>(t);
    return -1;
}

EntityType entity_type_of(int conll_type) {
    switch (conll_type) {
    case 0:
        return EntityType::person;
    case 1:
        return EntityType::place;
    case 2:
        return EntityType::organisation;
    default:
        return EntityType::other;
    }
}

std::string_view conll_type_name(int conll_type) {
    return type_names.at(static_cast<std::size_t>(conll_type));
}

EntityTagger::EntityTagger(const std::vector<std::uint64_t>& keys, const std::vector<float>& rows)
    : count_(keys.size()) {
    if (rows.size() != keys.size() * tag_count)
        throw UsageError("EntityTagger: one row of weights per feature");
    // At most half full: a feature the model lacks (many of a word's) is found missing after
    // a probe or two, where a table three quarters full took some eight. 4 MB for the bundled
    // model.
    const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, 2 * keys.size()));
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == 0)
            throw UsageError("EntityTagger: a feature key is 0");
        std::uint64_t slot = keys[i] & mask_;
        while (slots_[slot].key != 0) {
            if (slots_[slot].key == keys[i])
                throw UsageError("EntityTagger: a feature listed twice");
            slot = (slot + 1) & mask_;
        }
        slots_[slot].key = keys[i];
        for (std::size_t t = 0; t < tag_count; ++t) {
            const long weight = std::lround(rows[i * tag_count + t] * weight_scale);
            slots_[slot].weights[t] =
                static_cast<std::int16_t>(std::clamp(weight, -32767L, 32767L));
        }
    }
}

void EntityTagger::save(std::ostream& out, std::string_view provenance) const {
    // Weights are written as integers of 1/scale, only the non-zero ones: "key tag:weight ...",
    // features in key order, so that the same training writes the same file.
    out << magic << '\n';
    std::istringstream lines{std::string(provenance)};
    for (std::string line; std::getline(lines, line);)
        out << "# " << line << '\n';
    out << "scale " << weight_scale << '\n' << "features " << count_ << '\n';
    std::vector<const Slot*> used;
    used.reserve(count_);
    for (const Slot& slot : slots_)
        if (slot.key != 0)
            used.push_back(&slot);
    std::sort(used.begin(), used.end(),
              [](const Slot* a, const Slot* b) { return a->key < b->key; });
    for (const Slot* slot : used) {
        out << std::hex << slot->key << std::dec;
        for (std::size_t t = 0; t < tag_count; ++t)
            if (slot->weights[t] != 0)
                out << ' ' << t << ':' << slot->weights[t];
        out << '\n';
    }
}

EntityTagger EntityTagger::parse(std::istream& in, std::string_view source) {
    const auto fail = [&](const std::string& why) {
        return DataError(std::string(source) + ": " + why);
    };
    std::string line;
    if (!std::getline(in, line) || line != magic)
        throw fail("not an entity tagger model (expected \"" + std::string(magic) + "\")");
    float scale = 0;
    std::size_t count = 0;
    while (std::getline(in, line)) {
        if (line.starts_with('#'))
            continue;
        if (line.starts_with("scale "))
            scale = std::strtof(line.c_str() + 6, nullptr);
        else if (line.starts_with("features ")) {
            count = std::strtoull(line.c_str() + 9, nullptr, 10);
            break;
        }
    }
    if (scale <= 0 || count == 0)
        throw fail("no scale or feature count");
    std::vector<std::uint64_t> keys;
    std::vector<float> rows;
    keys.reserve(count);
    rows.reserve(count * tag_count);
    // std::from_chars, not strtol: no locale, no errno; parsing the bundled model with strtol
    // took most of the time a process spent loading it.
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const char* at = line.data();
        const char* const end = line.data() + line.size();
        std::uint64_t key = 0;
        at = std::from_chars(at, end, key, 16).ptr;
        if (key == 0)
            throw fail("a feature line without its key");
        keys.push_back(key);
        rows.resize(rows.size() + tag_count, 0.0F);
        while (at < end && *at == ' ') {
            int tag = -1;
            const auto [after_tag, tag_error] = std::from_chars(at + 1, end, tag);
            if (tag_error != std::errc() || after_tag == end || *after_tag != ':' || tag < 0 || tag >= tag_count)
                throw fail("a weight without its tag");
            long weight = 0;
            const auto [after_weight, weight_error] = std::from_chars(after_tag + 1, end, weight);
            if (weight_error != std::errc())
                throw fail("a weight that is not a number");
            rows[rows.size() - tag_count + static_cast<std::size_t>(tag)] =
                static_cast<float>(weight) / scale;
            at = after_weight;
        }
    }
    if (keys.size() != count)
        throw fail("truncated: " + std::to_string(keys.size()) + " features of " +
                   std::to_string(count));
    try {
        return EntityTagger(std::move(keys), std::move(rows));
    } catch (const UsageError& error) {
        throw fail(error.what());
    }
}

EntityTagger EntityTagger::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError("cannot read the entity tagger model " + path +
                        " (set NEWSSEARCH_ENTITY_MODEL to its path, or NEWSSEARCH_DATA_DIR to the data folder)");
    return parse(in, path);
}

std::string EntityTagger::default_path() {
    if (const char* path = std::getenv("NEWSSEARCH_ENTITY_MODEL"); path && *path)
        return path;
    return data_dir() + "/models/entity_tagger.model";
}

std::shared_ptr<const EntityTagger> EntityTagger::bundled() {
    // Loaded on first use, not at start-up: a search that never recognises article text never
    // reads it. A failed load is retried by the next caller.
    static std::mutex mutex;
    static std::shared_ptr<const EntityTagger> model;
    const std::lock_guard lock(mutex);
    if (default_path() == "none")
        return nullptr;
    if (!model)
        model = std::make_shared<const EntityTagger>(load(default_path()));
    return model;
}

} // namespace newssearch::entities
