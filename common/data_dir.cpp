#include "common/data_dir.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace newssearch {
namespace fs = std::filesystem;
namespace {

/// The file this code was loaded from: libnewssearch.so, or the program itself when it links
/// the libraries statically (dladdr names the main program only by its argv[0]).
fs::path loaded_from() {
    std::error_code error;
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&data_dir), &info) != 0 && info.dli_fname != nullptr) {
        const fs::path object = info.dli_fname;
        const fs::path program = fs::read_symlink("/proc/self/exe", error);
        if (object.has_parent_path() && (error || !fs::equivalent(object, program, error))) {
            fs::path resolved = fs::canonical(object, error);
            if (!error) return resolved;
        }
        if (!program.empty()) return program;
    }
    return fs::read_symlink("/proc/self/exe", error);
}

bool holds_data(const fs::path& folder) {
    std::error_code error;
    return fs::is_regular_file(folder / "entities.tsv", error);
}

bool is_inside(const fs::path& file, const fs::path& folder) {
    const fs::path relative = file.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

} // namespace

std::string data_dir() {
    if (const char* from_env = std::getenv("NEWSSEARCH_DATA_DIR"); from_env && *from_env)
        return from_env;
    const fs::path object = loaded_from();
    const fs::path folder = object.parent_path();
    // The relative paths from the install's bin/ and lib/ to share/newssearch (GNUInstallDirs).
    const fs::path from_bin = (folder / NEWSSEARCH_DATA_FROM_BIN).lexically_normal();
    const fs::path from_lib = (folder / NEWSSEARCH_DATA_FROM_LIB).lexically_normal();
    for (const fs::path& candidate : {from_bin, from_lib})
        if (holds_data(candidate)) return candidate.string();
    // Only a file still in its build tree uses the source tree's corpus; an installed copy never
    // depends on where it was built.
    if (is_inside(object, NEWSSEARCH_BUILD_TREE) && holds_data(NEWSSEARCH_SOURCE_DATA_DIR))
        return NEWSSEARCH_SOURCE_DATA_DIR;
    return object.filename().string().starts_with("lib") ? from_lib.string() : from_bin.string();
}

} // namespace newssearch
