#pragma once
/// Saved web pages in, clean articles out: decodes a page (gzip, charset), parses it, reads its
/// metadata and chooses its article text.

#include "common/article.hpp"
#include "extract/html/block_extractor.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace newssearch::extract::html {

/// Largest page read (after decompression), in bytes.
inline constexpr std::size_t max_page_bytes = 16u << 20;

/// The article of a page and how it was chosen.
struct HtmlExtraction {
    Article article;
    BlockExtraction blocks;   ///< every block decision (for `clean --explain`)
    std::string encoding;     ///< encoding the page was read in
    std::string declared_encoding;   ///< what the page declared (BOM or meta), empty when nothing
    bool encoding_corrected = false; ///< the page declared a different, wrong encoding
    std::string body_source;  ///< "page blocks" or "JSON-LD articleBody"
};

/// Extracts the article of page `bytes` (plain or gzip-compressed). The body comes from the page
/// blocks (block_extractor.hpp), or from a JSON-LD articleBody when that holds at least as much
/// text (80%) as the blocks — publishers put the full text there. Throws DataError when the
/// page is corrupt gzip, too large, or holds no text at all.
[[nodiscard]] HtmlExtraction extract_html(std::string_view bytes, std::string id);

/// The bytes of the page file at `path` (at most max_page_bytes on disk); DataError otherwise.
[[nodiscard]] std::string read_page_file(const std::filesystem::path& path);

/// True for page file names: .html, .htm, .xhtml, and those with .gz appended.
[[nodiscard]] bool is_html_path(const std::filesystem::path& path);

/// The file's name without its page extensions (`a/b.html.gz` -> `b`).
[[nodiscard]] std::string html_stem(const std::filesystem::path& path);

} // namespace newssearch::extract::html
