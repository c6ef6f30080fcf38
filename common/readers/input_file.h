// One input file, opened so that reading it can never hang the indexer, and able to tell
// afterwards whether it changed while it was read.
// - Opened with O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever.
// - Refused unless fstat on the open descriptor says it is a regular file: a file the walk
//   listed may have been replaced by a FIFO or a device since (checking the path first and
//   opening it second leaves that gap; checking the descriptor does not).
// - Its size and modification time are taken from that same fstat: the state of the bytes
//   about to be read, which the indexer records (file_state) once they are indexed.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace newsdex {

// "a FIFO", "a socket", "a character device", "a block device", "a folder", "a symbolic
// link", or "an unknown kind of file", for messages that say why something was not read.
std::string file_kind_name(mode_t mode);

// The modification time as the count of nanoseconds std::filesystem::last_write_time gives
// (libstdc++'s file_clock, whose epoch is not the Unix one): file states recorded by earlier
// runs hold that count, so it must stay the same number.
long long mtime_ns(const struct stat& status);

class InputFile {
public:
    // Opens `path` for reading; nullopt with `error` set to why not: strerror's text
    // ("Permission denied"), or "not a regular file (a FIFO)".
    static std::optional<InputFile> open(const std::filesystem::path& path, std::string& error);

    InputFile(InputFile&& other) noexcept;
    InputFile& operator=(InputFile&&) = delete;
    InputFile(const InputFile&) = delete;
    ~InputFile();

    int fd() const { return fd_; }
    std::uintmax_t size() const { return static_cast<std::uintmax_t>(opened_.st_size); }
    long long mtime_ns() const { return newsdex::mtime_ns(opened_); }

    enum class Change {
        none,
        modified,  // its size or modification time differs from when it was opened, or the
                   // path now names another file (replaced by a rename)
        gone,      // the path names nothing any more (deleted or moved away)
    };
    // Compares the file now with when it was opened, through the descriptor and through the
    // path it was opened by.
    Change change_since_open(const std::filesystem::path& path) const;

private:
    InputFile(int fd, const struct stat& opened) : fd_(fd), opened_(opened) {}
    int fd_;
    struct stat opened_;
};

}  // namespace newsdex
