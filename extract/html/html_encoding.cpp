#include "extract/html/html_encoding.hpp"
#include "common/text.hpp"

#include "common/utf8.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace newssearch::extract::html {
namespace {

std::string lower(std::string_view s) { return text::ascii_lower(s); }

/// The value after `charset=` at `pos` in `head` (quotes and spaces skipped).
std::string charset_value(std::string_view head, std::size_t pos) {
    while (pos < head.size() && (head[pos] == ' ' || head[pos] == '"' || head[pos] == '\'')) ++pos;
    std::size_t end = pos;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                                 head[end] == '_' || head[end] == ':' || head[end] == '.'))
        ++end;
    return std::string(head.substr(pos, end - pos));
}

bool is_western_single_byte(const std::string& name) {
    return name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" || name == "latin-1" ||
           name == "windows-1252" || name == "cp1252" || name == "us-ascii" || name == "ascii" ||
           name == "iso-8859-15";
}

bool is_utf8_name(const std::string& name) { return name == "utf-8" || name == "utf8"; }

bool has_multibyte(std::string_view bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

/// Converts with ICU; empty optional-like result signalled by `ok` false when the name is unknown.
bool convert(std::string_view bytes, const char* encoding, std::string& out) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> source(ucnv_open(encoding, &status), &ucnv_close);
    if (U_FAILURE(status)) return false;
    status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> target(ucnv_open("UTF-8", &status), &ucnv_close);
    if (U_FAILURE(status)) return false;
    out.assign(bytes.size() * 3 + 16, '\0');
    char* target_ptr = out.data();
    const char* source_ptr = bytes.data();
    status = U_ZERO_ERROR;
    ucnv_convertEx(target.get(), source.get(), &target_ptr, out.data() + out.size(), &source_ptr,
                   bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true, &status);
    if (U_FAILURE(status)) return false;
    out.resize(static_cast<std::size_t>(target_ptr - out.data()));
    return true;
}

/// Share of non-ASCII bytes that are not part of valid UTF-8 sequences (rough, linear).
bool mostly_invalid_utf8(std::string_view bytes) {
    std::size_t high = 0;
    for (char c : bytes) high += static_cast<unsigned char>(c) >= 0x80;
    if (high == 0) return false;
    const std::string repaired = repair_utf8(bytes);
    // Each invalid byte becomes U+FFFD (3 bytes): count them.
    std::size_t replaced = 0;
    for (std::size_t pos = repaired.find("\xEF\xBF\xBD"); pos != std::string::npos;
         pos = repaired.find("\xEF\xBF\xBD", pos + 3))
        ++replaced;
    return replaced * 2 > high;
}

} // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string head = lower(bytes.substr(0, 4096));
    for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
        const std::size_t end = head.find('>', meta);
        const std::string_view tag = std::string_view(head).substr(meta, end == std::string::npos ? std::string::npos : end - meta);
        const std::size_t charset = tag.find("charset");
        if (charset == std::string_view::npos) continue;
        std::size_t pos = charset + 7;
        while (pos < tag.size() && tag[pos] == ' ') ++pos;
        if (pos >= tag.size() || tag[pos] != '=') continue;
        std::string value = charset_value(tag, pos + 1);
        if (!value.empty()) return value;
    }
    return {};
}

DecodedPage decode_page(std::string_view bytes) {
    DecodedPage page;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        page.declared = page.encoding = "UTF-8";
        page.text = repair_utf8(bytes.substr(3));
        return page;
    }
    for (const auto& [bom, name] : {std::pair{std::string_view("\xFF\xFE"), "UTF-16LE"},
                                    std::pair{std::string_view("\xFE\xFF"), "UTF-16BE"}}) {
        if (bytes.starts_with(bom) && convert(bytes.substr(2), name, page.text)) {
            page.declared = page.encoding = name;
            page.text = repair_utf8(page.text);
            return page;
        }
    }
    page.declared = declared_charset(bytes);
    const bool valid_utf8 = !find_invalid_utf8(bytes).has_value();
    std::string name = page.declared;
    if (is_western_single_byte(name) && valid_utf8 && has_multibyte(bytes)) {
        name = "utf-8";
        page.corrected = true;
    }
    if (name.empty()) name = valid_utf8 ? "utf-8" : "windows-1252";
    if (is_utf8_name(name) && !valid_utf8 && mostly_invalid_utf8(bytes)) {
        name = "windows-1252";
        page.corrected = !page.declared.empty();
    }
    if (is_utf8_name(name)) {
        page.encoding = "UTF-8";
        page.text = valid_utf8 ? std::string(bytes) : repair_utf8(bytes);
        return page;
    }
    // ISO-8859-1 is read as windows-1252, as browsers do (the 0x80-0x9F range is punctuation).
    if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii") name = "windows-1252";
    if (convert(bytes, name.c_str(), page.text)) {
        page.encoding = name;
        page.text = repair_utf8(page.text);
        return page;
    }
    // Unknown name: as if nothing had been declared.
    page.encoding = valid_utf8 ? "UTF-8" : "windows-1252";
    if (valid_utf8 || !convert(bytes, "windows-1252", page.text)) page.text = repair_utf8(bytes);
    return page;
}

} // namespace newssearch::extract::html
