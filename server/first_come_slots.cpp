#include "server/first_come_slots.hpp"

#include <algorithm>

namespace newssearch::server {

FirstComeSlots::FirstComeSlots(std::size_t slots) : free_(std::max<std::size_t>(1, slots)) {}

void FirstComeSlots::acquire() {
    std::unique_lock lock(mutex_);
    // A free slot means nobody waits: release() hands slots to waiters directly.
    if (free_ > 0) {
        --free_;
        return;
    }
    Waiter waiter;
    waiters_.push_back(&waiter);
    waiter.handed.wait(lock, [&waiter] { return waiter.granted; });
}

void FirstComeSlots::release() {
    const std::lock_guard lock(mutex_);
    if (waiters_.empty()) {
        ++free_;
        return;
    }
    Waiter* next = waiters_.front();
    waiters_.pop_front();
    next->granted = true;
    // Under the lock: the waiter (and its condition variable) lives until it sees `granted`.
    next->handed.notify_one();
}

std::size_t FirstComeSlots::waiting() const {
    const std::lock_guard lock(mutex_);
    return waiters_.size();
}

} // namespace newssearch::server
