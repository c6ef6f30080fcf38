// Loads one file's bytes and makes them safe for the readers: refuses binary files and empty
// files (with a warning), removes a UTF-8 byte-order mark, and repairs invalid UTF-8 to U+FFFD
// with one warning for the file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "util/diagnostics.h"

namespace newsdex {

// Returns the file's text, or nullopt after a warning when the file cannot be read, holds NUL
// bytes (binary), or is empty (nothing but white space). `display_name` names it in warnings.
std::optional<std::string> load_text_file(const std::filesystem::path& path,
                                          std::string_view display_name, Diagnostics& diag);

// The same checks on bytes already in memory (tests, archives later).
std::optional<std::string> prepare_text(std::string bytes, std::string_view display_name,
                                        Diagnostics& diag);

}  // namespace newsdex
