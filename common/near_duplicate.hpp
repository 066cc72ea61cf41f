#pragma once
/// Near-duplicate articles: the same story copied, re-sent or lightly edited. Each article gets a
/// 64-bit SimHash (Charikar 2002; as Manku, Jain and Das Sarma 2007 used it for web pages) of the
/// word 3-shingles of its title and text, in the analysis pipeline's index forms, so that case,
/// accents and punctuation never tell copies apart. Two articles whose fingerprints differ in
/// few bits share most of their shingles. Chosen over MinHash because one 64-bit value per
/// article is all it stores and a comparison is one XOR: results are compared at search time
/// (searcher/copies.hpp), which works the same on one index, on shards and after any update.
/// The threshold was measured on labelled BBC pairs (docs/EVALUATION.md, "One story once").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch {

/// Articles with fewer words than this get no fingerprint: too short to tell a copy from a
/// story that only shares its phrasing.
inline constexpr std::size_t min_fingerprint_words = 20;

/// Fingerprints that differ in at most this many bits are the same story.
inline constexpr int max_duplicate_distance = 8;

/// The SimHash of `words` (index forms, in text order): for each bit, the majority vote of the
/// FNV-1a hashes of its word 3-shingles. Empty below min_fingerprint_words words.
[[nodiscard]] std::optional<std::uint64_t> simhash(const std::vector<std::string>& words);

/// The key that makes re-filed versions of a story one story: the headline's words (index forms)
/// and the date, "word word word|YYYY-MM-DD". Wire services re-file a story under the same
/// headline as it grows, and a copy that doubled in length is no near-duplicate by text. Empty
/// without a date or with a headline of fewer than three words (generic headlines such as
/// "Results" repeat for different stories).
[[nodiscard]] std::string dated_headline(const std::vector<std::string>& title_words, std::string_view date);

/// How many bits two fingerprints differ in.
[[nodiscard]] int fingerprint_distance(std::uint64_t a, std::uint64_t b);

/// A fingerprint as stored in the index (16 lower-case hex digits), and back; nullopt for
/// anything else (an older index stores nothing).
[[nodiscard]] std::string format_fingerprint(std::uint64_t fingerprint);
[[nodiscard]] std::optional<std::uint64_t> parse_fingerprint(std::string_view stored);

} // namespace newssearch
