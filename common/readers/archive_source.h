// Byte streams out of compressed files and archives, through libarchive. An archive is read
// one entry at a time and never unpacked to disk nor held in memory whole; a compressed
// stream can itself come from an archive entry (a .json.gz inside a .tar). Names decide how a
// file is opened (classify_name); the indexer decides what to do with the bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct archive;

namespace newsdex {

// Damaged or truncated data (or a file that cannot be opened), with libarchive's message.
class StreamError : public std::runtime_error {
public:
    // Which kind of stream failed: an archive (its entries are lost from here on), a
    // compressed stream (only that stream is lost, even when it was an archive's entry), a file
    // on disk that could not be read, or a limit on what one file may expand to (the rest of
    // the file on disk is not read).
    enum class Layer { archive, compressed, file, limit };

    // `fatal`: nothing more can be read from the stream; otherwise only the current entry is
    // lost (an encrypted zip entry, an unsupported compression method).
    StreamError(const std::string& message, Layer layer, bool fatal = true)
        : std::runtime_error(message), layer_(layer), fatal_(fatal) {}
    Layer layer() const { return layer_; }
    bool fatal() const { return fatal_; }

private:
    Layer layer_;
    bool fatal_;
};

class ByteStream {
public:
    virtual ~ByteStream() = default;
    // Copies up to `size` bytes into `buffer`; returns 0 at the end. Throws StreamError.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

// A stream over bytes in memory (HTTP bodies, tests). The bytes must outlive it.
class MemoryStream : public ByteStream {
public:
    explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}
    std::size_t read(char* buffer, std::size_t size) override;

private:
    std::string_view bytes_;
};

// How a name says a file is packed. Matching is case-insensitive.
enum class Packing {
    plain,       // anything else
    compressed,  // .gz .bz2 .xz .zst .z around one file: "news.jsonl.gz"
    archive,     // .tar .tgz .tar.gz .tar.bz2 .tbz2 .tar.xz .txz .tar.zst .tzst .zip: many files
};

struct NameKind {
    Packing packing = Packing::plain;
    // The name without its compression suffix ("news.jsonl.gz" → "news.jsonl"); for the other
    // packings the name itself.
    std::string inner;
};

NameKind classify_name(std::string_view name);

// True for names ending in .warc (after any compression suffix is removed).
bool is_warc_name(std::string_view name);

// Reads a compressed stream, or an archive's entries, through libarchive.
class ArchiveStream : public ByteStream {
public:
    enum class Mode {
        archive,     // tar or zip (each possibly compressed): entries one after another
        compressed,  // one stream through whichever decompression filter matches (none: as is)
    };

    // Open a file, an open file descriptor (not closed here; it must outlive this object), or
    // a stream (which must outlive this object). Throw StreamError when libarchive cannot
    // start reading (unreadable file, unknown archive format, damage in the first block).
    ArchiveStream(const std::filesystem::path& file, Mode mode);
    ArchiveStream(int fd, Mode mode);
    ArchiveStream(ByteStream& source, Mode mode);
    ~ArchiveStream() override;
    ArchiveStream(const ArchiveStream&) = delete;
    ArchiveStream& operator=(const ArchiveStream&) = delete;

    // Moves to the next regular file, skipping what is left of the current one, and sets
    // `name` to its path inside the archive (without a leading "./"). Returns false at the end.
    // In compressed mode the one stream is the only entry, with an empty name.
    // Throws StreamError on damage.
    bool next_entry(std::string& name);

    // The current entry's bytes. Throws StreamError on damage (a truncated or corrupt stream).
    std::size_t read(char* buffer, std::size_t size) override;

    // How many bytes were taken from the source so far (compressed bytes, for a compressed
    // file): what a compression ratio is measured against.
    std::uint64_t bytes_consumed() const;

private:
    struct Free {
        void operator()(struct archive* a) const;
    };
    std::unique_ptr<struct archive, Free> archive_;
    bool raw_ = false;
    std::string_view block_;  // what is left of the block libarchive last returned
    bool entry_done_ = false;
    ByteStream* source_ = nullptr;  // when reading from a stream
    std::vector<char> source_buffer_;
    // Why source_->read failed: the source's own error is the one to report, not the
    // "read error" that libarchive makes of it.
    std::optional<StreamError> source_error_;

    friend struct ArchiveCallbacks;  // libarchive's read callback pulls from source_

    void setup(Mode mode);
    [[noreturn]] void fail(int status);
};

// Appends the rest of `stream` to `out`, up to `limit` bytes in all (the whole stream when
// limit is 0). Throws StreamError, leaving in `out` what was read before the damage.
void read_into(ByteStream& stream, std::string& out, std::size_t limit = 0);

}  // namespace newsdex
