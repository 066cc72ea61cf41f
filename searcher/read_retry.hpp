#pragma once
/// Searches and stats reading an index that an index run commits to (common/modified_retry.hpp),
/// with the message a user sees when the index changes faster than it can be read.

#include "common/errors.hpp"
#include "common/modified_retry.hpp"

#include <string>

namespace newssearch::searcher {

/// retry_while_modified(read, move_on); when the index still changes after max_read_attempts
/// reads, throws IndexError naming `path`.
template <typename Read, typename MoveOn>
auto read_retrying(const std::string& path, Read&& read, MoveOn&& move_on) -> decltype(read()) {
    try {
        return retry_while_modified(read, move_on);
    } catch (const Xapian::DatabaseModifiedError&) {
        throw IndexError("the index at " + path + " changed too often while being read; try again when the index run ends");
    }
}

} // namespace newssearch::searcher
