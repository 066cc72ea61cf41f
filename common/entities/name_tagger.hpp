#pragma once
/// The entity tagger at work on analysed texts: the features of each word, greedy left-to-right
/// tagging of one document, and averaged-perceptron training. Internal to recognition and to
/// CoNLL training (common/entities/conll.hpp).

#include "common/entities/analysed_text.hpp"
#include "common/entities/entity_tagger.hpp"
#include "common/entities/gazetteer.hpp"
#include "common/entities/gazetteer_matcher.hpp"
#include "common/entities/name_spotter.hpp"

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <vector>

namespace newssearch::entities::detail {

/// One document as the tagger reads it: its parts analysed, their gazetteer matches (ambiguous
/// ones with no entries) and the words it writes in lower case.
struct TaggerInput {
    const std::vector<AnalysedText>& texts;
    const std::vector<std::vector<GazetteerMatch>>& matches;
    const Gazetteer& gazetteer;
    const LowerCaseTerms& lower_case_terms;
};

/// Words [first, last) of one part, tagged as one name of CoNLL type `type` (0-3).
struct TaggedSpan {
    std::size_t first = 0;
    std::size_t last = 0;
    int type = 0;
};

/// The names the tagger finds in each part of a document.
[[nodiscard]] std::vector<std::vector<TaggedSpan>> tag_document(const EntityTagger& tagger,
                                                                const TaggerInput& input);

/// A document with its gold tags (EntityTagger's numbering), one per word of each part.
struct TrainingDocument {
    std::vector<std::string> parts; ///< the texts analysed (they must outlive `texts`)
    std::vector<AnalysedText> texts;
    std::vector<std::vector<GazetteerMatch>> matches;
    LowerCaseTerms lower_case_terms;
    std::vector<std::vector<int>> gold;
};

struct TrainingOptions {
    int epochs = 15;
    /// A feature whose every averaged weight is below this is dropped: half the features go,
    /// F1 on CoNLL's eng.testa loses 0.002, and the model's table fits a processor cache
    /// better (indexing CPU, docs/ENTITIES.md).
    float min_weight = 1.0F;
    unsigned seed = 1;
};

/// Trains a tagger on `documents`; one progress line per epoch on `log` when not null.
[[nodiscard]] EntityTagger train_tagger(const std::vector<TrainingDocument>& documents,
                                        const Gazetteer& gazetteer, const TrainingOptions& options,
                                        std::ostream* log);

/// The CoNLL type (0 PER, 1 LOC, 2 ORG, 3 MISC) of an entity type.
[[nodiscard]] int conll_type(EntityType type);

} // namespace newssearch::entities::detail
