// Any bytes as a file name. printable_utf8, which makes file names into article ids, must give
// valid, printable UTF-8 and tell every name apart (decoding its %XX escapes gives the name back).
// Then a file of that name (without '/' and NUL, which no file name holds) is made in a folder and
// walked: it must come out once, with that id, and its id must be dumpable as strict JSON.
#include "fuzz_check.hpp"

#include "common/utf8.hpp"
#include "extract/input_files.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace newssearch;
namespace fs = std::filesystem;

fs::path folder;

void remove_folder() {
    std::error_code ignored;
    fs::remove_all(folder, ignored);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// The name an id was made from: each "%XX" (upper-case hex) is the byte XX.
std::string decoded(std::string_view id) {
    std::string name;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (id[i] == '%' && i + 2 < id.size() && hex_value(id[i + 1]) >= 0 && hex_value(id[i + 2]) >= 0) {
            name += static_cast<char>(hex_value(id[i + 1]) * 16 + hex_value(id[i + 2]));
            i += 2;
        } else {
            name += id[i];
        }
    }
    return name;
}

void check_printable(std::string_view name, const std::string& id) {
    FUZZ_CHECK(!find_invalid_utf8(id), "an id is valid UTF-8");
    for (const char c : id) {
        const auto byte = static_cast<unsigned char>(c);
        FUZZ_CHECK(byte >= 0x20 && byte != 0x7F, "an id has no control characters");
    }
    FUZZ_CHECK(decoded(id) == name, "an id gives its name back (no two names share an id)");
    (void)nlohmann::json(id).dump(); // throws on invalid UTF-8
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    check_printable(bytes, printable_utf8(bytes));

    if (folder.empty()) {
        std::string pattern = (fs::temp_directory_path() / "newssearch-fuzz-names-XXXXXX").string();
        FUZZ_CHECK(::mkdtemp(pattern.data()) != nullptr, "a temporary folder can be made");
        folder = pattern;
        std::atexit(remove_folder);
    }
    // A file name: no '/' or NUL, at most 250 bytes with its extension, not hidden, and never a
    // collection's documentation, which a walk leaves out by name (extract/not_article.hpp: with
    // "n" first, "notice.txt" was skipped): no such name starts with 'x'.
    std::string name = "x";
    for (const char c : bytes.substr(0, 240)) name += c == '/' || c == '\0' ? '_' : c;
    const fs::path path = folder / (name + ".txt");
    std::ofstream(path, std::ios::binary) << "A title\n\nA paragraph of the article.\n";
    std::vector<extract::InputProblem> problems;
    extract::InputWalker walker({folder.string()});
    std::vector<extract::InputFile> files;
    while (std::optional<extract::InputFile> file = walker.next(problems)) files.push_back(std::move(*file));
    std::error_code ignored;
    fs::remove(path, ignored);
    FUZZ_CHECK(problems.empty(), "a file of any name is read");
    FUZZ_CHECK(files.size() == 1, "the file is walked once");
    FUZZ_CHECK(files[0].path == path.string(), "the file's path is kept byte for byte");
    check_printable(name, files[0].id);
    return 0;
}
