#include "index_progress.hpp"

#include <cstdio>

namespace newssearch::app {

IndexProgressLine::IndexProgressLine(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}

IndexProgressLine::~IndexProgressLine() {
    if (drawn_) err_ << "\r\033[K" << std::flush;
}

void IndexProgressLine::update(const indexer::IndexProgress& progress) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = progress.files_done == progress.files_total;
    if (!last && now - last_drawn_ < std::chrono::milliseconds(200)) return;
    last_drawn_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const double rate = seconds > 0 ? static_cast<double>(progress.articles_done) / seconds : 0;
    const double files_rate = seconds > 0 ? static_cast<double>(progress.files_done) / seconds : 0;
    const double eta = files_rate > 0 ? static_cast<double>(progress.files_total - progress.files_done) / files_rate : 0;
    char line[160];
    std::snprintf(line, sizeof line, "%zu/%zu files  %zu articles  %.0f articles/s  ETA %.0f s", progress.files_done,
                  progress.files_total, progress.articles_done, rate, eta);
    err_ << "\r\033[K" << line << std::flush;
    drawn_ = true;
}

} // namespace newssearch::app
