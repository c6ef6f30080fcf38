// ASCII-only case helpers, for names that are ASCII by definition (file extensions, tag and
// field names, charset labels). Text is folded by the analyzer, never with these.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace newsdex {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return ascii_lower(c); });
    return out;
}

inline bool ascii_equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

}  // namespace newsdex
