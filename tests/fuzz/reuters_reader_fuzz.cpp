// Any bytes as a Reuters-21578 SGML file: every record becomes an article with an id or a
// reported problem; nothing escapes but the reader's own problem list.
#include "fuzz_check.hpp"

#include "extract/reuters_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::vector<newssearch::extract::InputProblem> problems;
    std::vector<newssearch::extract::InputProblem> warnings;
    newssearch::extract::read_reuters(
        in, "fuzz.sgm",
        [](newssearch::Article&& article) {
            FUZZ_CHECK(!article.id.empty(), "an article has an id");
            FUZZ_CHECK(article.date.empty() || article.date.size() == 10, "dates are YYYY-MM-DD");
        },
        problems, &warnings);
    return 0;
}
