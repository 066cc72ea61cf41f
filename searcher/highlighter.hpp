#pragma once
/// Which words of a text a query matched. Pure functions over (text, query terms): no index needed.

#include "common/analyzer.hpp"

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newssearch::searcher {

/// The query terms to mark, in index form.
struct HighlightTerms {
    /// Single words: unprefixed terms ("lavrov") or stemmed ones ("Zagreement").
    std::set<std::string> words;
    /// Phrases: sequences of unprefixed terms that are marked only where they occur in order.
    std::vector<std::vector<std::string>> phrases;

    bool operator==(const HighlightTerms&) const = default;
};

/// The free-text terms of `query` worth marking in passage text: terms under NOT and filters are
/// left out, fielded terms (title:, source:) too, and a quoted phrase's words become a phrase.
/// With `entity_keys`, also gathers there the keys of the entities the same parts of the query
/// search in the entity field.
[[nodiscard]] HighlightTerms highlight_terms(const Xapian::Query& query,
                                             std::set<std::string>* entity_keys = nullptr);

/// Adds `matched` terms (e.g. what a wildcard expanded to in one document) to `terms.words`,
/// skipping fielded terms and words that the query only has inside phrases.
void add_matched_terms(HighlightTerms& terms, const std::vector<std::string>& matched,
                       const Xapian::Query& query);

/// One place where a text matches a query term.
struct TermMatch {
    ByteRange range;
    /// What matched: the word's entry in HighlightTerms::words, or a phrase's words joined by
    /// spaces.
    std::string term;
};

/// The start of every word that stems to `stem`, leading apostrophe aside: the English stemmer
/// rewrites at most a word's last letter beyond what word and stem share ("happy" -> "happi",
/// "skies" -> "sky"), two for the stems it ends in "ie" ("dying" -> "die", "ties" -> "tie").
/// Checked against 394,936 words (a 338,000-word English dictionary, BBC and Reuters). Words that
/// do not start so need not be stemmed to be compared with `stem`.
[[nodiscard]] std::string_view stem_core(std::string_view stem);

/// The stemmed index term ("Z" + stem) of each word it is asked about, remembered: stemming every
/// word of a text is the costly part of matching it against stemmed query terms, and the words of
/// a language repeat. Keeps at most max_words words (then starts afresh). Not thread-safe.
class StemmedTerms {
  public:
    static constexpr std::size_t max_words = 200000;
    explicit StemmedTerms(const Analyzer& analyzer) : analyzer_(analyzer) {}
    [[nodiscard]] const std::string& of(const std::string& word);

  private:
    const Analyzer& analyzer_;
    std::unordered_map<std::string, std::string> stemmed_;
};

/// Every match of `terms` in the tokens of a text, in text order (a phrase's match starts at its
/// first word). `tokens` come from Analyzer::tokenize.
[[nodiscard]] std::vector<TermMatch> find_matches(const std::vector<Token>& tokens, const HighlightTerms& terms,
                                                  StemmedTerms& stemmed);

/// `ranges` sorted, with overlapping ranges and ranges separated only by spaces merged.
[[nodiscard]] std::vector<ByteRange> merge_ranges(std::string_view text, std::vector<ByteRange> ranges);

/// Byte ranges of `text` to mark, sorted and non-overlapping. A word matches when its index form,
/// or "Z" + its stem, is among `terms.words` (so any inflection the stemmer unifies is marked);
/// a phrase is marked as one range. Ranges separated only by spaces are merged into one.
[[nodiscard]] std::vector<ByteRange> highlight(const Analyzer& analyzer, std::string_view text,
                                               const HighlightTerms& terms);

} // namespace newssearch::searcher
