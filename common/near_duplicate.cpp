#include "common/near_duplicate.hpp"

#include "common/hash.hpp"

#include <array>
#include <bit>

namespace newssearch {

namespace {

/// spread[b] has bit j of b in its byte j: adding it to a word of eight byte-wide counters counts
/// the ones of eight bit positions at once.
constexpr std::array<std::uint64_t, 256> spread_bits = [] {
    std::array<std::uint64_t, 256> table{};
    for (std::size_t value = 0; value < 256; ++value)
        for (std::size_t bit = 0; bit < 8; ++bit)
            if ((value >> bit) & 1U) table[value] |= std::uint64_t{1} << (8 * bit);
    return table;
}();

} // namespace

std::optional<std::uint64_t> simhash(const std::vector<std::string>& words) {
    if (words.size() < min_fingerprint_words) return std::nullopt;
    // Bit i of the fingerprint is set when more than half the shingles' hashes have it set (a
    // vote of +1 or -1 each). The ones are counted eight bit positions a step, in byte-wide
    // counters emptied before they can overflow: indexing spent 2% of its time on a loop over
    // the 64 bits of every shingle.
    std::array<std::uint64_t, 64> ones{};
    std::array<std::uint64_t, 8> counters{}; // counters[k], byte j: ones of bit 8k + j
    const auto empty_counters = [&] {
        for (std::size_t k = 0; k < 8; ++k) {
            for (std::size_t j = 0; j < 8; ++j) ones[8 * k + j] += (counters[k] >> (8 * j)) & 0xFFU;
            counters[k] = 0;
        }
    };
    std::string shingle;
    std::size_t shingles = 0;
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        shingle.assign(words[i]).append(1, ' ').append(words[i + 1]).append(1, ' ').append(words[i + 2]);
        const std::uint64_t hash = fnv1a_64(shingle);
        for (std::size_t k = 0; k < 8; ++k) counters[k] += spread_bits[(hash >> (8 * k)) & 0xFFU];
        if (++shingles % 255 == 0) empty_counters();
    }
    empty_counters();
    std::uint64_t fingerprint = 0;
    for (std::size_t bit = 0; bit < 64; ++bit)
        if (2 * ones[bit] > shingles) fingerprint |= std::uint64_t{1} << bit;
    return fingerprint;
}

std::string dated_headline(const std::vector<std::string>& title_words, std::string_view date) {
    if (date.empty() || title_words.size() < 3) return {};
    std::string key;
    for (const std::string& word : title_words) key.append(key.empty() ? "" : " ").append(word);
    return key.append(1, '|').append(date);
}

int fingerprint_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

std::string format_fingerprint(std::uint64_t fingerprint) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text(16, '0');
    for (int i = 15; i >= 0; --i, fingerprint >>= 4) text[static_cast<std::size_t>(i)] = digits[fingerprint & 0xF];
    return text;
}

std::optional<std::uint64_t> parse_fingerprint(std::string_view stored) {
    if (stored.size() != 16) return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : stored) {
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        if (digit < 0) return std::nullopt;
        value = (value << 4) | static_cast<std::uint64_t>(digit);
    }
    return value;
}

} // namespace newssearch
