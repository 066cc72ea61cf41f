#pragma once
/// The character encoding of a saved web page, and its conversion to UTF-8.

#include <string>
#include <string_view>

namespace newssearch::extract::html {

/// How the page's bytes were decoded.
struct DecodedPage {
    std::string text;     ///< the page as valid UTF-8, without a byte order mark
    std::string encoding; ///< encoding used ("UTF-8", "windows-1252", "UTF-16LE", ...)
    std::string declared; ///< what the page declared (BOM or meta), empty when nothing
    bool corrected = false; ///< the declaration was wrong and was overridden
};

/// The charset a page declares in its first 4096 bytes: `<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`; empty when none.
[[nodiscard]] std::string declared_charset(std::string_view bytes);

/// Decodes a page. Order: a byte order mark (UTF-8, UTF-16LE/BE) wins; then the declared
/// charset; without one, UTF-8 when the bytes are valid UTF-8, else windows-1252 (what browsers
/// assume for Western pages). A single-byte Western declaration (ISO-8859-1, windows-1252,
/// US-ASCII) on bytes that are valid UTF-8 and contain multi-byte sequences is wrong — such
/// byte pairs are almost never intended Latin-1 text — so the page is read as UTF-8 and
/// `corrected` is set. A UTF-8 declaration on invalid bytes falls back to windows-1252 when
/// most non-ASCII bytes are invalid, else invalid sequences become U+FFFD. An unknown charset
/// name is treated as no declaration. Never throws on any bytes.
[[nodiscard]] DecodedPage decode_page(std::string_view bytes);

} // namespace newssearch::extract::html
