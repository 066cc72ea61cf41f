#include "extract/text_decoding.hpp"

#include "common/utf8.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>

#include <array>
#include <istream>
#include <memory>
#include <stdexcept>
#include <string>

namespace newssearch::extract {
namespace {

/// ICU to-Unicode callback: a byte without a character becomes U+FFFD (ICU's own substitute for
/// single-byte charsets is the SUB control character).
void replace_with_fffd(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                       UConverterCallbackReason reason, UErrorCode* error) {
    if (reason > UCNV_IRREGULAR) return; // reset, close, clone: nothing to write
    static const UChar replacement = 0xFFFD;
    *error = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

} // namespace

std::string windows_1252_to_utf8(std::string_view raw) {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open("windows-1252", &status), ucnv_close);
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no windows-1252 converter: " + std::string(u_errorName(status)));
    ucnv_setToUCallBack(converter.get(), replace_with_fffd, nullptr, nullptr, nullptr, &status);
    icu::UnicodeString text(raw.data(), static_cast<int32_t>(raw.size()), converter.get(), status);
    if (U_FAILURE(status)) throw std::runtime_error("cannot convert from Windows-1252: " + std::string(u_errorName(status)));
    // ICU passes 1252's undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) through as C1 controls.
    for (int32_t i = 0; i < text.length(); ++i)
        if (text.charAt(i) >= 0x80 && text.charAt(i) <= 0x9F) text.setCharAt(i, 0xFFFD);
    std::string utf8;
    text.toUTF8String(utf8);
    // Whatever the converter passed through unmapped must still end up valid.
    return find_invalid_utf8(utf8) ? repair_utf8(utf8) : utf8;
}

std::string_view utf16_bom_encoding(std::string_view raw) {
    if (raw.starts_with("\xFF\xFE")) return "UTF-16LE";
    if (raw.starts_with("\xFE\xFF")) return "UTF-16BE";
    return {};
}

std::string utf16_to_utf8(std::string_view raw) {
    const std::string_view encoding = utf16_bom_encoding(raw);
    if (encoding.empty()) throw std::invalid_argument("utf16_to_utf8: no UTF-16 byte order mark");
    raw.remove_prefix(2);
    const bool little_endian = encoding == "UTF-16LE";
    std::u16string units;
    units.reserve(raw.size() / 2 + 1);
    for (std::size_t i = 0; i + 1 < raw.size(); i += 2) {
        const auto first = static_cast<unsigned char>(raw[i]);
        const auto second = static_cast<unsigned char>(raw[i + 1]);
        units += static_cast<char16_t>(little_endian ? first | second << 8 : first << 8 | second);
    }
    if (raw.size() % 2 != 0) units += u'\uFFFD';
    const icu::UnicodeString text(units.data(), static_cast<int32_t>(units.size()));
    std::string utf8;
    text.toUTF8String(utf8); // ICU writes unpaired surrogates as U+FFFD
    return find_invalid_utf8(utf8) ? repair_utf8(utf8) : utf8;
}

DecodedText decode_text(std::string_view raw) {
    if (raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);
    if (!find_invalid_utf8(raw)) return {std::string(raw), false};
    return {windows_1252_to_utf8(raw), true};
}

bool read_bounded_line(std::istream& in, std::string& line, std::size_t max_bytes, bool& too_long) {
    line.clear();
    too_long = false;
    std::array<char, 1 << 16> buffer;
    bool read_any = false;
    for (;;) {
        in.getline(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto count = static_cast<std::size_t>(in.gcount());
        const bool filled = in.fail() && !in.eof() && count == buffer.size() - 1;
        const bool ended_by_newline = !in.fail() && !in.eof();
        const std::size_t stored = ended_by_newline ? count - 1 : count;
        read_any = read_any || count > 0;
        if (!too_long && line.size() + stored > max_bytes) {
            too_long = true;
            line.clear();
            line.shrink_to_fit();
        }
        if (!too_long) line.append(buffer.data(), stored);
        if (!filled) break;
        in.clear();
    }
    return read_any;
}

} // namespace newssearch::extract
