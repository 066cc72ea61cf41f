#include "common/entities/name_normalizer.hpp"

#include "common/utf8.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace newssearch::entities {
namespace {

// BGN/PCGN for Russian gives the spellings English news uses ("Sergey", not ISO 9 "Sergej");
// Any-Latin covers every other script.
constexpr const char* transliteration_id = "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower";

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/// The spelling-variant rules of word_key on an ASCII lower-case word.
void unify_variants(std::string& word) {
    for (std::size_t i = 1; i + 1 < word.size(); ++i)
        if (word[i] == 'y' && is_vowel(word[i - 1]) && !is_vowel(word[i + 1]) && word[i + 1] != 'y')
            word[i] = 'i';
    if (word.size() >= 4 && word.back() == 'j' &&
        (is_vowel(word[word.size() - 2]) || word[word.size() - 2] == 'y'))
        word.back() = 'i';
    std::size_t run = word.size();
    while (run > 0 && (word[run - 1] == 'i' || word[run - 1] == 'y'))
        --run;
    if (run < word.size() && run >= 2) {
        word.resize(run);
        word += 'i';
    }
}

/// The ASCII letters (in lower case) and digits of `latin`, nothing else.
std::string ascii_key(std::string_view latin) {
    std::string key;
    key.reserve(latin.size());
    for (const char c : latin) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            key += c;
        else if (c >= 'A' && c <= 'Z')
            key += static_cast<char>(c - 'A' + 'a');
    }
    return key;
}

/// The keys `word_key` gives the words of `name`, joined by '_', empty ones left out.
template <class WordKey>
std::string joined_key(const Analyzer& analyzer, std::string_view name, WordKey word_key) {
    std::string key;
    for (const Token& token : analyzer.tokenize(name)) {
        const std::string word = word_key(token.term);
        if (word.empty())
            continue;
        if (!key.empty())
            key += '_';
        key += word;
    }
    return key;
}

} // namespace

struct NameNormalizer::Icu {
    std::unique_ptr<icu::Transliterator> transliterator;
};

NameNormalizer::NameNormalizer() : icu_(std::make_unique<Icu>()) {}

std::string NameNormalizer::to_latin(std::string_view word) const {
    // Built on the first word outside ASCII: the first transliterator a process builds is slow
    // (ICU loads its registry), slower than the rest of a command-line search.
    if (!icu_->transliterator) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error;
        icu_->transliterator.reset(icu::Transliterator::createInstance(
            icu::UnicodeString::fromUTF8(transliteration_id), UTRANS_FORWARD, parse_error, status));
        if (U_FAILURE(status) || !icu_->transliterator)
            throw std::runtime_error(std::string("ICU transliterator unavailable: ") + u_errorName(status));
    }
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    icu_->transliterator->transliterate(text);
    std::string latin;
    text.toUTF8String(latin);
    return latin;
}

NameNormalizer::~NameNormalizer() = default;

const NameNormalizer& NameNormalizer::for_this_thread() {
    thread_local const NameNormalizer instance;
    return instance;
}

std::string NameNormalizer::word_key(std::string_view folded_word) const {
    // ASCII (nearly every word of English news) is read in place, not copied first.
    std::string key = is_ascii(folded_word) ? ascii_key(folded_word) : ascii_key(to_latin(folded_word));
    unify_variants(key);
    return key;
}

std::string NameNormalizer::name_key(std::string_view name) const {
    return joined_key(analyzer_, name, [this](std::string_view word) { return word_key(word); });
}

std::string NameNormalizer::readable_word_key(std::string_view folded_word) const {
    return is_ascii(folded_word) ? ascii_key(folded_word) : word_key(folded_word);
}

std::string NameNormalizer::readable_key(std::string_view name) const {
    return joined_key(analyzer_, name, [this](std::string_view word) { return readable_word_key(word); });
}

std::string entity_key(std::string_view name) {
    return NameNormalizer::for_this_thread().readable_key(name);
}

std::string name_match_key(std::string_view name) {
    return NameNormalizer::for_this_thread().name_key(name);
}

std::string key_match_form(std::string_view key) {
    std::string result;
    while (true) {
        const std::size_t end = key.find('_');
        std::string word(key.substr(0, end));
        unify_variants(word);
        if (!word.empty()) {
            if (!result.empty())
                result += '_';
            result += word;
        }
        if (end == std::string_view::npos)
            break;
        key.remove_prefix(end + 1);
    }
    return result;
}

} // namespace newssearch::entities
