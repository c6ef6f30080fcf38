// What a search returns: the hits of one page, with everything the printers need.
// The printers only format these; they never query the database.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "article/article.h"
#include "snippet/snippet.h"

namespace newsdex {

struct Hit {
    std::size_t rank = 0;  // 1-based, counting from the first result of the whole list (offset + i + 1)
    double score = 0.0;
    Article article;       // decoded from the document's stored data (path and id filled)
    Snippet snippet;
};

struct SearchResults {
    std::string query;          // the query as the user typed it
    std::size_t total = 0;      // Xapian's estimate of all matches
    std::size_t offset = 0;
    std::vector<Hit> hits;
};

}  // namespace newsdex
