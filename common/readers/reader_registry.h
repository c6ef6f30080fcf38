// Chooses the reader for a file by its extension (case-insensitive). Hidden files and unknown
// extensions get no reader: the indexer skips them silently and counts them.
#pragma once

#include <filesystem>

#include "readers/reader.h"

namespace newsdex {

// nullptr when no reader handles this file.
const Reader* reader_for(const std::filesystem::path& path);

}  // namespace newsdex
