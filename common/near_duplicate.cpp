#include "common/near_duplicate.hpp"

#include "common/hash.hpp"

#include <array>
#include <bit>

namespace newssearch {

std::optional<std::uint64_t> simhash(const std::vector<std::string>& words) {
    if (words.size() < min_fingerprint_words) return std::nullopt;
    std::array<int, 64> votes{};
    std::string shingle;
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        shingle.assign(words[i]).append(1, ' ').append(words[i + 1]).append(1, ' ').append(words[i + 2]);
        const std::uint64_t hash = fnv1a_64(shingle);
        for (std::size_t bit = 0; bit < 64; ++bit) votes[bit] += ((hash >> bit) & 1U) ? 1 : -1;
    }
    std::uint64_t fingerprint = 0;
    for (std::size_t bit = 0; bit < 64; ++bit)
        if (votes[bit] > 0) fingerprint |= std::uint64_t{1} << bit;
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
