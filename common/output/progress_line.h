// The indexer's progress line on a terminal: files and megabytes done of the total,
// articles per second and the time left, redrawn in place a few times a second.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

#include "index/folder_indexer.h"

namespace newsdex {

class ProgressLine {
public:
    // When not `enabled`, every call does nothing.
    ProgressLine(std::ostream& out, bool enabled);

    // Redraws the line, at most four times a second.
    void update(const IndexSummary& summary);

    // Erases the line (before a warning or the summary is printed).
    void clear();

    // The line's text, without terminal control (exposed for tests).
    static std::string describe(const IndexSummary& summary, double elapsed_seconds);

private:
    std::ostream& out_;
    bool enabled_;
    bool shown_ = false;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace newsdex
