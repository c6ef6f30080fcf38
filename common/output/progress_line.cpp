#include "output/progress_line.h"

#include <cstdio>

namespace newsdex {

ProgressLine::ProgressLine(std::ostream& out, bool enabled)
    : out_(out), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

std::string ProgressLine::describe(const IndexSummary& s, double elapsed) {
    const double done_mb = static_cast<double>(s.bytes_done) / 1e6;
    const double total_mb = static_cast<double>(s.bytes_total) / 1e6;
    const double rate = elapsed > 0 ? static_cast<double>(s.articles_sent) / elapsed : 0;
    std::string eta = "--:--";
    if (s.bytes_done > 0 && elapsed > 0 && s.bytes_total >= s.bytes_done) {
        const auto left = static_cast<long>(elapsed * static_cast<double>(s.bytes_total - s.bytes_done) /
                                            static_cast<double>(s.bytes_done));
        char buf[32];
        std::snprintf(buf, sizeof buf, "%ld:%02ld", left / 60, left % 60);
        eta = buf;
    }
    const std::size_t files_done = s.files_read + s.files_unchanged + s.files_failed + s.files_ignored;
    char line[200];
    std::snprintf(line, sizeof line, "files %zu/%zu · %.1f/%.1f MB · %.0f articles/s · ETA %s",
                  std::min(files_done, s.files_total), s.files_total, done_mb, total_mb, rate, eta.c_str());
    return line;
}

void ProgressLine::update(const IndexSummary& summary) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_draw_ < std::chrono::milliseconds(250)) return;
    last_draw_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    out_ << "\r\x1b[K" << describe(summary, elapsed) << std::flush;
    shown_ = true;
}

void ProgressLine::clear() {
    if (!enabled_ || !shown_) return;
    out_ << "\r\x1b[K" << std::flush;
    shown_ = false;
}

}  // namespace newsdex
