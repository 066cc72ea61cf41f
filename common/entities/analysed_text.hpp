#pragma once
/// A text cut into words with what name recognition needs to know about each: index form and
/// name key, how it is written (capitalised, all capitals, dotted, possessive), whether it opens
/// a sentence or quotation, and whether a name can run on from the previous word. Built once per
/// text and read by both the gazetteer matcher and the automatic name spotter.

#include "common/entities/name_normalizer.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::entities::detail {

/// Article text (sentences, capitalisation as evidence) or a user query (no sentence starts;
/// lower-case names still match the gazetteer).
enum class Mode { article, query };

/// One word of the text.
struct Word {
    std::size_t begin = 0;    ///< byte offset of the word in the text
    std::size_t end = 0;      ///< byte offset one past the word
    std::size_t name_end = 0; ///< where a name ending at this word ends: possessive dropped,
                              ///< a dotted abbreviation's final '.' kept
    std::string term;         ///< index form (fold_word)
    std::string key;          ///< NameNormalizer::word_key(term); may be empty
    std::size_t sentence = 0; ///< index of its sentence
    bool capitalised = false; ///< first letter upper or title case ("Kyiv", "US", "G20")
    bool lower_case = false;  ///< first letter lower case ("state" in "state-run")
    bool no_lower = false;    ///< has letters, none of them lower case ("US", "U.S", "ASEAN")
    bool latin = false;       ///< starts with a Latin letter: English capitalisation applies
    bool dotted = false;      ///< has a '.' inside ("U.S")
    bool possessive = false;  ///< ends with "'s" ("Lavrov's"): a name cannot run on past it
    bool initial = false;     ///< first word of a sentence, quotation, bracket or clause after ':'
    bool joined = false;      ///< only a space, a hyphen or an abbreviation's '.' separates it from
                              ///< the previous word of its sentence: a name may span both
};

/// A text as name recognition reads it.
struct AnalysedText {
    std::string_view text;
    std::vector<Word> words;
    /// Per sentence: every content word is capitalised (a headline, a name on its own line, or
    /// all capitals), so capitals tell nothing and automatic recognition skips it.
    std::vector<bool> title_case;
};

/// Analyses `text`; in query mode no word is initial and no sentence is title case. `text` must
/// outlive the result.
[[nodiscard]] AnalysedText analyse(std::string_view text, Mode mode,
                                   const NameNormalizer& normalizer);

/// The same from words and sentences the caller has already cut `text` into with an Analyzer
/// (TextCuts; query mode reads no sentences): the indexer cuts every paragraph for its passages, and
/// cutting it again here cost a sixth of entity recognition.
[[nodiscard]] AnalysedText analyse(std::string_view text, const TextCuts& cuts, Mode mode,
                                   const NameNormalizer& normalizer);

} // namespace newssearch::entities::detail
