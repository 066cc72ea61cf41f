#pragma once
/// One shard's IndexWriter, driven either inline (on the caller's thread) or from a thread of its
/// own through a bounded queue, so that the shards of a sharded index are written in parallel
/// (indexer/shard_router.hpp). Either way, the operations run one at a time in the order they were
/// posted, so the shard sees exactly the sequence of calls it would see written inline.

#include "indexer/index_writer.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace newssearch::indexer {

class ShardWriter {
  public:
    /// Something to do with the shard's writer.
    using Operation = std::function<void(IndexWriter&)>;

    /// Takes `writer`. `queue_capacity` 0: every operation runs inline in post(); N > 0: a thread
    /// of its own runs them, with at most N waiting (which bounds memory).
    ShardWriter(std::unique_ptr<IndexWriter> writer, std::size_t queue_capacity);
    /// Drops the operations still waiting, lets the running one finish, stops the thread; then
    /// destroys the writer, which cancels its uncommitted batch (the shard stays at its last
    /// commit). Never throws.
    ~ShardWriter();
    ShardWriter(const ShardWriter&) = delete;
    ShardWriter& operator=(const ShardWriter&) = delete;

    /// Runs `operation` after those posted before it: inline, or queued (first waiting while the
    /// queue is full) and run on the shard's thread. Inline, it throws what the operation throws.
    /// Queued, the first exception an operation throws stops the shard (waiting operations are
    /// dropped) and is rethrown, the same type and message, by every later post() and idle().
    void post(Operation operation);

    /// True when post() runs operations inline, on the caller's thread.
    [[nodiscard]] bool runs_inline() const { return capacity_ == 0; }

    /// Waits until every posted operation has run, then gives the calling thread the writer to
    /// use directly until its next post(). Rethrows a queued operation's exception, as post().
    [[nodiscard]] IndexWriter& idle();

  private:
    void run();

    std::unique_ptr<IndexWriter> writer_;
    std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable changed_; ///< an operation was queued, started, or finished; stopping
    std::deque<Operation> queue_;
    bool running_operation_ = false;
    bool stopping_ = false;
    std::exception_ptr error_; ///< the first exception an operation threw on the thread
    std::thread thread_;       ///< last: started once everything else is ready
};

} // namespace newssearch::indexer
