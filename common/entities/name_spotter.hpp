#pragma once
/// Automatic recognition of names the gazetteer does not know: runs of capitalised words, read
/// with titles and honorifics as cues and stripped, sentence-initial capitals distrusted, and
/// stoplists for words that are capitalised without being names. Precision first: a run that
/// could be something else is dropped (rules in docs/ENTITIES.md).

#include "common/entities/analysed_text.hpp"
#include "common/entities/entity.hpp"

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

namespace newssearch::entities::detail {

/// A name found automatically: words [first, last) of the analysed text.
struct NameCandidate {
    std::size_t first = 0;
    std::size_t last = 0;
    EntityType type = EntityType::other;
    bool person_cue = false; ///< a title or a person word came before it
    /// Capitalised only because it opens a sentence or quotation (one word): a name only when the
    /// same document also has it as a name elsewhere.
    bool weak = false;
};

/// The words written in lower case somewhere in a document ("state" in "state-run"): evidence
/// that a capitalised spelling of them is a common word, not a name.
using LowerCaseTerms = std::unordered_set<std::string>;

/// Adds the index forms of the words of `text` written in lower case to `terms`.
void collect_lower_case_terms(const AnalysedText& text, LowerCaseTerms& terms);

/// Names in `text` outside the words `claimed` (by gazetteer matches), in text order. In query
/// mode only names of two or more words, or one word after a title, are returned.
[[nodiscard]] std::vector<NameCandidate> spot_names(const AnalysedText& text,
                                                    const std::vector<bool>& claimed,
                                                    const LowerCaseTerms& lower_case_terms,
                                                    Mode mode);

} // namespace newssearch::entities::detail
