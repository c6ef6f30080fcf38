// Chooses and highlights the passage of an article to show with a hit. It re-analyses the
// stored text with the database's own Analyzer (or takes tokens a caller already has), so
// matches (found by MatchFinder) are exactly where the index found them and highlighted at
// the tokens' original byte offsets.
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
#include "snippet/match_finder.h"
#include "snippet/snippet.h"

namespace newsdex {

// The byte length of the white space character at text[i] that snippets and concordance
// lines show as part of one space (ASCII white space, no-break, ideographic, U+2000..200A,
// line and paragraph separators, narrow no-break), or 0 when text[i] starts anything else.
std::size_t shown_space_length(std::string_view text, std::size_t i);

class SnippetBuilder {
public:
    SnippetBuilder(Analyzer& analyzer, std::size_t max_chars)
        : analyzer_(analyzer), max_chars_(max_chars) {}

    // Without any match, the passage is the start of the text.
    Snippet build(std::string_view text, const MatchFinder& finder) const;

    // `tokens` are `text`'s, as the Analyzer gives them (offsets stored at index time will do).
    Snippet build(std::string_view text, const std::vector<Token>& tokens, const MatchFinder& finder) const;

    // For a single text: builds a MatchFinder each call. A caller with many texts for one
    // query should build the finder once and use the overloads above.
    Snippet build(std::string_view text, const std::vector<MatchPattern>& patterns) const;

private:
    Analyzer& analyzer_;
    std::size_t max_chars_;
};

}  // namespace newsdex
