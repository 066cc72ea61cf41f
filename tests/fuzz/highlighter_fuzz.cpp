// Any bytes as "window size byte, query, '\n', passage text": the query's terms are marked in
// the text and a snippet is cut around them. Marks must lie inside the text, sorted and apart.
#include "fuzz_check.hpp"

#include "common/errors.hpp"
#include "searcher/highlighter.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/snippet.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

using namespace newssearch;

void check_ranges(const std::vector<ByteRange>& ranges, std::size_t size, const char* what) {
    std::size_t previous_end = 0;
    for (const ByteRange& range : ranges) {
        FUZZ_CHECK(range.begin < range.end && range.end <= size, what);
        FUZZ_CHECK(range.begin >= previous_end, what);
        previous_end = range.end;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Analyzer analyzer;
    static const searcher::QueryBuilder builder(analyzer, nullptr);
    if (size == 0) return 0;
    const std::size_t max_bytes = 8 + std::size_t{data[0]} * 4;
    std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::size_t line_end = input.find('\n');
    if (line_end == std::string_view::npos) return 0;
    const std::string_view query = input.substr(0, line_end);
    const std::string_view text = input.substr(line_end + 1);

    searcher::HighlightTerms terms;
    try {
        terms = searcher::highlight_terms(builder.parse(query).query);
    } catch (const UsageError&) {
        return 0; // nothing searchable in the query
    }
    const std::vector<ByteRange> marks = searcher::highlight(analyzer, text, terms);
    check_ranges(marks, text.size(), "marks lie in the text, sorted and apart");
    const searcher::Snippet snippet = searcher::make_snippet(text, marks, max_bytes);
    FUZZ_CHECK(snippet.text.size() <= text.size(), "a snippet is no longer than its text");
    check_ranges(snippet.highlights, snippet.text.size(), "snippet marks lie in the snippet");
    return 0;
}
