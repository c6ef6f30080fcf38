// Concordance (key word in context, `--kwic`): one line per occurrence of a query's patterns
// in an article's title, then its body, in text order, each with up to `width` code points of
// context either side. Matches are MatchFinder's, so a line is wherever a snippet would
// highlight: a phrase is one line, a word inside a matched phrase gets no line of its own.
//
// The texts of a line, exactly:
// - White space is shown as in snippets: every run of the characters shown_space_length()
//   counts (new lines, no-break spaces ...) becomes one ' ', in left, match and right alike.
// - `match` is the stored text from the first matched token's begin to the last one's end.
// - `left` is the collapsed text before the match, without the white space just before the
//   match, cut to its last `width` code points; `right` is the collapsed text after the
//   match, without the white space just after it, cut to its first `width` code points.
//   After the cut, a space at the far end (the start of `left`, the end of `right`) is
//   dropped too, so neither ever starts or ends with a space and each may be shorter than
//   `width`. Cuts fall between code points, never inside a UTF-8 sequence.
// - `offset` counts the code points of the stored field text (white space not collapsed)
//   before the match.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "snippet/match_finder.h"

namespace newsdex {

struct ConcordanceLine {
    std::string field;   // "title" | "body"
    std::size_t offset;  // code points into the stored field text
    std::string left, match, right;

    friend bool operator==(const ConcordanceLine&, const ConcordanceLine&) = default;
};

class ConcordanceBuilder {
public:
    ConcordanceBuilder(Analyzer& analyzer, std::size_t width) : analyzer_(analyzer), width_(width) {}

    // The title's lines, then the body's; each text is analysed with the builder's Analyzer.
    std::vector<ConcordanceLine> lines(std::string_view title, std::string_view body, const MatchFinder& finder) const;

    // The lines of one field whose tokens the caller already has (as Analyzer::tokens(text)
    // gives them, or from offsets stored at index time), appended to `out`.
    void append_lines(std::string_view field, std::string_view text, const std::vector<Token>& tokens,
                      const MatchFinder& finder, std::vector<ConcordanceLine>& out) const;

private:
    Analyzer& analyzer_;
    std::size_t width_;
};

// One line for the text printer: `left` right-aligned in `width` code points (spaces before
// it), a space, the match, a space, `right` padded with spaces to `width` code points, two
// spaces, the id. With `color`, the match is wrapped in the text printer's highlight escapes
// (bold red, then reset). Columns line up on a terminal for text whose characters are one
// column wide; wide (CJK) characters count as one code point like any other.
std::string concordance_text_line(const ConcordanceLine& line, const std::string& id, std::size_t width, bool color);

}  // namespace newsdex
