#pragma once
/// UTF-8 validation and repair: input files and queries are checked before analysis so that a bad
/// byte is reported (with where it is) instead of silently producing garbage terms.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newssearch {

/// Byte offset of the first invalid UTF-8 sequence in `text`, or nullopt when the text is valid.
/// Overlong forms, surrogates and code points above U+10FFFF are invalid.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// A copy of `text` with every invalid sequence replaced by U+FFFD.
[[nodiscard]] std::string repair_utf8(std::string_view text);

/// `text` with each byte that is not part of valid UTF-8 written as "%XX" (upper-case hex), and
/// each control character (below U+0020, and DEL) too, and a '%' followed by two upper-case hex
/// digits ("%25E9" for "%E9"): a printable, valid UTF-8 form that keeps every byte and tells
/// every text apart, for names that come from outside (file names made into article ids). Text
/// that is valid, printable and has no such '%' is returned unchanged.
[[nodiscard]] std::string printable_utf8(std::string_view text);

/// True when every byte of `text` is ASCII.
[[nodiscard]] bool is_ascii(std::string_view text);

/// True when `text` looks binary rather than text: it contains NUL bytes or a large share of
/// control characters other than tab, newline, carriage return and form feed.
[[nodiscard]] bool looks_binary(std::string_view text);

} // namespace newssearch
