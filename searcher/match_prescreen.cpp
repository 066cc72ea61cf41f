#include "searcher/match_prescreen.hpp"

#include "common/analyzer.hpp"
#include "common/schema.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace newssearch::searcher {
namespace {

std::string needle_of(const std::string& term) {
    if (term.starts_with(schema::stem_marker))
        return longest_plain_piece(stem_core(std::string_view(term).substr(schema::stem_marker.size())));
    return longest_plain_piece(term);
}

/// `text` lower-cased (ASCII) with its dots removed, the form every needle is a substring of,
/// remembering where the dots were. Texts have few dots.
struct Haystack {
    std::string bytes;
    std::vector<std::size_t> dots; ///< for each dot removed, the length of `bytes` when it was
    bool ascii = true;             ///< the text has no byte outside ASCII

    /// The text byte that haystack byte `h` was: h + the dots removed before it.
    [[nodiscard]] std::size_t text_at(std::size_t h) const {
        return h + static_cast<std::size_t>(std::upper_bound(dots.begin(), dots.end(), h) - dots.begin());
    }
};

Haystack haystack_of(std::string_view text) {
    Haystack haystack;
    haystack.bytes.resize(text.size());
    std::size_t length = 0;
    for (const char c : text) {
        if (c == '.') {
            haystack.dots.push_back(length);
            continue;
        }
        haystack.ascii &= static_cast<unsigned char>(c) < 0x80;
        haystack.bytes[length++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    haystack.bytes.resize(length);
    return haystack;
}

} // namespace

std::string longest_plain_piece(std::string_view term) {
    std::string_view best;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= term.size(); ++i) {
        if (i < term.size() && term[i] != '\'' && term[i] != '.') continue;
        if (i - begin > best.size()) best = term.substr(begin, i - begin);
        begin = i + 1;
    }
    return std::string(best);
}

bool folds_as_ascii(std::string_view text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        if (bytes[i] < 0x80) {
            ++i;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;
        // Letters, marks and digits are parts of words; anything folding changes may become one.
        const int8_t type = u_charType(c);
        const bool word_part = U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK);
        if (word_part || type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR ||
            u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED))
            return false;
    }
    return true;
}

MatchPrescreen::MatchPrescreen(const HighlightTerms& terms) {
    for (const std::string& word : terms.words) word_needles_.push_back(needle_of(word));
    for (const auto& phrase : terms.phrases) {
        std::vector<std::string> needles;
        for (const std::string& word : phrase) needles.push_back(needle_of(word));
        phrase_needles_.push_back(std::move(needles));
    }
    needs_whole_text_ = !phrase_needles_.empty() || std::any_of(word_needles_.begin(), word_needles_.end(),
                                                                [](const std::string& needle) { return needle.empty(); });
}

bool MatchPrescreen::may_match(std::string_view text) const {
    const Haystack haystack = haystack_of(text);
    if (!haystack.ascii && !folds_as_ascii(text)) return true;
    const auto found = [&](const std::string& needle) { return haystack.bytes.find(needle) != std::string::npos; };
    if (std::any_of(word_needles_.begin(), word_needles_.end(), found)) return true;
    return std::any_of(phrase_needles_.begin(), phrase_needles_.end(), [&](const std::vector<std::string>& needles) {
        return !needles.empty() && std::all_of(needles.begin(), needles.end(), found);
    });
}

std::optional<std::vector<ByteRange>> MatchPrescreen::matching_parts(std::string_view text) const {
    if (needs_whole_text_) {
        if (!may_match(text)) return std::vector<ByteRange>{};
        return std::nullopt;
    }
    const Haystack haystack = haystack_of(text);
    if (!haystack.ascii && !folds_as_ascii(text)) return std::nullopt;
    // A matching word holds its needle (why: match_prescreen.hpp), so every place a needle is
    // found is looked at; a word's part is whole between two safe spaces, so parts never overlap.
    std::vector<ByteRange> parts;
    for (const std::string& needle : word_needles_) {
        for (std::size_t found = haystack.bytes.find(needle); found != std::string::npos;
             found = haystack.bytes.find(needle, found + 1))
            parts.push_back(Analyzer::self_contained_span(text, haystack.text_at(found),
                                                          haystack.text_at(found + needle.size() - 1) + 1));
    }
    std::sort(parts.begin(), parts.end(), [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
    parts.erase(std::unique(parts.begin(), parts.end(),
                            [](const ByteRange& a, const ByteRange& b) { return a.begin == b.begin; }),
                parts.end());
    return parts;
}

} // namespace newssearch::searcher
