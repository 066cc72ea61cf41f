#pragma once
/// The search page's files, embedded in the program at build time (cmake/EmbedFiles.cmake from
/// server/web/). The service serves exactly these and nothing from disk, so no request
/// path can reach another file.

#include <span>
#include <string_view>

namespace newssearch::server {

struct EmbeddedFile {
    std::string_view path;         ///< URL path: "/index.html", "/app.js"
    std::string_view content_type; ///< with charset for text
    std::string_view body;
};

/// Every embedded file.
[[nodiscard]] std::span<const EmbeddedFile> embedded_files();

/// The file served at `path` ("/" is "/index.html"), or nullptr. Exact match only.
[[nodiscard]] const EmbeddedFile* find_embedded_file(std::string_view path);

} // namespace newssearch::searcher::server
