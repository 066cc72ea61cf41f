#pragma once
/// The progress line of an indexing run on a terminal: one stderr line, redrawn in place.

#include "indexer/index_run.hpp"

#include <chrono>
#include <ostream>

namespace newssearch::app {

class IndexProgressLine {
  public:
    /// Draws on `err` only when `enabled` (stderr is a terminal and --quiet was not given).
    IndexProgressLine(std::ostream& err, bool enabled);
    /// Clears the line, so the summary starts on a clean one.
    ~IndexProgressLine();
    IndexProgressLine(const IndexProgressLine&) = delete;
    IndexProgressLine& operator=(const IndexProgressLine&) = delete;

    /// "1200/2224 files  3100 articles  410 articles/s  ETA 3 s", at most five times a second.
    void update(const indexer::IndexProgress& progress);

  private:
    std::ostream& err_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_drawn_{};
};

} // namespace newssearch::app
