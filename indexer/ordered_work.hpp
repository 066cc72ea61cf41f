#pragma once
/// Runs tasks on worker threads and hands their results back in submission order, on the thread
/// that submits: work in parallel, write in input order (deterministic docids and results).
///
/// The workers run at a lower CPU priority than the submitting thread. That thread consumes every
/// result, so it is the one stage that cannot be spread over cores (the index writer: on one
/// database it bounds the run). With more threads than cores it would otherwise queue for a core
/// behind its own workers; this way they take what it leaves. Idle cores still go to the workers:
/// the priority only decides who waits when cores are short.
///
/// For the same reason a consumed result is destroyed by a worker, not by the submitting thread:
/// freeing an article's Xapian document and texts showed in the writer's profile
/// (docs/INDEXING.md), and memory is cheaper to free on the thread that allocated it.

#include "indexer/thread_priority.hpp"

#include <condition_variable>
#include <cstdint>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace newssearch::indexer {

template <class Result>
class OrderedWork {
  public:
    /// A task runs on worker `worker` (0-based), so it can use that worker's own state.
    using Task = std::function<Result(std::size_t worker)>;

    /// `threads` workers (0: every task runs inline in submit()); at most `window` results are
    /// pending at once, and more than one only while their weights (submit) add up to at most
    /// `max_weight`: that bounds memory. `consume` receives each result in submission order; what
    /// it leaves in the result is destroyed later, on a worker (before it starts its next task,
    /// so no more results wait for that than are consumed while a task runs; the last ones before
    /// the workers stop).
    OrderedWork(std::size_t threads, std::size_t window, std::function<void(Result&&)> consume,
                std::size_t max_weight = SIZE_MAX)
        : window_(window < 1 ? 1 : window), max_weight_(max_weight), consume_(std::move(consume)) {
        for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this, i] { work(i); });
    }

    /// Stops the workers once they have destroyed the consumed results; results not yet consumed
    /// are dropped.
    ~OrderedWork() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
            queue_.clear();
        }
        ready_.notify_all();
        for (std::thread& worker : workers_) worker.join();
    }
    OrderedWork(const OrderedWork&) = delete;
    OrderedWork& operator=(const OrderedWork&) = delete;

    /// Queues `task`, whose result weighs about `weight` (say, the bytes of its input); then
    /// consumes the oldest results while too many, or too heavy, are pending. An exception thrown
    /// by a task is rethrown here or in finish(), when its result's turn comes.
    void submit(Task task, std::size_t weight = 1) {
        if (workers_.empty()) return consume_(task(0));
        std::packaged_task<Result(std::size_t)> job(std::move(task));
        pending_.push_back({job.get_future(), weight});
        pending_weight_ += weight;
        {
            const std::lock_guard lock(mutex_);
            queue_.push_back(std::move(job));
        }
        ready_.notify_one();
        while (pending_.size() > window_ || (pending_.size() > 1 && pending_weight_ > max_weight_)) consume_oldest();
    }

    /// Consumes every pending result.
    void finish() {
        while (!pending_.empty()) consume_oldest();
    }

  private:
    /// Nice steps below the submitting thread (docs/INDEXING.md has the measurements).
    static constexpr int worker_priority_steps = 19;

    void consume_oldest() {
        Pending oldest = std::move(pending_.front());
        pending_.pop_front();
        pending_weight_ -= oldest.weight;
        Result result = oldest.result.get();
        consume_(std::move(result));
        {
            const std::lock_guard lock(mutex_);
            spent_.push_back(std::move(result));
        }
        ready_.notify_one();
    }

    void work(std::size_t worker) {
        lower_this_thread_priority(worker_priority_steps);
        for (;;) {
            std::packaged_task<Result(std::size_t)> job;
            std::vector<Result> spent;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [this] { return stopping_ || !queue_.empty() || !spent_.empty(); });
                if (!spent_.empty()) {
                    spent.swap(spent_);
                } else if (stopping_) {
                    return;
                } else {
                    job = std::move(queue_.front());
                    queue_.pop_front();
                }
            }
            if (job.valid()) job(worker);
            // `spent` is destroyed here, outside the lock.
        }
    }

    struct Pending {
        std::future<Result> result;
        std::size_t weight = 0;
    };

    std::size_t window_;
    std::size_t max_weight_;
    std::function<void(Result&&)> consume_;
    std::deque<Pending> pending_;    ///< submitting thread only
    std::size_t pending_weight_ = 0; ///< submitting thread only
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::packaged_task<Result(std::size_t)>> queue_;
    std::vector<Result> spent_; ///< consumed results, for a worker to destroy
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

} // namespace newssearch::indexer
