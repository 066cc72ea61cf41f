// Any bytes as a user query, against a small index of the bundled articles (built once in a
// temporary folder): QueryBuilder parses it with the index's vocabulary (wildcards, spelling),
// then Searcher runs it with snippets. Only UsageError (nothing searchable, a bad date) may come
// out.
#include "fuzz_check.hpp"

#include "common/errors.hpp"
#include "common/file_text.hpp"
#include "indexer/index_writer.hpp"
#include "extract/scrape_cleaner.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/searcher.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace {

using namespace newssearch;
namespace fs = std::filesystem;

fs::path index_folder;

void remove_index() {
    std::error_code ignored;
    fs::remove_all(index_folder, ignored);
}

// Indexes corpus/raw into a fresh temporary folder, removed when the fuzzer exits.
std::string build_index() {
    std::string pattern = (fs::temp_directory_path() / "newssearch-fuzz-XXXXXX").string();
    FUZZ_CHECK(::mkdtemp(pattern.data()) != nullptr, "a temporary folder can be made");
    index_folder = pattern;
    std::atexit(remove_index);
    const std::string path = (index_folder / "db").string();
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

struct Fixture {
    std::string path = build_index();
    Xapian::Database database{path};
    Analyzer analyzer;
    searcher::QueryBuilder builder{analyzer, &database};
    searcher::Searcher searcher{path};
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Fixture fixture;
    const std::string_view query(reinterpret_cast<const char*>(data), size);
    try {
        const searcher::ParsedQuery parsed = fixture.builder.parse(query);
        (void)parsed.query.get_description();
        SearchOptions options;
        options.query = std::string(query);
        options.limit = 3;
        const SearchResults result = fixture.searcher.search(options);
        FUZZ_CHECK(result.hits.size() <= options.limit, "no more hits than asked for");
    } catch (const UsageError&) {
        // Nothing searchable, or a bad date: the user is told.
    }
    return 0;
}
