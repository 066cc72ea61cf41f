#include "common/entities/analysed_text.hpp"

#include "common/entities/name_cues.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace newssearch::entities::detail {
namespace {

struct Letters {
    bool first_upper = false;
    bool first_lower = false;
    bool first_latin = false;
    int upper = 0;
    int lower = 0;
};

Letters letters_of(std::string_view word) {
    Letters letters;
    const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
    const auto length = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < length;) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0)
            continue;
        // ASCII without ICU (most words of English news): its only upper-case letters are A-Z,
        // lower-case a-z, and those are its only Latin characters.
        const bool ascii = c < 0x80;
        const bool upper = ascii ? c >= 'A' && c <= 'Z' : u_isupper(c) || u_istitle(c);
        const bool lower = ascii ? c >= 'a' && c <= 'z' : u_islower(c) != 0;
        if (at == 0) {
            letters.first_upper = upper;
            letters.first_lower = lower;
            UErrorCode status = U_ZERO_ERROR;
            letters.first_latin =
                ascii ? upper || lower : uscript_getScript(c, &status) == USCRIPT_LATIN;
        }
        letters.upper += upper ? 1 : 0;
        letters.lower += lower ? 1 : 0;
    }
    return letters;
}

/// Bytes of a possessive "'s" ending `word` (any apostrophe, either case), or 0.
std::size_t possessive_bytes(std::string_view word) {
    for (const std::string_view ending : {"'s", "'S", "\u2019s", "\u2019S", "\u02BCs", "\u02BCS"})
        if (word.size() > ending.size() && word.ends_with(ending))
            return ending.size();
    return 0;
}

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
    for (const std::string_view prefix : prefixes)
        if (text.starts_with(prefix))
            return true;
    return false;
}

/// Whitespace inside a line: space, tab, no-break, narrow no-break and thin spaces.
std::size_t space_bytes(std::string_view text) {
    if (text.empty())
        return 0;
    if (text[0] == ' ' || text[0] == '\t')
        return 1;
    if (text.starts_with("\u00A0"))
        return 2;
    if (starts_with_any(text, {"\u202F", "\u2009", "\u2007"}))
        return 3;
    return 0;
}

/// Hyphens and dashes that join the parts of one name ("Russo-Ukrainian", "Choe Son-hui").
std::size_t hyphen_bytes(std::string_view text) {
    if (text.starts_with('-'))
        return 1;
    if (starts_with_any(text, {"\u2010", "\u2011", "\u2013"}))
        return 3;
    return 0;
}

/// True when `gap`, the text between two words, lets one name span both.
bool gap_joins(std::string_view gap, const Word& previous) {
    if (gap.empty())
        return true; // scripts written without spaces
    if (const std::size_t hyphen = hyphen_bytes(gap); hyphen == gap.size())
        return true;
    const bool abbreviation = previous.dotted || cues::is_abbreviation(previous.term) ||
                              (previous.capitalised && previous.end - previous.begin == 1);
    if (gap.front() == '.') {
        if (!abbreviation)
            return false;
        gap.remove_prefix(1);
        if (gap.empty())
            return false;
    }
    while (!gap.empty()) {
        const std::size_t space = space_bytes(gap);
        if (space == 0)
            return false;
        gap.remove_prefix(space);
    }
    return true;
}

/// True when `gap` opens a quotation, bracket or clause, so the next word's capital may be
/// positional: quotes, brackets, ':', bullets.
bool gap_opens(std::string_view gap) {
    for (std::size_t i = 0; i < gap.size(); ++i) {
        const char c = gap[i];
        if (c == '"' || c == '(' || c == '[' || c == '{' || c == ':' || c == ';')
            return true;
        if (c == '\'' && (i == 0 || gap[i - 1] == ' '))
            return true;
        const std::string_view rest = gap.substr(i);
        if (starts_with_any(rest,
                            {"\u201C", "\u201E", "\u2018", "\u00AB", "\u2022", "\u201A", "\u2039"}))
            return true;
    }
    return false;
}

/// `range` cut at " | ", which separates a page title from its section and site name.
std::vector<ByteRange> split_at_bars(std::string_view text, ByteRange range) {
    std::vector<ByteRange> pieces;
    for (std::size_t bar;
         (bar = text.substr(0, range.end).find(" | ", range.begin)) != std::string_view::npos;) {
        pieces.push_back({range.begin, bar});
        range.begin = bar + 3;
    }
    pieces.push_back(range);
    return pieces;
}

/// Sentence ranges for names: ICU's (`icu`, Analyzer::sentences of `text`), cut at " | " and
/// re-joined where ICU broke after an initial ("Donald J. | Trump", "(P. | Simmons 4-38)").
std::vector<ByteRange> name_sentences(std::string_view text, std::span<const ByteRange> icu) {
    std::vector<ByteRange> sentences;
    for (const ByteRange& sentence : icu) {
        for (const ByteRange& range : split_at_bars(text, sentence)) {
            const std::size_t end = sentences.empty() ? 0 : sentences.back().end;
            const bool after_initial =
                !sentences.empty() && range.begin == sentence.begin && end >= 2 &&
                text[end - 1] == '.' && text[end - 2] >= 'A' && text[end - 2] <= 'Z' &&
                (end - 2 == sentences.back().begin || text[end - 3] == ' ' ||
                 text[end - 3] == '(' || text[end - 3] == '"');
            if (after_initial)
                sentences.back().end = range.end;
            else
                sentences.push_back(range);
        }
    }
    return sentences;
}

/// A headline or other title-case line: every content word capitalised, at least two of them.
bool is_title_case(const std::vector<Word>& words, std::size_t first, std::size_t last) {
    std::size_t content = 0;
    for (std::size_t i = first; i < last; ++i) {
        const Word& word = words[i];
        if (!word.capitalised && !word.lower_case)
            continue; // numbers, caseless scripts
        if (word.lower_case && cues::is_function_word(word.term))
            continue;
        if (word.lower_case)
            return false;
        ++content;
    }
    return content >= 2;
}

} // namespace

AnalysedText analyse(std::string_view text, Mode mode, const NameNormalizer& normalizer) {
    const std::vector<Token> tokens = normalizer.analyzer().tokenize(text);
    std::vector<ByteRange> sentences; // only article text reads sentences
    if (mode == Mode::article)
        sentences = normalizer.analyzer().sentences(text);
    return analyse(text, TextCuts{tokens, 0, sentences}, mode, normalizer);
}

AnalysedText analyse(std::string_view text, const TextCuts& cuts, Mode mode,
                     const NameNormalizer& normalizer) {
    AnalysedText analysed{text, {}, {}};
    analysed.words.reserve(cuts.tokens.size());
    std::vector<ByteRange> sentences;
    if (mode == Mode::article)
        sentences = name_sentences(text, cuts.sentences);
    if (sentences.empty())
        sentences.push_back({0, text.size()});
    std::size_t sentence = 0;
    for (const Token& cut : cuts.tokens) {
        // Offsets into `text`, which begins at cuts.offset in the text the tokens were cut from.
        const struct {
            std::size_t begin, end;
        } token{cut.begin - cuts.offset, cut.end - cuts.offset};
        Word word;
        word.begin = token.begin;
        word.end = token.end;
        word.term = cut.term;
        word.key = normalizer.word_key(cut.term);
        const std::string_view written = text.substr(token.begin, token.end - token.begin);
        const Letters letters = letters_of(written);
        word.capitalised = letters.first_upper;
        word.lower_case = letters.first_lower;
        const std::size_t possessive = possessive_bytes(written);
        // "UK's" is written in capitals: the possessive's "s" does not count.
        const Letters name_letters =
            possessive == 0 ? letters : letters_of(written.substr(0, written.size() - possessive));
        word.no_lower = name_letters.lower == 0 && name_letters.upper > 0;
        word.latin = letters.first_latin;
        word.dotted = written.find('.') != std::string_view::npos;
        word.possessive = possessive > 0;
        word.name_end = token.end - possessive;
        if (word.dotted && token.end < text.size() && text[token.end] == '.')
            word.name_end = token.end + 1;

        bool first_in_sentence = analysed.words.empty();
        while (sentence + 1 < sentences.size() && token.begin >= sentences[sentence + 1].begin) {
            ++sentence;
            first_in_sentence = true;
        }
        word.sentence = sentence;
        const std::size_t gap_begin =
            first_in_sentence ? sentences[sentence].begin : analysed.words.back().end;
        const std::string_view gap =
            text.substr(gap_begin, std::max(gap_begin, token.begin) - gap_begin);
        if (!first_in_sentence)
            word.joined = gap_joins(gap, analysed.words.back());
        if (mode == Mode::article)
            word.initial = first_in_sentence || gap_opens(gap);
        // "... and the U.S. According to ...": the abbreviation's dot also ended the sentence.
        if (word.joined && gap.starts_with('.') && cues::is_function_word(word.term)) {
            word.joined = false;
            word.initial = mode == Mode::article;
        }
        analysed.words.push_back(std::move(word));
    }

    analysed.title_case.assign(sentences.size(), false);
    if (mode == Mode::article) {
        std::size_t first = 0;
        for (std::size_t i = 0; i <= analysed.words.size(); ++i) {
            if (i < analysed.words.size() &&
                analysed.words[i].sentence == analysed.words[first].sentence)
                continue;
            if (first < analysed.words.size())
                analysed.title_case[analysed.words[first].sentence] =
                    is_title_case(analysed.words, first, i);
            first = i;
        }
    }
    return analysed;
}

} // namespace newssearch::entities::detail
