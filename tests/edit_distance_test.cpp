#include <gtest/gtest.h>

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
