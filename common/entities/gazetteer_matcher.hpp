#pragma once
/// Finds gazetteer names in an analysed text: at each word the longest alias whose words, word
/// keys and capitalisation fit, left to right, without overlaps.

#include "common/entities/analysed_text.hpp"
#include "common/entities/gazetteer.hpp"

#include <cstddef>
#include <vector>

namespace newssearch::entities::detail {

/// Words [first, last) spelling a gazetteer name.
struct GazetteerMatch {
    std::size_t first = 0;
    std::size_t last = 0;
    std::vector<std::size_t>
        entries;            ///< the entities it may name (several when an alias is shared)
    bool adjective = false; ///< every matching spelling is an adjective
};

/// True when `word`, written as it is, may be a word the gazetteer wrote with `need` case: see
/// WordCase. In queries capitalisation is not required, but acronyms of up to three letters still
/// need capitals or dots ("us" is a pronoun; "nato" is NATO).
[[nodiscard]] bool case_fits(WordCase need, const Word& word, Mode mode);

/// The gazetteer names in `text`, in text order. An alias never spans sentences.
[[nodiscard]] std::vector<GazetteerMatch> match_gazetteer(const AnalysedText& text,
                                                          const Gazetteer& gazetteer, Mode mode);

/// Resolves the matches of one document's parts in place: an alias several entities share names
/// the one the document also names unambiguously; with no such evidence it names none (its
/// entries are cleared: a wrong entity is worse than none).
void resolve_shared_aliases(std::vector<std::vector<GazetteerMatch>>& matches);

} // namespace newssearch::entities::detail
