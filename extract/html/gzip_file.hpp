#pragma once
/// Reading gzip-compressed files (saved pages such as `page.html.gz`).

#include <cstddef>
#include <string>
#include <string_view>

namespace newssearch::extract::html {

/// True when `bytes` start with the gzip magic number.
[[nodiscard]] bool is_gzip(std::string_view bytes);

/// The decompressed content of gzip `bytes` (all members). Throws DataError when the data is
/// corrupt or truncated, or when the output would exceed `max_bytes` (a decompression bomb).
[[nodiscard]] std::string gunzip(std::string_view bytes, std::size_t max_bytes);

} // namespace newssearch::extract::html
