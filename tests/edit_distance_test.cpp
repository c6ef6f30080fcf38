#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "util/edit_distance.h"

namespace {

using newsdex::edit_distance;
using newsdex::to_code_points;

std::size_t distance(const char* a, const char* b, std::size_t limit = 5) {
    return edit_distance(to_code_points(a), to_code_points(b), limit);
}

TEST(EditDistance, CountsEachEditOnce) {
    EXPECT_EQ(distance("title", "title"), 0u);
    EXPECT_EQ(distance("titel", "title"), 1u);   // adjacent swap
    EXPECT_EQ(distance("tilte", "title"), 1u);
    EXPECT_EQ(distance("sorce", "source"), 1u);  // insertion
    EXPECT_EQ(distance("sourcee", "source"), 1u);
    EXPECT_EQ(distance("plase", "place"), 1u);   // substitution
    EXPECT_EQ(distance("athor", "author"), 1u);
    EXPECT_EQ(distance("crued", "crude"), 1u);
    EXPECT_EQ(distance("", "abc"), 3u);
    EXPECT_EQ(distance("http", "date"), 3u);  // h/d, t/a, p/e
}

TEST(EditDistance, CountsCodePointsNotBytes) {
    EXPECT_EQ(distance("zürich", "zurich"), 1u);
    EXPECT_EQ(distance("北京", "南京"), 1u);
}

TEST(EditDistance, StopsAtTheLimit) {
    EXPECT_EQ(distance("abcdef", "uvwxyz", 2), 3u);
    EXPECT_EQ(distance("a", "abcdefgh", 2), 3u);
    EXPECT_EQ(distance("oil", "oil", 0), 0u);
    EXPECT_EQ(distance("oil", "oils", 0), 1u);
}

}  // namespace

namespace {

// The plain full-table distance, the definition the banded one must agree with.
std::size_t reference_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

TEST(EditDistance, BandedTableAgreesWithTheFullOne) {
    std::uint32_t seed = 12345;
    auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    for (int trial = 0; trial < 20000; ++trial) {
        std::u32string a, b;
        const std::size_t la = next() % 11, lb = next() % 11;
        for (std::size_t i = 0; i < la; ++i) a += static_cast<char32_t>(U'a' + next() % 3);
        for (std::size_t i = 0; i < lb; ++i) b += static_cast<char32_t>(U'a' + next() % 3);
        const std::size_t truth = reference_distance(a, b);
        for (std::size_t limit = 0; limit <= 4; ++limit) {
            const std::size_t expected = std::min(truth, limit + 1);
            ASSERT_EQ(newsdex::edit_distance(a, b, limit), expected) << "limit " << limit << " trial " << trial;
            std::string a8(a.begin(), a.end()), b8(b.begin(), b.end());
            ASSERT_EQ(newsdex::edit_distance(std::string_view(a8), std::string_view(b8), limit), expected);
        }
    }
    // Past the stack rows.
    const std::u32string long_a(100, U'x'), long_b = std::u32string(99, U'x') + U'y';
    EXPECT_EQ(newsdex::edit_distance(long_a, long_b, 2), 1u);
}

}  // namespace
