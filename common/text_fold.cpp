#include "common/text_fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace newssearch {
namespace {

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

const icu::Normalizer2& normalizer(const char* which) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = nullptr;
    if (std::string_view(which) == "nfkc_cf") instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
    else if (std::string_view(which) == "nfd") instance = icu::Normalizer2::getNFDInstance(status);
    else instance = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || instance == nullptr)
        throw std::runtime_error(std::string("ICU normaliser unavailable: ") + u_errorName(status));
    return *instance;
}

bool is_apostrophe(UChar32 c) {
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032 || c == 0xFF07 || c == 0x201B;
}

/// Letters that have no canonical decomposition but are read as plain Latin letters.
const char16_t* ascii_lookalike(UChar32 c) {
    switch (c) {
    case 0x00F8: return u"o";  // ø
    case 0x0111: return u"d";  // đ
    case 0x00F0: return u"d";  // ð
    case 0x0142: return u"l";  // ł
    case 0x00FE: return u"th"; // þ
    case 0x00E6: return u"ae"; // æ
    case 0x0153: return u"oe"; // œ
    case 0x0131: return u"i";  // dotless ı
    default: return nullptr;
    }
}

/// Removes combining marks that follow Latin or Greek base letters, maps look-alike letters and
/// apostrophes. Input must be in NFD.
icu::UnicodeString strip_accents(const icu::UnicodeString& decomposed) {
    icu::UnicodeString out;
    UScriptCode base_script = USCRIPT_COMMON;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            if (base_script == USCRIPT_LATIN || base_script == USCRIPT_GREEK) continue;
            out.append(c);
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        base_script = uscript_getScript(c, &status);
        if (is_apostrophe(c)) {
            out.append(static_cast<UChar32>('\''));
        } else if (const char16_t* lookalike = ascii_lookalike(c)) {
            out.append(icu::UnicodeString(lookalike));
        } else {
            out.append(c);
        }
    }
    return out;
}

/// "u.s" / "u.s.a" -> "us" / "usa": single letters separated by dots.
bool is_dotted_abbreviation(std::string_view word) {
    if (word.size() < 3) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const bool letter_slot = i % 2 == 0;
        const char c = word[i];
        if (letter_slot != (c != '.')) return false;
        if (c == '.') continue;
        // Only single letters (ASCII here; ICU has already folded case).
        if (!(c >= 'a' && c <= 'z')) return false;
    }
    return true;
}

void drop_possessive(std::string& word) {
    if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);
    while (!word.empty() && word.back() == '\'') word.pop_back();
    while (!word.empty() && word.front() == '\'') word.erase(word.begin());
}

} // namespace

std::string fold_word(std::string_view word) {
    std::string folded;
    if (is_ascii(word)) {
        // Copied whole and lowered in place: a push_back per letter cost more than the rest.
        folded.assign(word);
        for (char& c : folded)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else {
        static const icu::Normalizer2& nfkc_cf = normalizer("nfkc_cf");
        static const icu::Normalizer2& nfd = normalizer("nfd");
        static const icu::Normalizer2& nfc = normalizer("nfc");
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
            icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
        const icu::UnicodeString casefolded = nfkc_cf.normalize(source, status);
        const icu::UnicodeString decomposed = nfd.normalize(casefolded, status);
        const icu::UnicodeString composed = nfc.normalize(strip_accents(decomposed), status);
        if (U_FAILURE(status)) return {};
        composed.toUTF8String(folded);
    }
    drop_possessive(folded);
    if (is_dotted_abbreviation(folded)) std::erase(folded, '.');
    return folded;
}

std::string plain_punctuation(std::string_view text) {
    // In ASCII only the control characters change (every name the entity recogniser spells out
    // of English text comes here): no round trip through UTF-16.
    if (is_ascii(text)) {
        std::string plain(text);
        for (char& c : plain)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
                c = ' ';
        return plain;
    }
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString out;
    for (int32_t i = 0; i < source.length();) {
        const UChar32 c = source.char32At(i);
        i += U16_LENGTH(c);
        if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x00AB ||
            c == 0x00BB || c == 0x2033 || c == 0xFF02) {
            out.append(static_cast<UChar32>('"'));
        } else if (is_apostrophe(c)) {
            out.append(static_cast<UChar32>('\''));
        } else if (u_charType(c) == U_DASH_PUNCTUATION || c == 0x2212) {
            out.append(static_cast<UChar32>('-'));
        } else if (u_isUWhiteSpace(c) || u_iscntrl(c)) {
            out.append(static_cast<UChar32>(' '));
        } else {
            out.append(c);
        }
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

} // namespace newssearch
