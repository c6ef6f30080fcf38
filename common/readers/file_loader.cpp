#include "readers/file_loader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace newsdex {

namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// stdio rather than iostreams because it reports why a read failed (errno), e.g. EISDIR
// for a directory, which ifstream opens without complaint.
bool read_bytes(const std::filesystem::path& path, std::string& bytes, int& error) {
    errno = 0;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        error = errno;
        return false;
    }
    char buffer[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) bytes.append(buffer, n);
    if (std::ferror(file.get())) {
        error = errno != 0 ? errno : EIO;
        return false;
    }
    return true;
}

}  // namespace

std::optional<std::string> load_bytes(const std::filesystem::path& path,
                                      std::string_view display_name, Diagnostics& diag) {
    std::string bytes;
    int error = 0;
    if (!read_bytes(path, bytes, error)) {
        diag.warn({display_name}, std::string("cannot read file: ") + std::strerror(error));
        return std::nullopt;
    }
    return bytes;
}

std::string read_head(const std::filesystem::path& path, std::size_t size) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) return {};
    std::string head(size, '\0');
    head.resize(std::fread(head.data(), 1, size, file.get()));
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
