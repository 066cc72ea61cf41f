#include "server/web_assets.hpp"

namespace newssearch::server {

const EmbeddedFile* find_embedded_file(std::string_view path) {
    if (path == "/")
        path = "/index.html";
    for (const EmbeddedFile& file : embedded_files())
        if (file.path == path)
            return &file;
    return nullptr;
}

} // namespace newssearch::searcher::server
