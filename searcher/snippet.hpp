#pragma once
/// A snippet is data: a window of passage text plus the byte ranges to mark in it. Renderers
/// (terminal, plain, JSON, HTML) decide how marks look.

#include "common/analyzer.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newssearch::searcher {

struct Snippet {
    std::string text;                  ///< a window of the passage, cut at spaces
    std::vector<ByteRange> highlights; ///< byte offsets into `text`, sorted, non-overlapping
    bool starts_mid_text = false;      ///< the passage goes on before `text` (render "…")
    bool ends_mid_text = false;        ///< the passage goes on after `text`

    bool operator==(const Snippet&) const = default;
};

/// The window of at most about `max_bytes` of `text` that holds the most highlights, cut at spaces
/// (never inside a UTF-8 character), with some context before the first mark. When `text` fits it
/// is returned whole. `highlights` are byte ranges into `text`, sorted.
[[nodiscard]] Snippet make_snippet(std::string_view text, const std::vector<ByteRange>& highlights,
                                   std::size_t max_bytes);

} // namespace newssearch::searcher
