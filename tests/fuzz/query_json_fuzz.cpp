// Any bytes as a user query, searched over a small index of the bundled articles with facets and
// explanations, then rendered as `newssearch --json` prints it: the text must be valid UTF-8 and
// parse as JSON, and every highlight must lie inside the string it marks. Only UsageError (nothing
// searchable, a bad date) may come out of the search, and the CLI prints it as an error, not JSON.
#include "fuzz_check.hpp"
#include "fuzz_index.hpp"

#include "common/errors.hpp"
#include "common/utf8.hpp"
#include "render/render_json.hpp"
#include "searcher/searcher.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace newssearch;

using fuzz::build_index;

/// Every [begin, end] pair of `ranges` lies within `text`, begin <= end.
void check_ranges(const nlohmann::json& ranges, const nlohmann::json& text) {
    if (!ranges.is_array() || !text.is_string()) return;
    const std::size_t size = text.get<std::string>().size();
    for (const nlohmann::json& range : ranges) {
        FUZZ_CHECK(range.is_array() && range.size() == 2, "a highlight is a [begin, end] pair");
        const auto begin = range[0].get<std::size_t>();
        const auto end = range[1].get<std::size_t>();
        FUZZ_CHECK(begin <= end && end <= size, "a highlight lies inside its text");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static searcher::Searcher searcher{build_index()};
    const std::string_view query(reinterpret_cast<const char*>(data), size);
    SearchOptions options;
    options.query = std::string(query);
    options.limit = 3;
    options.explain = size % 2 == 0;
    options.facets = size % 3 == 0;
    SearchResults results;
    try {
        results = searcher.search(options);
    } catch (const UsageError&) {
        return 0; // nothing searchable, or a bad date: the user is told, on stderr
    }
    // As the CLI prints it.
    const std::string text =
        render::to_json(results).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    FUZZ_CHECK(!find_invalid_utf8(text), "the JSON output is valid UTF-8");
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    FUZZ_CHECK(!json.is_discarded(), "the JSON output parses");
    FUZZ_CHECK(json["hits"].is_array() && json["hits"].size() <= options.limit, "hits is an array, no longer than asked");
    for (const nlohmann::json& hit : json["hits"]) {
        check_ranges(hit["title_highlights"], hit["title"]);
        check_ranges(hit["snippet"]["highlights"], hit["snippet"]["text"]);
    }
    return 0;
}
