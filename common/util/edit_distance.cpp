#include "util/edit_distance.h"

#include <algorithm>
#include <vector>

namespace newsdex {

namespace {

// Rows up to this long live on the stack: words, unlike the texts they come from, are short.
constexpr std::size_t kStackRow = 64;

template <typename Char>
std::size_t osa_distance(std::basic_string_view<Char> a, std::basic_string_view<Char> b, std::size_t limit) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Three rows of the dynamic-programming table: the swap rule looks two rows back.
    std::size_t stack[3][kStackRow + 1];
    std::vector<std::size_t> heap;
    std::size_t* before = stack[0];
    std::size_t* previous = stack[1];
    std::size_t* current = stack[2];
    if (m > kStackRow) {
        heap.resize(3 * (m + 1));
        before = heap.data();
        previous = before + (m + 1);
        current = previous + (m + 1);
    }
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_min = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
            current[j] = d;
            row_min = std::min(row_min, d);
        }
        if (row_min > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], limit + 1);
}

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
    return osa_distance(a, b, limit);
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    return osa_distance(a, b, limit);
}

std::u32string to_code_points(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len && i + k < s.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

}  // namespace newsdex
