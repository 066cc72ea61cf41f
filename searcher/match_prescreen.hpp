#pragma once
/// A cheap test, before a passage is cut into words, of whether any of its words can match a
/// query: most passages of a hit match nothing, and cutting them into words (ICU word breaks,
/// then folding) was half of what a one-shot search cost. The test may say "maybe" wrongly, never
/// "no" wrongly, so a passage it skips is one that tokenize() + find_matches() would have left
/// without a match.
///
/// Why "no" is safe: in a text whose characters outside ASCII are only punctuation, symbols and
/// spaces that Unicode case folding leaves alone (the curly quotes, dashes and currency signs of
/// news text), every word's index form (fold_word) is its bytes lower-cased, with apostrophe forms
/// made "'", a trailing possessive dropped and the dots of an abbreviation removed. So a piece of
/// an index form that has no apostrophe and no dot is a substring of the text lower-cased with its
/// dots removed. The English stemmer rewrites at most a word's last letter beyond what the word
/// and its stem share ("happy" -> "happi", "skies" -> "sky"; two for stems in "ie": "dying" ->
/// "die"), so a stem without them is a piece of every word that stems to it. Texts with other characters (accented or non-Latin
/// letters, digits and letters that fold to others) always get "maybe".

#include "searcher/highlighter.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::searcher {

class MatchPrescreen {
  public:
    /// For the words and phrases of `terms` (HighlightTerms: unprefixed words, "Z" stems).
    explicit MatchPrescreen(const HighlightTerms& terms);

    /// False only when no word of `text` can match a word, stem or phrase of the terms.
    [[nodiscard]] bool may_match(std::string_view text) const;

    /// The parts of `text` whose words may match, each one that tokenize() cuts as it cuts the
    /// whole text (Analyzer::self_contained_span), in text order: every word of `text` that
    /// matches a word or stem of the terms lies in one of them. Empty when no word can match;
    /// nothing when the whole text must be cut: the terms have a phrase (a phrase needs its
    /// words' neighbours), or the text has characters that fold to letters.
    [[nodiscard]] std::optional<std::vector<ByteRange>> matching_parts(std::string_view text) const;

  private:
    /// What must appear in the text for a word or stem to match: its longest piece without
    /// apostrophes or dots. An empty needle matches any text.
    std::vector<std::string> word_needles_;
    /// The same for each word of each phrase: a phrase needs all of them.
    std::vector<std::vector<std::string>> phrase_needles_;
    /// A phrase needs its words' neighbours, and an empty needle is anywhere: matching_parts()
    /// then says to cut the whole text.
    bool needs_whole_text_ = false;
};

/// The longest piece of `term` with no "'" and no "." (the first of equal length).
[[nodiscard]] std::string longest_plain_piece(std::string_view term);

/// Whether every character of `text` outside ASCII is one that folding leaves as it is and that
/// cannot be part of a word's letters: punctuation, symbols and spaces unchanged by NFKC case
/// folding. Invalid UTF-8 gives false.
[[nodiscard]] bool folds_as_ascii(std::string_view text);

} // namespace newssearch::searcher
