// Patterns as the query parser makes them, for the tests of what matches in text (snippets,
// MatchFinder, concordances): a keyword is one position holding its forms, a phrase one
// position per word.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "query/match_pattern.h"

namespace newsdex::test {

inline MatchPattern keyword(std::vector<std::string> forms, double weight = 1.0) {
    return MatchPattern{{std::move(forms)}, weight};
}

inline MatchPattern phrase(std::initializer_list<const char*> words, double weight = 1.0) {
    MatchPattern p;
    for (const char* w : words) p.sequence.push_back({w});
    p.weight = weight;
    return p;
}

}  // namespace newsdex::test
