#pragma once
/// Input text to UTF-8: UTF-8 is expected; anything else is taken for Windows-1252 (a superset of
/// Latin-1 for printable text, what old newsroom files are) and converted with ICU, bytes that
/// have no character there becoming U+FFFD.

#include <cstddef>
#include <string>
#include <string_view>

namespace newssearch::extract {

struct DecodedText {
    std::string text;       ///< valid UTF-8
    bool converted = false; ///< the input was not UTF-8 and was read as Windows-1252
};

/// `raw` as UTF-8 (a UTF-8 byte order mark dropped), converting from Windows-1252 when it is not
/// valid UTF-8.
[[nodiscard]] DecodedText decode_text(std::string_view raw);

/// "UTF-16LE" or "UTF-16BE" when `raw` starts with that byte order mark, else empty.
[[nodiscard]] std::string_view utf16_bom_encoding(std::string_view raw);

/// `raw`, which starts with a UTF-16 byte order mark (utf16_bom_encoding()), as valid UTF-8
/// without the mark; unpaired surrogates and a dangling odd byte become U+FFFD.
[[nodiscard]] std::string utf16_to_utf8(std::string_view raw);

/// `raw` (not valid UTF-8) read as Windows-1252; undefined bytes become U+FFFD.
[[nodiscard]] std::string windows_1252_to_utf8(std::string_view raw);

/// Reads one line (without its '\n') in bounded memory: a line longer than `max_bytes` is read
/// to its end but not kept (`too_long` is set, `line` empty). Returns false at end of input.
bool read_bounded_line(std::istream& in, std::string& line, std::size_t max_bytes, bool& too_long);

} // namespace newssearch::extract
