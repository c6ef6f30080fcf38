// Edit distance between two strings of code points, for "did you mean" suggestions (field
// names in the query parser, indexed words in the spelling suggester).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
// adjacent code points each cost 1 ("titel" → "title" is 1). Stops early and returns
// limit + 1 once the distance is known to exceed `limit`.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);
// The same over bytes: for ASCII strings, where a byte is a code point.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// Decodes valid UTF-8 into code points.
std::u32string to_code_points(std::string_view utf8);

}  // namespace newsdex
