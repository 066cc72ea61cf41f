// Any bytes as a saved web page (plain or gzip): an extracted article or a DataError, never a
// crash, a hang or unbounded memory.
#include "fuzz_check.hpp"

#include "common/errors.hpp"
#include "extract/html/html_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const auto extraction = newssearch::extract::html::extract_html(bytes, "page");
        FUZZ_CHECK(extraction.article.id == "page", "the article keeps its id");
        FUZZ_CHECK(extraction.article.date.empty() || extraction.article.date.size() == 10, "dates are YYYY-MM-DD");
    } catch (const newssearch::DataError&) {
        // Corrupt gzip, too large, or no text: reported for that file, the run goes on.
    }
    return 0;
}
