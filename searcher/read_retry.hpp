#pragma once
/// Reading an index that an index run commits to. Xapian keeps a reader's revision only until the
/// writer has committed twice more; a read that outlives it fails with DatabaseModifiedError and
/// must move to the newest revision and read again.

#include "common/errors.hpp"

#include <xapian.h>

#include <string>

namespace newssearch::searcher {

/// Attempts at one read before giving up on an index that changes faster than it can be read.
inline constexpr int max_read_attempts = 10;

/// Runs `read` and returns what it returns. When commits discard the revision being read, calls
/// `move_on` (which moves to the newest revision; it may do nothing when `read` opens the index
/// itself) and reads again, max_read_attempts times in all; then throws IndexError naming `path`.
template <typename Read, typename MoveOn>
auto read_retrying(const std::string& path, Read&& read, MoveOn&& move_on) -> decltype(read()) {
    for (int attempt = 1;; ++attempt) {
        try {
            return read();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == max_read_attempts)
                throw IndexError("the index at " + path +
                                 " changed too often while being read; try again when the index run ends");
        }
        move_on();
    }
}

} // namespace newssearch::searcher
