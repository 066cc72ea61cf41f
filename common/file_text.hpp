#pragma once
/// Reading a whole (small) text file: gazetteers, synonym files, topic files.

#include <filesystem>
#include <string>
#include <string_view>

namespace newssearch {

/// The bytes of the file at `path`. Throws DataError "PATH: cannot read the WHAT" or "PATH: read
/// error reading the WHAT", where `what` names the file's role ("entity gazetteer").
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path, std::string_view what);

} // namespace newssearch
