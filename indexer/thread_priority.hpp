#pragma once
/// CPU priority of the calling thread (Linux "nice" values are per thread; elsewhere these do
/// nothing and report 0).

namespace newssearch::indexer {

/// Raises the calling thread's nice value by `steps` (lower priority, capped at 19). Best effort:
/// a thread that keeps its priority only runs as it did before.
void lower_this_thread_priority(int steps);

/// The calling thread's nice value.
[[nodiscard]] int this_thread_nice();

} // namespace newssearch::indexer
