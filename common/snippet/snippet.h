// A highlighted passage of an article, ready to print.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

struct Snippet {
    std::string text;  // UTF-8; white space runs collapsed; "…" where text was cut
    // [start, end) offsets in code points into `text`, sorted, non-overlapping.
    std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

}  // namespace newsdex
