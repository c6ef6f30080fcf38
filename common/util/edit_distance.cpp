#include "util/edit_distance.h"

#include <algorithm>
#include <vector>

namespace newsdex {

namespace {

// Rows up to this long live on the stack: words, unlike the texts they come from, are short.
constexpr std::size_t kStackRow = 64;

// The distance when it is at most 1 (0 or 1), else 2: one pass from the first difference,
// for the speller's short words, which it compares with thousands of terms a query.
template <typename Char>
std::size_t within_one(std::basic_string_view<Char> a, std::basic_string_view<Char> b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::size_t p = 0;
    while (p < n && p < m && a[p] == b[p]) ++p;
    if (p == n && p == m) return 0;
    if (n == m) {
        if (a.substr(p + 1) == b.substr(p + 1)) return 1;  // a substitution
        const bool swapped = p + 1 < n && a[p] == b[p + 1] && a[p + 1] == b[p] && a.substr(p + 2) == b.substr(p + 2);
        return swapped ? 1 : 2;
    }
    if (n == m + 1) return a.substr(p + 1) == b.substr(p) ? 1 : 2;  // a deletion
    if (m == n + 1) return a.substr(p) == b.substr(p + 1) ? 1 : 2;  // an insertion
    return 2;
}

template <typename Char>
std::size_t osa_distance(std::basic_string_view<Char> a, std::basic_string_view<Char> b, std::size_t limit) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    if (limit == 1) return within_one(a, b);
    // Three rows of the dynamic-programming table (the swap rule looks two rows back), of
    // which only the band |i - j| <= limit is computed: a cell outside it is over the limit.
    // The cells just outside the band are written as over the limit, so reads from the next
    // rows never see a value left from an earlier row.
    const std::size_t over = limit + 1;
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
    std::fill(before, before + m + 1, over);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = std::min(j, over);
    for (std::size_t i = 1; i <= n; ++i) {
        const std::size_t lo = i > limit ? i - limit : 1;
        const std::size_t hi = std::min(m, i + limit);
        current[lo - 1] = lo == 1 ? std::min(i, over) : over;
        std::size_t row_min = current[lo - 1];
        for (std::size_t j = lo; j <= hi; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
            current[j] = std::min(d, over);
            row_min = std::min(row_min, current[j]);
        }
        if (hi < m) current[hi + 1] = over;
        if (row_min > limit) return over;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], over);
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
