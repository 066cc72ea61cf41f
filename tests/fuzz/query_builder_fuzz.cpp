// Any bytes as a user query, against a small index of the bundled articles (built once in a
// temporary folder): QueryBuilder parses it with the index's vocabulary (wildcards, spelling),
// then Searcher runs it with snippets. Only UsageError (nothing searchable, a bad date) may come
// out.
#include "fuzz_check.hpp"
#include "fuzz_index.hpp"

#include "common/errors.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/searcher.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace {

using namespace newssearch;

using fuzz::build_index;

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
