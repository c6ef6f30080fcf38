#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "match_patterns.h"
#include "snippet/match_finder.h"

using namespace newsdex;

namespace newsdex {
// A failing row shows its matches, not bytes.
void PrintTo(const Match& m, std::ostream* os) {
    *os << "{" << m.first_token << ", " << m.last_token << ", " << m.pattern << ", " << m.begin << ", " << m.end << "}";
}
}  // namespace newsdex

namespace {

using newsdex::test::keyword;
using newsdex::test::phrase;

struct Row {
    const char* name;
    std::string text;
    std::vector<MatchPattern> patterns;
    std::vector<Match> expected;  // {first_token, last_token, pattern, begin, end}
};

}  // namespace

TEST(MatchFinder, FindsEveryMatchInTextOrderWithoutOverlaps) {
    const std::vector<Row> rows = {
        // two(0-3) soldiers(4-12) were(13-17) captured(18-26). the(28-31) soldier(32-39) said so.
        {"a keyword matches each form in its slot, forms given unsorted",
         "Two soldiers were captured. The soldier said so.",
         {keyword({"soldiers", "soldier"})},
         {{1, 1, 0, 4, 12}, {5, 5, 0, 32, 39}}},
        // prisoners(0-9) of(10-12) war(13-16) and(17-20) more(21-25) prisoners(26-35)
        {"a phrase is one match; its first word alone matches elsewhere",
         "prisoners of war and more prisoners",
         {keyword({"prisoners"}), phrase({"prisoners", "of", "war"})},
         {{0, 2, 1, 0, 16}, {5, 5, 0, 26, 35}}},
        // prisoners(0-9) of(10-12) war(13-16), war(18-21)
        {"a word inside a matched phrase is not matched again",
         "prisoners of war, war",
         {phrase({"prisoners", "of", "war"}), keyword({"war"})},
         {{0, 2, 0, 0, 16}, {3, 3, 1, 18, 21}}},
        // north(0-5) korea(6-11) and(12-15) north(16-21) dakota(22-28)
        {"the longest pattern wins where two start at the same token",
         "North Korea and north Dakota",
         {keyword({"north"}), phrase({"north", "korea"})},
         {{0, 1, 1, 0, 11}, {3, 3, 0, 16, 21}}},
        {"between equally long patterns the first given wins",
         "oil",
         {keyword({"oil"}), keyword({"oil", "oils"})},
         {{0, 0, 0, 0, 3}}},
        // new(0-3) york(4-8) city(9-13): "york city" would overlap "new york"
        {"a match starting inside an earlier match is not taken",
         "new york city",
         {phrase({"york", "city"}), phrase({"new", "york"})},
         {{0, 1, 1, 0, 8}}},
        {"a phrase cut off by the end of the text does not match",
         "they freed the prisoners of",
         {phrase({"prisoners", "of", "war"})},
         {}},
        {"an empty slot (a wildcard that matched nothing) never matches, nor an empty pattern",
         "oil prices rose",
         {MatchPattern{{{}}, 1.0}, MatchPattern{{{"oil"}, {}}, 1.0}, MatchPattern{}},
         {}},
        // each Han character is a token of 3 bytes: 北(0-3) 朝(3-6) 鮮(6-9) 兵(9-12)
        {"Han characters match as a phrase of single characters",
         "北朝鮮兵",
         {phrase({"北", "朝", "鮮"})},
         {{0, 2, 0, 0, 9}}},
        // zürich is 7 bytes (ü is 2): mayor(0-5) of(6-8) zürich(9-16) said(17-21)
        {"byte offsets are those of the stored text, not of the folded term",
         "Mayor of Zürich said",
         {keyword({"zurich"})},
         {{2, 2, 0, 9, 16}}},
        {"no patterns, no matches", "oil prices rose", {}, {}},
    };
    Analyzer analyzer{AnalyzerSettings{"english", true}};
    for (const Row& row : rows) {
        const MatchFinder finder(row.patterns);
        EXPECT_EQ(finder.find(analyzer.tokens(row.text)), row.expected) << row.name;
    }
}

TEST(MatchFinder, UsesTheTokensGivenWithoutReanalysing) {
    // Tokens as offsets stored at index time might give them: the finder reads only terms and
    // offsets, so these made-up offsets come back as they are.
    const std::vector<Token> tokens = {{"oil", 0, 10, 13}, {"price", 1, 20, 26}, {"oil", 2, 30, 33}};
    const MatchFinder finder({phrase({"oil", "price"}), keyword({"oil"})});
    EXPECT_EQ(finder.find(tokens), (std::vector<Match>{{0, 1, 0, 10, 26}, {2, 2, 1, 30, 33}}));
}

TEST(MatchFinder, KeepsThePatternsInTheOrderGivenWithSortedSlots) {
    const MatchFinder finder({keyword({"soldiers", "soldier"}), phrase({"war"})});
    ASSERT_EQ(finder.patterns().size(), 2u);
    EXPECT_EQ(finder.patterns()[0].sequence, (std::vector<std::vector<std::string>>{{"soldier", "soldiers"}}));
    EXPECT_EQ(finder.patterns()[1].sequence, (std::vector<std::vector<std::string>>{{"war"}}));
}
