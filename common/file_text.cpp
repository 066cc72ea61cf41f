#include "common/file_text.hpp"

#include "common/errors.hpp"

#include <fstream>
#include <sstream>

namespace newssearch {

std::string read_text_file(const std::filesystem::path& path, std::string_view what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(path.string() + ": cannot read the " + std::string(what));
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) throw DataError(path.string() + ": read error reading the " + std::string(what));
    return contents.str();
}

} // namespace newssearch
