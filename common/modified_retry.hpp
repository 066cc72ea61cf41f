#pragma once
/// Reading an index that a writer commits to. Xapian keeps a reader's revision only until the
/// writer has committed twice more; a read that outlives it fails with DatabaseModifiedError and
/// must move to the newest revision and read again. The searcher (searcher/read_retry.hpp) and
/// the sharded writer's views of its shards' last commits (indexer/shard_router) both do so here.

#include <xapian.h>

namespace newssearch {

/// Attempts at one read before giving up on an index that changes faster than it can be read.
inline constexpr int max_read_attempts = 10;

/// Runs `read` and returns what it returns. When commits discard the revision being read, calls
/// `move_on` (which moves to the newest revision; it may do nothing when `read` opens the index
/// itself) and reads again, max_read_attempts times in all; the last DatabaseModifiedError is
/// then thrown on.
template <typename Read, typename MoveOn>
auto retry_while_modified(Read&& read, MoveOn&& move_on) -> decltype(read()) {
    for (int attempt = 1;; ++attempt) {
        try {
            return read();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == max_read_attempts) throw;
        }
        move_on();
    }
}

} // namespace newssearch
