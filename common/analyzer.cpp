#include "common/analyzer.hpp"

#include "common/text_fold.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <stdexcept>

namespace newssearch {
namespace {

/// RAII for a UText opened over UTF-8 bytes: ICU then reports native indexes, i.e. byte offsets.
class Utf8Text {
  public:
    explicit Utf8Text(std::string_view text) {
        UErrorCode status = U_ZERO_ERROR;
        text_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU cannot open text: " + std::string(u_errorName(status)));
    }
    ~Utf8Text() { utext_close(text_); }
    Utf8Text(const Utf8Text&) = delete;
    Utf8Text& operator=(const Utf8Text&) = delete;
    UText* get() const { return text_; }

  private:
    UText* text_ = nullptr;
};

std::unique_ptr<icu::BreakIterator> make_iterator(bool sentences) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        sentences ? icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status)
                  : icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !iterator)
        throw std::runtime_error("ICU break iterator unavailable: " + std::string(u_errorName(status)));
    return iterator;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// A '.' at `dot` inside `word` that joins rather than separates: between digits ("3.5") or
/// inside a dotted abbreviation of single letters ("U.S.A").
bool dot_joins(std::string_view word, std::size_t dot) {
    if (dot == 0 || dot + 1 >= word.size()) return false;
    if (is_digit(word[dot - 1]) && is_digit(word[dot + 1])) return true;
    // Single letters between dots: letter before is at a word/dot boundary and so is the one after.
    const bool single_before = is_ascii_letter(word[dot - 1]) && (dot < 2 || word[dot - 2] == '.');
    const bool single_after =
        is_ascii_letter(word[dot + 1]) && (dot + 2 >= word.size() || word[dot + 2] == '.');
    return single_before && single_after;
}

/// True when the sentence ending at `end` ends with an abbreviation after which ICU wrongly broke:
/// a dotted abbreviation ("U.S.", "D.C.") or a title or month abbreviation ("Dr.", "Nov.").
bool ends_with_abbreviation(std::string_view text, std::size_t end) {
    if (end == 0 || text[end - 1] != '.') return false;
    std::size_t begin = end - 1;
    while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n' && text[begin - 1] != '(')
        --begin;
    const std::string_view word = text.substr(begin, end - begin);
    // "U.S." / "D.C.": single letters each followed by a dot.
    bool dotted = word.size() >= 4;
    for (std::size_t i = 0; dotted && i < word.size(); ++i)
        dotted = (i % 2 == 0) ? is_ascii_letter(word[i]) : word[i] == '.';
    if (dotted) return true;
    static constexpr std::array<std::string_view, 33> abbreviations{
        "Mr.",   "Mrs.", "Ms.",  "Dr.",  "St.",  "Gen.",  "Sen.", "Rep.", "Gov.", "Lt.", "Col.",
        "Sgt.",  "Prof.", "Capt.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
        "Sept.", "Oct.", "Nov.", "Dec.", "No.",   "vs.",  "Dept.", "Corp.", "Inc.", "Jr.",  "Mt."};
    for (const auto abbreviation : abbreviations)
        if (word == abbreviation) return true;
    return false;
}

/// ICU's word-break classes (UAX #29 with ICU's root rules) of the ASCII characters that are
/// not simply "other": letters, digits and the characters that join them.
enum class WordClass { other, letter, digit, underscore, mid_letter, mid_number, mid_both };

WordClass word_class(char c) {
    if (is_ascii_letter(c) || c == '@') return WordClass::letter; // ICU's root rules add '@' (e-mail)
    if (is_digit(c)) return WordClass::digit;
    switch (c) {
    case '_': return WordClass::underscore;  // ExtendNumLet
    case ':': return WordClass::mid_letter;  // MidLetter
    case ',':
    case ';': return WordClass::mid_number;  // MidNum
    case '.':
    case '\'': return WordClass::mid_both;  // MidNumLet, Single_Quote
    default: return WordClass::other;
    }
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/// An ASCII space followed by ASCII (or ending the text): where tokenize() may cut a text in two
/// and cut each side alone.
bool is_safe_space(std::string_view text, std::size_t i) {
    return is_ascii_space(text[i]) && (i + 1 == text.size() || static_cast<unsigned char>(text[i + 1]) < 0x80);
}

/// The words ICU's word rules find in pure ASCII text, as [begin, end) byte ranges, without ICU:
/// letters (and '@'), digits and '_' run together; ':' joins two letters, ',' and ';' two digits, '.' and
/// '\'' either. Anything else is a break and no word. The ASCII parts of news text are most of
/// it, and ICU's rule machine cost about as much as everything else analysis does with a word.
/// A unit test checks it against ICU on every short string of the characters that matter.
template <class Word> void ascii_words(std::string_view text, std::size_t begin, std::size_t end, Word word) {
    const auto joins_run = [](WordClass c) {
        return c == WordClass::letter || c == WordClass::digit || c == WordClass::underscore;
    };
    std::size_t i = begin;
    while (i < end) {
        WordClass previous = word_class(text[i]);
        if (!joins_run(previous)) {
            ++i;
            continue;
        }
        const std::size_t first = i;
        bool alphanumeric = previous != WordClass::underscore;
        ++i;
        while (i < end) {
            const WordClass next = word_class(text[i]);
            if (joins_run(next)) {
                alphanumeric |= next != WordClass::underscore;
                previous = next;
                ++i;
                continue;
            }
            if (i + 1 >= end) break;
            const WordClass after = word_class(text[i + 1]);
            const bool letters = previous == WordClass::letter && after == WordClass::letter &&
                                 (next == WordClass::mid_letter || next == WordClass::mid_both);
            const bool digits = previous == WordClass::digit && after == WordClass::digit &&
                                (next == WordClass::mid_number || next == WordClass::mid_both);
            if (!letters && !digits) break;
            previous = after;
            i += 2;
        }
        // A run of underscores alone is a word for ICU only when longer than one.
        if (alphanumeric || i - first > 1) word(first, i);
    }
}

bool is_operator_word(std::string_view word) {
    static constexpr std::array<std::string_view, 6> operators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (const auto op : operators)
        if (word == op) return true;
    return false;
}

} // namespace

struct Analyzer::Icu {
    std::unique_ptr<icu::BreakIterator> words = make_iterator(false);
    /// Built on the first sentences() call: with its abbreviation suppressions it costs more to
    /// build than a command-line search spends searching, and searching needs no sentences.
    std::unique_ptr<icu::BreakIterator> sentences;
};

Analyzer::Analyzer() : icu_(std::make_unique<Icu>()), stemmer_("english") {}

Analyzer::~Analyzer() = default;

namespace {

/// Calls `word(begin, end)` for each word ICU's word rules find in text[begin, end), offsets into
/// `text`.
template <class Word>
void icu_words(icu::BreakIterator& words, std::string_view text, std::size_t begin, std::size_t end, Word word) {
    Utf8Text utext(text.substr(begin, end - begin));
    UErrorCode status = U_ZERO_ERROR;
    words.setText(utext.get(), status);
    if (U_FAILURE(status)) return;
    int32_t from = words.first();
    for (int32_t to = words.next(); to != icu::BreakIterator::DONE; from = to, to = words.next()) {
        if (words.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue; // spaces and punctuation
        word(begin + static_cast<std::size_t>(from), begin + static_cast<std::size_t>(to));
    }
}

} // namespace

std::vector<Token> Analyzer::tokenize(std::string_view text) const {
    return tokenize(text, false);
}

std::vector<Token> Analyzer::tokenize(std::string_view text, bool icu_only) const {
    std::vector<Token> tokens;
    if (text.empty()) return tokens;
    tokens.reserve(text.size() / 6 + 1); // English runs about six bytes a word, spaces included

    Xapian::termpos position = 0;
    const auto emit = [&](std::size_t begin, std::size_t end) {
        if (begin >= end) return;
        // Over-long "words" (base64, URLs glued together) are noise, and Xapian limits term length.
        if (end - begin > max_word_bytes) return;
        std::string term = fold_word(text.substr(begin, end - begin));
        if (term.empty()) return;
        tokens.push_back(Token{std::move(term), begin, end, ++position});
    };
    const auto word = [&](std::size_t word_begin, std::size_t word_end) {
        const std::string_view whole = text.substr(word_begin, word_end - word_begin);
        // ICU keeps "title:foo", "x@y" and "online.ua" together; split them the way queries are read.
        std::size_t piece_begin = 0;
        for (std::size_t i = 0; i < whole.size(); ++i) {
            if (whole[i] == ':' || whole[i] == '@' || (whole[i] == '.' && !dot_joins(whole, i))) {
                emit(word_begin + piece_begin, word_begin + i);
                piece_begin = i + 1;
            }
        }
        emit(word_begin + piece_begin, word_begin + whole.size());
    };

    icu::BreakIterator& words = *icu_->words;
    if (icu_only) {
        icu_words(words, text, 0, text.size(), word);
        return tokens;
    }
    // ICU reads only the stretches around non-ASCII characters, each from and to an ASCII space
    // that has ASCII after it: no word spans such a space, and ICU's rules look no further than
    // the next character past a word, so each side is cut as it would be in the whole text.
    const auto safe_space = [&](std::size_t i) { return is_safe_space(text, i); };
    std::size_t done = 0;
    while (done < text.size()) {
        std::size_t wide = done;
        while (wide < text.size() && static_cast<unsigned char>(text[wide]) < 0x80) ++wide;
        if (wide == text.size()) {
            ascii_words(text, done, text.size(), word);
            break;
        }
        std::size_t begin = wide;
        while (begin > done && !safe_space(begin - 1)) --begin;
        std::size_t end = wide + 1;
        while (end < text.size() && !safe_space(end)) ++end;
        ascii_words(text, done, begin, word);
        icu_words(words, text, begin, end, word);
        done = end;
    }
    return tokens;
}

bool Analyzer::has_stem(std::string_view term) {
    if (term.empty()) return false;
    UChar32 first = 0;
    std::int32_t offset = 0;
    U8_NEXT(term.data(), offset, static_cast<std::int32_t>(term.size()), first);
    if (first < 0) return false;
    // The categories of Xapian's should_stem(); index forms are folded, so no upper case.
    switch (u_charType(first)) {
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: return true;
    default: return false;
    }
}

ByteRange Analyzer::self_contained_span(std::string_view text, std::size_t begin, std::size_t end) {
    end = std::min(end, text.size());
    begin = std::min(begin, end);
    while (begin > 0 && !is_safe_space(text, begin - 1)) --begin;
    while (end < text.size() && !is_safe_space(text, end)) ++end;
    return ByteRange{begin, end};
}

std::vector<ByteRange> Analyzer::sentences(std::string_view text) const {
    std::vector<ByteRange> ranges;
    if (text.empty()) return ranges;
    Utf8Text utext(text);
    UErrorCode status = U_ZERO_ERROR;
    if (!icu_->sentences) icu_->sentences = make_iterator(true);
    icu::BreakIterator& sentences = *icu_->sentences;
    sentences.setText(utext.get(), status);
    if (U_FAILURE(status)) return {ByteRange{0, text.size()}};

    const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
    int32_t begin = sentences.first();
    for (int32_t end = sentences.next(); end != icu::BreakIterator::DONE; begin = end, end = sentences.next()) {
        auto first = static_cast<std::size_t>(begin);
        auto last = static_cast<std::size_t>(end);
        while (first < last && is_space(text[first])) ++first;
        while (last > first && is_space(text[last - 1])) --last;
        if (first >= last) continue;
        if (!ranges.empty() && ends_with_abbreviation(text, ranges.back().end))
            ranges.back().end = last;
        else
            ranges.push_back(ByteRange{first, last});
    }
    return ranges;
}

std::string Analyzer::filter_form(std::string_view value) const {
    std::string out;
    for (const Token& token : tokenize(value)) {
        if (!out.empty()) out += '-';
        out += token.term;
    }
    return out;
}

std::string Analyzer::normalize_query(std::string_view query) const {
    std::string out;
    out.reserve(query.size());
    std::size_t copied = 0;
    const auto copy_between = [&](std::size_t upto) {
        if (upto > copied) out += plain_punctuation(query.substr(copied, upto - copied));
    };
    for (const Token& token : tokenize(query)) {
        copy_between(token.begin);
        // Words ICU cuts without a separator (CJK) must stay separate words for the parser.
        if (token.begin == copied && copied > 0) out += ' ';
        const std::string_view original = query.substr(token.begin, token.end - token.begin);
        out += is_operator_word(original) ? std::string(original) : token.term;
        copied = token.end;
    }
    copy_between(query.size());
    return out;
}

} // namespace newssearch
