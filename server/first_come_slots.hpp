#pragma once
/// A fixed number of slots handed out in the order they were asked for: the service's bound on
/// searches running at once (server/service.cpp). A freed slot goes to the longest waiter, never to
/// a request that arrives just as it is freed. With one condition variable for all the waiters,
/// which the system wakes in no set order, 200 connections sharing 2 slots saw some requests
/// answered in milliseconds and others seconds behind them (docs/BENCHMARKS.md).

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace newssearch::server {

class FirstComeSlots {
  public:
    explicit FirstComeSlots(std::size_t slots);

    /// Takes a slot, waiting behind every earlier caller still waiting.
    void acquire();
    /// Gives a slot back: to the longest waiter if there is one.
    void release();
    /// Callers waiting now.
    [[nodiscard]] std::size_t waiting() const;

  private:
    struct Waiter {
        std::condition_variable handed;
        bool granted = false;
    };

    mutable std::mutex mutex_;
    std::size_t free_;
    std::deque<Waiter*> waiters_;
};

} // namespace newssearch::server
