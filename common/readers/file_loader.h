// Loads one file's bytes and makes them safe for the readers: refuses binary files and empty
// files (with a warning), and decodes the bytes to UTF-8 (readers/encoding.h: byte-order
// marks, declarations, detection), replacing what cannot be decoded with U+FFFD with one
// warning for the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "readers/archive_source.h"
#include "readers/encoding.h"
#include "readers/input_file.h"
#include "util/diagnostics.h"

namespace newsdex {

// Returns the file's text, or nullopt after a warning when the file cannot be read, looks
// binary (NUL bytes without a UTF-16/32 byte-order mark), or is empty (nothing but white
// space). `display_name` names it in warnings.
std::optional<std::string> load_text_file(const std::filesystem::path& path,
                                          std::string_view display_name, Diagnostics& diag,
                                          const DecodeOptions& options = {});

// The same checks and decoding on bytes already in memory (archive entries, WARC records).
// Warnings:
//   "looks binary (NUL bytes), skipped"
//   "empty file, skipped"
//   "invalid UTF-8 replaced with U+FFFD (N sequences)"            (text taken as UTF-8)
//   "undecodable bytes in CHARSET replaced with U+FFFD (N sequences)"  (any other charset)
std::optional<std::string> prepare_text(std::string bytes, std::string_view display_name,
                                        Diagnostics& diag, const DecodeOptions& options = {});

// The file's bytes as they are, or nullopt after a "cannot read file: REASON" warning (a FIFO
// or device is refused, never waited on: readers/input_file.h).
std::optional<std::string> load_bytes(const std::filesystem::path& path,
                                      std::string_view display_name, Diagnostics& diag);
std::optional<std::string> load_bytes(const InputFile& file, std::string_view display_name, Diagnostics& diag);

// The bytes of an open file as a stream (read with pread: the descriptor keeps no position, so
// read_head before it changes nothing). Throws StreamError (layer file) when reading fails.
class FileStream : public ByteStream {
public:
    explicit FileStream(const InputFile& file) : fd_(file.fd()) {}
    std::size_t read(char* buffer, std::size_t size) override;

private:
    int fd_;
    std::uint64_t offset_ = 0;
};

// Up to `size` bytes from the start of the file (fewer, or none, when it is shorter or cannot
// be read; no warning): enough to sniff its format.
std::string read_head(const InputFile& file, std::size_t size);

}  // namespace newsdex
