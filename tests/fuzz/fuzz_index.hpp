#pragma once
// A small index of the bundled articles for the fuzz targets that search: built once, in a fresh
// temporary folder removed when the fuzzer exits.

#include "fuzz_check.hpp"

#include "common/file_text.hpp"
#include "extract/scrape_cleaner.hpp"
#include "indexer/index_writer.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

namespace newssearch::fuzz {

inline std::filesystem::path& index_folder() {
    static std::filesystem::path folder;
    return folder;
}

inline void remove_index() {
    std::error_code ignored;
    std::filesystem::remove_all(index_folder(), ignored);
}

/// Indexes corpus/raw (with the bundled gazetteer) and returns the index's path.
inline std::string build_index() {
    namespace fs = std::filesystem;
    std::string pattern = (fs::temp_directory_path() / "newssearch-fuzz-XXXXXX").string();
    FUZZ_CHECK(::mkdtemp(pattern.data()) != nullptr, "a temporary folder can be made");
    index_folder() = pattern;
    std::atexit(remove_index);
    const std::string path = (index_folder() / "db").string();
    indexer::IndexWriter writer(path);
    const std::string gazetteer = std::string(NEWSSEARCH_CORPUS_DIR) + "/entities.tsv";
    writer.set_gazetteer(read_text_file(gazetteer, "entity gazetteer"), gazetteer);
    for (const fs::directory_entry& entry : fs::directory_iterator(NEWSSEARCH_CORPUS_DIR "/raw")) {
        Article article = extract::clean_scrape(read_text_file(entry.path(), "article"));
        article.id = entry.path().stem().string();
        writer.add(article);
    }
    writer.commit();
    return path;
}

} // namespace newssearch::fuzz
