// What a query looks for in text, for the snippet builder: each positive keyword or phrase of
// the query as a sequence of positions, each position the set of terms that match there
// (a keyword's stem expansions, or a phrase's exact words).
#pragma once

#include <string>
#include <vector>

namespace newsdex {

struct MatchPattern {
    std::vector<std::vector<std::string>> sequence;  // sorted term sets, one per position
    double weight = 1.0;  // set by the searcher: rarer patterns weigh more in passage choice
};

}  // namespace newsdex
