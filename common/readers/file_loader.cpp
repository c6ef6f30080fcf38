#include "readers/file_loader.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsdex {

namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// Up to `limit` bytes (0: all) from `offset` on. pread keeps no position in the descriptor, so
// sniffing the head first and reading the whole file after need no seek between them.
bool read_from(int fd, std::string& bytes, std::size_t limit, int& error) {
    char buffer[1 << 16];
    for (;;) {
        std::size_t want = sizeof buffer;
        if (limit != 0) {
            if (bytes.size() >= limit) return true;
            want = std::min(want, limit - bytes.size());
        }
        const ssize_t n = ::pread(fd, buffer, want, static_cast<off_t>(bytes.size()));
        if (n == 0) return true;
        if (n < 0) {
            if (errno == EINTR) continue;
            error = errno;
            return false;
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
}

}  // namespace

std::optional<std::string> load_bytes(const InputFile& file, std::string_view display_name, Diagnostics& diag) {
    std::string bytes;
    int error = 0;
    if (!read_from(file.fd(), bytes, 0, error)) {
        diag.warn({display_name}, std::string("cannot read file: ") + std::strerror(error));
        return std::nullopt;
    }
    return bytes;
}

std::optional<std::string> load_bytes(const std::filesystem::path& path,
                                      std::string_view display_name, Diagnostics& diag) {
    std::string error;
    const std::optional<InputFile> file = InputFile::open(path, error);
    if (!file) {
        diag.warn({display_name}, "cannot read file: " + error);
        return std::nullopt;
    }
    return load_bytes(*file, display_name, diag);
}

std::size_t FileStream::read(char* buffer, std::size_t size) {
    for (;;) {
        const ssize_t n = ::pread(fd_, buffer, size, static_cast<off_t>(offset_));
        if (n >= 0) {
            offset_ += static_cast<std::uint64_t>(n);
            return static_cast<std::size_t>(n);
        }
        if (errno != EINTR) throw StreamError(std::strerror(errno), StreamError::Layer::file);
    }
}

std::string read_head(const InputFile& file, std::size_t size) {
    std::string head;
    int ignored = 0;
    read_from(file.fd(), head, size, ignored);
    return head;
}

std::optional<std::string> load_text_file(const std::filesystem::path& path,
                                          std::string_view display_name, Diagnostics& diag,
                                          const DecodeOptions& options) {
    std::optional<std::string> bytes = load_bytes(path, display_name, diag);
    if (!bytes) return std::nullopt;
    return prepare_text(std::move(*bytes), display_name, diag, options);
}

std::optional<std::string> prepare_text(std::string bytes, std::string_view display_name,
                                        Diagnostics& diag, const DecodeOptions& options) {
    std::optional<Decoded> decoded = decode_to_utf8(std::move(bytes), options);
    if (!decoded) {
        diag.warn({display_name}, "looks binary (NUL bytes), skipped");
        return std::nullopt;
    }
    if (is_blank(decoded->text)) {
        diag.warn({display_name}, "empty file, skipped");
        return std::nullopt;
    }
    if (decoded->replaced != 0) diag.warn({display_name}, replacement_message(*decoded));
    return std::move(decoded->text);
}

}  // namespace newsdex
