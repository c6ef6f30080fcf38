// Chooses and highlights the passage of an article to show with a hit. It re-analyses the
// stored text with the database's own Analyzer, so matches are found exactly where the index
// found them and highlighted at the tokens' original byte offsets.
//
// The passage (about max_chars code points) is the one with the most weight of distinct
// matched patterns (rarer terms weigh more), then the most matches; ties go to the earliest.
// It is cut at word boundaries with "…" where text was cut, white space runs shown as one
// space. Each keyword match is one highlight; a phrase match is one highlight from its first
// word to its last.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "query/match_pattern.h"
#include "snippet/snippet.h"

namespace newsdex {

class SnippetBuilder {
public:
    SnippetBuilder(Analyzer& analyzer, std::size_t max_chars)
        : analyzer_(analyzer), max_chars_(max_chars) {}

    // Without any match, the passage is the start of the text.
    Snippet build(std::string_view text, const std::vector<MatchPattern>& patterns) const;

private:
    Analyzer& analyzer_;
    std::size_t max_chars_;
};

}  // namespace newsdex
