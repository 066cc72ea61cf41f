#pragma once
/// The learned part of entity recognition: a sequence tagger that gives every word of a document
/// a BIO tag (B-PER, I-PER, B-LOC ... O). An averaged perceptron read greedily left to right over
/// word, shape, affix, context, capitalisation, gazetteer and document features (the tag the same
/// word got earlier in the article, whether the article also writes it in lower case). Trained on
/// CoNLL-2003 (common/entities/conll.hpp); the weights ship as corpus/models/entity_tagger.model.
/// Features and model format: docs/ENTITIES.md.

#include "common/entities/entity.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::entities {

/// An immutable trained model: thread-safe, one for all threads.
class EntityTagger {
  public:
    /// Reads a model written by save(); `source` names it in error messages. Throws DataError
    /// when it is no model of this version or is corrupt.
    [[nodiscard]] static EntityTagger parse(std::istream& in, std::string_view source);

    /// parse() of the file at `path`; DataError when it cannot be read.
    [[nodiscard]] static EntityTagger load(const std::string& path);

    /// Where the model indexing uses lives: $NEWSSEARCH_ENTITY_MODEL when set, else
    /// models/entity_tagger.model in the data folder (common/data_dir.hpp), beside the gazetteer.
    [[nodiscard]] static std::string default_path();

    /// The model at default_path(), loaded once per process; null when that path is "none"
    /// (recognition by the rules alone). Throws DataError when it is missing.
    [[nodiscard]] static std::shared_ptr<const EntityTagger> bundled();

    /// Writes the model: a versioned text file, `provenance` as its comment lines.
    void save(std::ostream& out, std::string_view provenance) const;

    /// Number of features with a weight.
    [[nodiscard]] std::size_t feature_count() const { return count_; }

    /// Weights are stored as integers of 1/weight_scale.
    static constexpr float weight_scale = 20.0F;

    /// Tags: 0 is O; 1 + 2*t is B- and 2 + 2*t is I- of type t (PER, LOC, ORG, MISC).
    static constexpr int tag_count = 9;

    /// The weights of `feature` (tag_count of them, in units of 1/weight_scale), or null when
    /// it has none.
    [[nodiscard]] const std::int16_t* weights(std::uint64_t feature) const {
        for (std::uint64_t slot = feature & mask_;; slot = (slot + 1) & mask_) {
            const Slot& found = slots_[slot];
            if (found.key == feature)
                return found.weights.data();
            if (found.key == 0)
                return nullptr;
        }
    }

    /// Asks the processor to fetch where `feature`'s weights would be (weights() soon after
    /// then finds them in cache): scoring looks up some thirty features a word.
    void prefetch(std::uint64_t feature) const { __builtin_prefetch(&slots_[feature & mask_]); }

    /// A model from feature keys (never 0, each once) and their rows of tag_count weights, which
    /// are rounded to multiples of 1/weight_scale. Throws UsageError on a bad key or row count.
    EntityTagger(const std::vector<std::uint64_t>& keys, const std::vector<float>& rows);

  private:
    /// One feature with its weights, together in memory: a lookup touches one cache line.
    struct alignas(32) Slot {
        std::uint64_t key = 0; ///< 0: empty
        std::array<std::int16_t, tag_count> weights{};
    };
    std::vector<Slot> slots_; ///< open addressing, linear probing
    std::uint64_t mask_ = 0;
    std::size_t count_ = 0;
};

/// The CoNLL name of a tag (O, B-PER, I-LOC ...), and back (-1 for an unknown name).
[[nodiscard]] std::string_view tag_name(int tag);
[[nodiscard]] int tag_of(std::string_view name);

/// The entity type of CoNLL's PER, LOC, ORG, MISC (0-3), and back.
[[nodiscard]] EntityType entity_type_of(int conll_type);
[[nodiscard]] std::string_view conll_type_name(int conll_type);

} // namespace newssearch::entities
