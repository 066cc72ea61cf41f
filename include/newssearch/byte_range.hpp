#pragma once
/// Byte ranges into UTF-8 text: how highlights and entity mentions are given.

#include <cstddef>

namespace newssearch {

/// A byte range [begin, end) in a UTF-8 text.
struct ByteRange {
    std::size_t begin = 0;
    std::size_t end = 0;

    bool operator==(const ByteRange&) const = default;
};

} // namespace newssearch
