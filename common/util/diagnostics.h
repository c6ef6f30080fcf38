// Warnings about input: one line each on a stream, counted so the exit code can say
// "something was wrong" while the rest of the work goes on. Safe to call from several threads.
// Lines are escaped (util/printable.h): file names and messages quote input, and input may
// hold control characters or bytes that are not UTF-8.
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

    // The warnings of one input file, for the one thread that reads it: each is counted here
    // and in `parent`, only the first `max_lines` are printed (through `parent`), and
    // finish_file() then says how many were not, so one broken file cannot bury the others'.
    Diagnostics(Diagnostics& parent, std::string file, std::size_t max_lines)
        : out_(nullptr), parent_(&parent), file_(std::move(file)), max_lines_(max_lines) {}

    // A view of `parent` for a piece of a file read as a text of its own (a run of a large
    // feed, put after the feed's head): each warning's line is moved by `line_shift` and its
    // record by `record_shift` to where they are in the file, and warnings on the piece's
    // first `hidden_lines` lines (the repeated head, already warned about) are dropped.
    struct Shift {
        long line_shift = 0;
        std::size_t record_shift = 0;
        std::size_t hidden_lines = 0;
    };
    Diagnostics(Diagnostics& parent, Shift shift) : out_(nullptr), parent_(&parent), shift_(shift), shifted_(true) {}

    Diagnostics(const Diagnostics&) = delete;
    Diagnostics& operator=(const Diagnostics&) = delete;

    // Prints "warning: FILE:LINE: record N: MESSAGE" (parts left out when unknown).
    void warn(const Where& where, std::string_view message);

    // For a file's Diagnostics: prints "warning: FILE: N more warnings" when N of its warnings
    // were not printed (nothing otherwise). That line is no warning of its own: it is not
    // counted. Call it once, when the file is done.
    void finish_file();

    std::size_t count() const { return count_.load(); }

    // The line warn() prints, without the trailing newline (exposed for tests and callers
    // that need the text).
    static std::string format(const Where& where, std::string_view message);

private:
    std::ostream* out_;
    std::function<void()> before_write_;
    Diagnostics* parent_ = nullptr;
    std::string file_;
    std::size_t max_lines_ = 0;
    Shift shift_;
    bool shifted_ = false;
    std::mutex mutex_;
    std::atomic<std::size_t> count_{0};

    void count_one();
    void print(const std::string& line);
};

}  // namespace newsdex
