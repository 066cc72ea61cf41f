#pragma once
/// The analysis pipeline shared by the indexer, the query side and the highlighter: ICU word and
/// sentence boundaries over UTF-8 with byte offsets, fold_word() for the index form of each word,
/// and Xapian's English stemmer. What is indexed, searched and highlighted always agrees because
/// all three go through this class.

#include <newssearch/byte_range.hpp>

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch {

/// One word of analysed text.
struct Token {
    std::string term;         ///< index form (see fold_word); never empty
    std::size_t begin = 0;    ///< byte offset of the word's first byte in the analysed text
    std::size_t end = 0;      ///< byte offset one past the word's last byte
    Xapian::termpos position; ///< 1-based word position within the analysed text

    bool operator==(const Token&) const = default;
};

/// A text's words and sentences as an Analyzer cut them, handed on so that they are not cut again
/// (indexing cuts each paragraph for its passages and for entity recognition).
struct TextCuts {
    /// tokenize() of a text in which this text begins at byte `offset` (all of it when 0): exactly
    /// the tokens inside this text, their offsets `offset` too far.
    std::span<const Token> tokens;
    std::size_t offset = 0;
    std::span<const ByteRange> sentences; ///< sentences() of this text
};

/// Words longer than this many bytes are not indexed, searched or highlighted.
inline constexpr std::size_t max_word_bytes = 64;

/// Not thread-safe (it owns ICU break iterators): use one Analyzer per thread.
class Analyzer {
  public:
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// The words of `text` with their index forms and byte offsets into `text`. Invalid UTF-8
    /// bytes are treated as U+FFFD and never produce a word.
    /// Words are cut by ICU's word rules, then at ':' and at '.' unless the dot is inside a
    /// number ("3.5") or a dotted abbreviation ("U.S."), the way the query parser cuts them.
    [[nodiscard]] std::vector<Token> tokenize(std::string_view text) const;

    /// tokenize(), with ICU reading all of `text` when `icu_only`; otherwise ASCII stretches are
    /// cut without ICU, with the same result (a unit test compares the two).
    [[nodiscard]] std::vector<Token> tokenize(std::string_view text, bool icu_only) const;

    /// The smallest part of `text` around bytes [begin, end) that tokenize() cuts on its own as
    /// it cuts it inside the whole text: from just after an ASCII space followed by ASCII (or the
    /// start) to the next such space (or the end). No word spans such a space, and tokenize()
    /// hands ICU only stretches between them, so tokenize() of the part gives exactly the whole
    /// text's tokens inside it, offsets counted from the part's start (positions from 1 again).
    /// Lets a caller cut only the parts of a long text where something can match.
    [[nodiscard]] static ByteRange self_contained_span(std::string_view text, std::size_t begin, std::size_t end);

    /// Sentence ranges of `text` (ICU sentence rules with English abbreviation suppressions, so
    /// "U.S. Secretary" does not end a sentence), trailing whitespace excluded, empty ones dropped.
    [[nodiscard]] std::vector<ByteRange> sentences(std::string_view text) const;

    /// The stem of an index-form term (Xapian's English stemmer).
    [[nodiscard]] std::string stem(const std::string& term) const { return stemmer_(term); }

    /// Whether a term has a stemmed form in the index: only when it starts with a letter, the
    /// rule of Xapian's QueryParser (STEM_SOME), which never looks up the stem of "1995" or "3.5".
    [[nodiscard]] static bool has_stem(std::string_view term);

    /// The stemmer itself, for Xapian::QueryParser.
    [[nodiscard]] const Xapian::Stem& stemmer() const { return stemmer_; }

    /// A query string with every word replaced by its index form and typographic punctuation made
    /// plain, while query syntax survives: upper-case operators (AND, OR, NOT, XOR, NEAR, ADJ),
    /// quotes, parentheses, field names before ':', '+', '-' and '*' are kept as they are.
    [[nodiscard]] std::string normalize_query(std::string_view query) const;

    /// The canonical form of a filter value (source, category): its words' index forms joined
    /// by '-', e.g. "Foreign Affairs" -> "foreign-affairs", "online.ua" -> "online-ua". Indexed
    /// as a boolean term and applied the same way to `source:`/`category:` filters.
    [[nodiscard]] std::string filter_form(std::string_view value) const;

  private:
    struct Icu;
    std::unique_ptr<Icu> icu_;
    Xapian::Stem stemmer_;
};

} // namespace newssearch
