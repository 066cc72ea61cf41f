#pragma once
/// Folding of one word to its index form. This is the single definition of "the same word" in
/// newssearch: the indexer, the query side and the highlighter all call it, so case, accents,
/// compatibility forms, curly apostrophes and possessives never change what matches.

#include <string>
#include <string_view>

namespace newssearch {

/// The index form of one word as cut by the word breaker:
///  - NFKC with Unicode case folding ("Ｌａｖｒｏｖ" -> "lavrov", "ß" -> "ss", soft hyphens gone);
///  - accents removed from Latin and Greek letters ("Zürich" -> "zurich", "Ελλάδα" -> "ελλαδα"),
///    while marks that are letters elsewhere are kept (Cyrillic "й", Devanagari vowel signs);
///  - letters without a decomposition mapped to their ASCII look-alike ("ø" -> "o", "æ" -> "ae");
///  - every apostrophe form made "'", a possessive "'s" or trailing "'" dropped ("Lavrov's" -> "lavrov");
///  - dotted single-letter abbreviations joined ("u.s" -> "us").
/// Returns an empty string when nothing word-like is left.
[[nodiscard]] std::string fold_word(std::string_view word);

/// Typographic punctuation made plain, for text between words (queries use it around operators):
/// curly and angle double quotes -> '"', curly single quotes -> '\'', every dash and minus -> '-',
/// no-break and other exotic spaces -> ' ', control characters -> ' '.
[[nodiscard]] std::string plain_punctuation(std::string_view text);

} // namespace newssearch
