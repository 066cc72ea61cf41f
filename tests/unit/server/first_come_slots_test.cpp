#include "server/first_come_slots.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using newssearch::server::FirstComeSlots;

namespace {

/// Waits (at most 10 s) until `slots` has `count` callers waiting.
bool wait_for_waiters(const FirstComeSlots& slots, std::size_t count) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (slots.waiting() < count) {
        if (std::chrono::steady_clock::now() > until)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

} // namespace

TEST_CASE("freed slots go to the callers that waited longest") {
    FirstComeSlots slots(2);
    slots.acquire();
    slots.acquire();
    CHECK(slots.waiting() == 0);

    // Eight callers queue up one after another while both slots are taken.
    std::mutex order_mutex;
    std::vector<int> order;
    std::vector<std::thread> callers;
    for (int caller = 0; caller < 8; ++caller) {
        callers.emplace_back([&, caller] {
            slots.acquire();
            {
                const std::lock_guard lock(order_mutex);
                order.push_back(caller);
            }
            slots.release();
        });
        REQUIRE(wait_for_waiters(slots, static_cast<std::size_t>(caller) + 1));
    }

    // One slot comes back: the callers pass it on in their order; the second is never freed.
    slots.release();
    for (std::thread& caller : callers)
        caller.join();
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7});
    CHECK(slots.waiting() == 0);

    // The slot is free again; the other is still held.
    slots.acquire();
    std::thread late([&] {
        slots.acquire();
        slots.release();
    });
    REQUIRE(wait_for_waiters(slots, 1));
    slots.release();
    late.join();
    CHECK(slots.waiting() == 0);
}

TEST_CASE("a slot is taken at once while one is free") {
    FirstComeSlots slots(0); // at least one slot, whatever is asked
    slots.acquire();
    CHECK(slots.waiting() == 0);
    slots.release();
    slots.acquire();
    slots.release();
}
