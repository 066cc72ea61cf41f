// Any bytes as a scraped page: clean_scrape either returns an article or throws DataError.
#include "fuzz_check.hpp"

#include "common/errors.hpp"
#include "extract/scrape_cleaner.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const newssearch::Article article = newssearch::extract::clean_scrape(text);
        FUZZ_CHECK(!article.paragraphs.empty(), "an article has a body");
        FUZZ_CHECK(article.date.empty() || article.date.size() == 10, "dates are YYYY-MM-DD");
    } catch (const newssearch::DataError&) {
        // No article in the text: the expected answer to most inputs.
    }
    return 0;
}
