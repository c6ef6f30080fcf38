// UTF-8 helpers shared by the readers, the snippet builder and the printers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

// Replaces every ill-formed UTF-8 sequence in `text` with U+FFFD (one per maximal ill-formed
// subpart, as the Unicode standard recommends). Returns how many replacements were made.
std::size_t repair_utf8(std::string& text);

// Number of code points in valid UTF-8.
std::size_t count_code_points(std::string_view text);

// The length of the longest prefix of `text` of at most `max` bytes that does not end inside
// a UTF-8 sequence: where to cut text (or a stream cut short) without leaving half a character,
// which would become U+FFFD.
std::size_t utf8_prefix_length(std::string_view text, std::size_t max);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

}  // namespace newsdex
