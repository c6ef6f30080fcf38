#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "match_patterns.h"
#include "snippet/concordance.h"

using namespace newsdex;

namespace newsdex {
// A failing row shows its lines, not bytes.
void PrintTo(const ConcordanceLine& l, std::ostream* os) {
    *os << "{" << l.field << ", " << l.offset << ", \"" << l.left << "\", \"" << l.match << "\", \"" << l.right << "\"}";
}
}  // namespace newsdex

namespace {

using newsdex::test::keyword;
using newsdex::test::phrase;

struct Row {
    const char* name;
    std::string title, body;
    std::vector<MatchPattern> patterns;
    std::size_t width;
    std::vector<ConcordanceLine> expected;  // {field, offset, left, match, right}
};

const std::string kTram = "The mayor said the new tram line would open in spring.";  // tram: bytes 23-27
const std::string kZurich = "Der Bürgermeister von Zürich sagte, die Straßenbahn fährt ab März.";

}  // namespace

TEST(Concordance, LinesGiveContextCutAtCodePointsWithWhiteSpaceCollapsed) {
    const std::vector<Row> rows = {
        {"ASCII: the last and first width code points, cut inside words",
         "", kTram, {keyword({"tram"})}, 10,
         {{"body", 23, "id the new", "tram", "line would"}}},
        {"a cut landing on a space drops it: left 4 is ' new', right 5 is 'line '",
         "", kTram, {keyword({"tram"})}, 4,
         {{"body", 23, "new", "tram", "line"}}},
        {"the far-end space is dropped on the right as well",
         "", kTram, {keyword({"tram"})}, 5,
         {{"body", 23, "e new", "tram", "line"}}},
        {"a width smaller than the neighbouring words cuts them",
         "", kTram, {keyword({"tram"})}, 2,
         {{"body", 23, "ew", "tram", "li"}}},
        {"no context at width 0",
         "", kTram, {keyword({"tram"})}, 0,
         {{"body", 23, "", "tram", ""}}},
        // Prices(0-6) of(7-9) crude(10-15) \n\n oil(17-20) "  " rose(22-26) NBSP again ...
        {"new lines, double spaces and a no-break space collapse, in the phrase too; "
         "oil inside the matched phrase gets no line",
         "", "Prices of crude\n\noil  rose\xC2\xA0" "again on Monday.",
         {phrase({"crude", "oil"}), keyword({"rose"}), keyword({"oil"})}, 12,
         {{"body", 10, "Prices of", "crude oil", "rose again o"},
          {"body", 22, "of crude oil", "rose", "again on Mon"}}},
        // Zürich at byte 23 is code point 22 (ü of Bürgermeister is 2 bytes); Straßenbahn at
        // byte 42 is code point 40.
        {"accented text: whole code points at the cuts, offsets in code points",
         "", kZurich, {keyword({"zurich"}), keyword({"strassenbahn"})}, 16,
         {{"body", 22, "ürgermeister von", "Zürich", "sagte, die Straß"},
          {"body", 40, "ürich sagte, die", "Straßenbahn", "fährt ab März."}}},
        {"CJK: each Han character is a token; the phrase is one match",
         "", "韓国の情報機関によると、北朝鮮兵が戦闘に加わった。",
         {phrase({"北", "朝", "鮮"})}, 4,
         {{"body", 12, "よると、", "北朝鮮", "兵が戦闘"}}},
        // Oil(0-3) ... sold(25-29) oil(30-33)
        {"matches at the very start and the very end of a text",
         "", "Oil prices fell; traders sold oil", {keyword({"oil"})}, 10,
         {{"body", 0, "", "Oil", "prices fel"}, {"body", 30, "aders sold", "oil", ""}}},
        {"white space at the text's ends is no context; offset counts it",
         "", "\n  Oil\n", {keyword({"oil"})}, 10,
         {{"body", 3, "", "Oil", ""}}},
        {"a keyword matches each of its forms",
         "", "A soldier and two soldiers.", {keyword({"soldier", "soldiers"})}, 5,
         {{"body", 2, "A", "soldier", "and t"}, {"body", 18, "d two", "soldiers", "."}}},
        // body: Traders(0-7) sold(8-12) oil(13-16). Oil(18-21) fell again.
        {"title lines come first, then the body's, each in text order",
         "Oil falls", "Traders sold oil. Oil fell again.", {keyword({"oil"})}, 6,
         {{"title", 0, "", "Oil", "falls"},
          {"body", 13, "s sold", "oil", ". Oil"},
          {"body", 18, "d oil.", "Oil", "fell a"}}},
        {"no match, no line", "Oil falls", "Traders sold oil.", {keyword({"gas"})}, 6, {}},
    };
    Analyzer analyzer{AnalyzerSettings{"english", true}};
    for (const Row& row : rows) {
        const ConcordanceBuilder builder(analyzer, row.width);
        EXPECT_EQ(builder.lines(row.title, row.body, MatchFinder(row.patterns)), row.expected) << row.name;
    }
}

TEST(Concordance, AppendLinesUsesTheTokensGiven) {
    // Made-up tokens standing for offsets stored at index time: "oil" at bytes 4-7 of "the oil
    // rig". The field name is the caller's.
    Analyzer analyzer{AnalyzerSettings{"english", true}};
    const ConcordanceBuilder builder(analyzer, 3);
    std::vector<ConcordanceLine> out;
    builder.append_lines("body", "the oil rig", {{"oil", 0, 4, 7}}, MatchFinder({keyword({"oil"})}), out);
    EXPECT_EQ(out, (std::vector<ConcordanceLine>{{"body", 4, "the", "oil", "rig"}}));
}

TEST(Concordance, TextLineAlignsLeftRightPadsRightAndEndsWithTheId) {
    struct TextRow {
        const char* name;
        ConcordanceLine line;
        std::string id;
        std::size_t width;
        bool color;
        std::string expected;
    };
    const std::vector<TextRow> rows = {
        {"plain: 2 spaces before a 10-code-point left, 2 after a 10-code-point right",
         {"body", 23, "id the new", "tram", "line would"}, "doc-7", 12, false,
         "  id the new tram line would    doc-7"},
        {"colour wraps only the match in bold red and reset",
         {"body", 23, "id the new", "tram", "line would"}, "doc-7", 12, true,
         "  id the new \x1b[1;31mtram\x1b[0m line would    doc-7"},
        {"padding counts code points, not bytes",
         {"body", 0, "ürich", "Straße", "fährt"}, "x", 7, false,
         "  ürich Straße fährt    x"},
        {"empty contexts are all padding",
         {"title", 0, "", "Oil", ""}, "a1", 3, false,
         "    Oil      a1"},
    };
    for (const TextRow& row : rows) {
        EXPECT_EQ(concordance_text_line(row.line, row.id, row.width, row.color), row.expected) << row.name;
    }
}
