// Any bytes as one JSON Lines record: an article or a DataError, and a date that is either empty
// or a valid "YYYY-MM-DD".
#include "fuzz_check.hpp"

#include "common/errors.hpp"
#include "extract/jsonl_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const std::string date = newssearch::extract::iso_date_prefix(line);
    FUZZ_CHECK(date.empty() || date == line.substr(0, 10), "a date prefix is the text's prefix");
    try {
        const newssearch::Article article =
            newssearch::extract::article_from_json_line(line, "fallback");
        FUZZ_CHECK(!article.id.empty(), "an article has an id");
        FUZZ_CHECK(article.date.empty() || article.date.size() == 10, "dates are YYYY-MM-DD");
    } catch (const newssearch::DataError&) {
        // Not a usable record: reported to the user, the run goes on.
    }
    return 0;
}
