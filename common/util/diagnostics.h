// Warnings about input: one line each on a stream, counted so the exit code can say
// "something was wrong" while the rest of the work goes on. Safe to call from several threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace newsdex {

// Where a problem is: a file, and optionally a line (1-based) and/or a record (1-based).
struct Where {
    std::string_view file;
    std::size_t line = 0;
    std::size_t record = 0;
};

class Diagnostics {
public:
    // `out` may be null: warnings are then only counted (tests use a stringstream).
    // `before_write` runs before each warning is printed (the indexer clears its progress line).
    explicit Diagnostics(std::ostream* out, std::function<void()> before_write = {})
        : out_(out), before_write_(std::move(before_write)) {}

    // Prints "warning: FILE:LINE: record N: MESSAGE" (parts left out when unknown).
    void warn(const Where& where, std::string_view message);

    std::size_t count() const { return count_.load(); }

    // The line warn() prints, without the trailing newline (exposed for tests and callers
    // that need the text).
    static std::string format(const Where& where, std::string_view message);

private:
    std::ostream* out_;
    std::function<void()> before_write_;
    std::mutex mutex_;
    std::atomic<std::size_t> count_{0};
};

}  // namespace newsdex
