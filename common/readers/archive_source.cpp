#include "readers/archive_source.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace newsdex {

namespace {

constexpr std::size_t kBlockSize = 1 << 16;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

// Longest suffixes first, so ".tar.gz" is an archive before ".gz" makes it compressed.
constexpr std::array<std::string_view, 10> kArchiveSuffixes{
    ".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst", ".tgz", ".tbz2", ".txz", ".tar", ".zip", ".tzst"};
// ".z" is Unix compress, still how TREC's collections are shipped.
constexpr std::array<std::string_view, 5> kCompressionSuffixes{".gz", ".bz2", ".xz", ".zst", ".z"};

std::string entry_name(struct archive_entry* entry) {
    // The name is only ever a label (the indexer never writes an entry out), so whatever bytes
    // it holds are kept; a header with no name at all gives an empty one.
    const char* utf8 = archive_entry_pathname_utf8(entry);
    const char* raw = utf8 != nullptr ? utf8 : archive_entry_pathname(entry);
    std::string_view name = raw != nullptr ? raw : "";
    // One loop for both prefixes: "/./x" must lose its "./" too, after the "/".
    while (name.starts_with("./") || name.starts_with('/')) name.remove_prefix(name.starts_with('/') ? 1 : 2);
    return std::string(name);
}

}  // namespace

std::size_t MemoryStream::read(char* buffer, std::size_t size) {
    const std::size_t n = std::min(size, bytes_.size());
    std::memcpy(buffer, bytes_.data(), n);
    bytes_.remove_prefix(n);
    return n;
}

NameKind classify_name(std::string_view name) {
    const std::string lowered = lower(name);
    for (const auto suffix : kArchiveSuffixes) {
        if (lowered.ends_with(suffix) && lowered.size() > suffix.size()) {
            return {Packing::archive, std::string(name)};
        }
    }
    for (const auto suffix : kCompressionSuffixes) {
        if (lowered.ends_with(suffix) && lowered.size() > suffix.size()) {
            return {Packing::compressed, std::string(name.substr(0, name.size() - suffix.size()))};
        }
    }
    return {Packing::plain, std::string(name)};
}

bool is_warc_name(std::string_view name) { return lower(name).ends_with(".warc"); }

// libarchive pulls a nested stream's bytes through this C callback; exceptions must not cross
// C code, so a failure becomes libarchive's error (and comes back out of fail()).
struct ArchiveCallbacks {
    static la_ssize_t read(struct archive* a, void* client, const void** buffer) {
        auto* self = static_cast<ArchiveStream*>(client);
        try {
            const std::size_t n =
                self->source_->read(self->source_buffer_.data(), self->source_buffer_.size());
            *buffer = self->source_buffer_.data();
            return static_cast<la_ssize_t>(n);
        } catch (const StreamError& e) {
            self->source_error_ = e;
            archive_set_error(a, EIO, "%s", e.what());
            return -1;
        } catch (const std::exception& e) {
            archive_set_error(a, EIO, "%s", e.what());
            return -1;
        }
    }
};

void ArchiveStream::Free::operator()(struct archive* a) const { archive_read_free(a); }

ArchiveStream::ArchiveStream(const std::filesystem::path& file, Mode mode) {
    setup(mode);
    if (archive_read_open_filename(archive_.get(), file.c_str(), kBlockSize) != ARCHIVE_OK) {
        fail(ARCHIVE_FATAL);
    }
}

// libarchive seeks in a regular file's descriptor as in a named file (a zip's central directory).
ArchiveStream::ArchiveStream(int fd, Mode mode) {
    setup(mode);
    if (archive_read_open_fd(archive_.get(), fd, kBlockSize) != ARCHIVE_OK) fail(ARCHIVE_FATAL);
}

ArchiveStream::ArchiveStream(ByteStream& source, Mode mode)
    : source_(&source), source_buffer_(kBlockSize) {
    setup(mode);
    if (archive_read_open(archive_.get(), this, nullptr, &ArchiveCallbacks::read, nullptr) !=
        ARCHIVE_OK) {
        fail(ARCHIVE_FATAL);
    }
}

ArchiveStream::~ArchiveStream() = default;

void ArchiveStream::setup(Mode mode) {
    archive_.reset(archive_read_new());
    raw_ = mode == Mode::compressed;
    if (!archive_) {
        throw StreamError("cannot start libarchive (out of memory)",
                          raw_ ? StreamError::Layer::compressed : StreamError::Layer::archive);
    }
    archive_read_support_filter_all(archive_.get());
    if (raw_) {
        // "raw" takes any byte stream as one entry; "empty" lets an empty stream be one too.
        archive_read_support_format_raw(archive_.get());
        archive_read_support_format_empty(archive_.get());
    } else {
        archive_read_support_format_tar(archive_.get());
        archive_read_support_format_zip(archive_.get());
    }
}

void ArchiveStream::fail(int status) {
    if (source_error_) throw *source_error_;
    const char* message = archive_error_string(archive_.get());
    throw StreamError(message != nullptr ? message : "unknown libarchive error",
                      raw_ ? StreamError::Layer::compressed : StreamError::Layer::archive,
                      status == ARCHIVE_FATAL);
}

bool ArchiveStream::next_entry(std::string& name) {
    for (;;) {
        struct archive_entry* entry = nullptr;
        block_ = {};
        entry_done_ = false;
        const int status = archive_read_next_header(archive_.get(), &entry);
        if (status == ARCHIVE_EOF) return false;
        if (status == ARCHIVE_RETRY) continue;
        // ARCHIVE_WARN still delivers the entry (e.g. a file name in an unexpected charset).
        if (status < ARCHIVE_WARN) fail(status);
        if (raw_) {
            name.clear();
            return true;
        }
        if (archive_entry_filetype(entry) != AE_IFREG) continue;  // folders, links, devices
        name = entry_name(entry);
        return true;
    }
}

std::size_t ArchiveStream::read(char* buffer, std::size_t size) {
    // archive_read_data() would fill the whole buffer and, on damage, return only the error,
    // losing what it had copied; blocks come one at a time and keep everything before it.
    while (block_.empty()) {
        if (entry_done_) return 0;
        const void* data = nullptr;
        std::size_t length = 0;
        la_int64_t offset = 0;  // sparse files leave holes; their NULs would make them binary anyway
        const int status = archive_read_data_block(archive_.get(), &data, &length, &offset);
        if (status == ARCHIVE_EOF) {
            entry_done_ = true;
            return 0;
        }
        if (status == ARCHIVE_RETRY) continue;
        if (status != ARCHIVE_OK) fail(status);  // ARCHIVE_WARN too: a zip entry's bad CRC
        block_ = std::string_view(static_cast<const char*>(data), length);
    }
    const std::size_t n = std::min(size, block_.size());
    std::memcpy(buffer, block_.data(), n);
    block_.remove_prefix(n);
    return n;
}

std::uint64_t ArchiveStream::bytes_consumed() const {
    const la_int64_t n = archive_filter_bytes(archive_.get(), -1);
    return n < 0 ? 0 : static_cast<std::uint64_t>(n);
}

void read_into(ByteStream& stream, std::string& out, std::size_t limit) {
    char buffer[kBlockSize];
    std::size_t total = 0;
    while (limit == 0 || total < limit) {
        const std::size_t want = limit == 0 ? sizeof buffer : std::min(sizeof buffer, limit - total);
        const std::size_t n = stream.read(buffer, want);
        if (n == 0) break;
        out.append(buffer, n);
        total += n;
    }
}

}  // namespace newsdex
