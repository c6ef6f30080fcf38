#include "readers/file_loader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "util/utf8.h"

namespace newsdex {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

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

std::optional<std::string> load_text_file(const std::filesystem::path& path,
                                          std::string_view display_name, Diagnostics& diag) {
    std::string bytes;
    int error = 0;
    if (!read_bytes(path, bytes, error)) {
        diag.warn({display_name}, std::string("cannot read file: ") + std::strerror(error));
        return std::nullopt;
    }
    return prepare_text(std::move(bytes), display_name, diag);
}

std::optional<std::string> prepare_text(std::string bytes, std::string_view display_name,
                                        Diagnostics& diag) {
    // Text formats never contain NUL; UTF-16 text and binaries (images, archives) do.
    if (bytes.find('\0') != std::string::npos) {
        diag.warn({display_name}, "looks binary (NUL bytes), skipped");
        return std::nullopt;
    }
    if (bytes.starts_with(kBom)) bytes.erase(0, kBom.size());
    if (is_blank(bytes)) {
        diag.warn({display_name}, "empty file, skipped");
        return std::nullopt;
    }
    const std::size_t replaced = repair_utf8(bytes);
    if (replaced != 0) {
        diag.warn({display_name}, "invalid UTF-8 replaced with U+FFFD (" +
                                      std::to_string(replaced) +
                                      (replaced == 1 ? " sequence)" : " sequences)"));
    }
    return bytes;
}

}  // namespace newsdex
