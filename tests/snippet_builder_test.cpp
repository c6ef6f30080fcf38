#include <gtest/gtest.h>

#include "analysis/analyzer.h"
#include "match_patterns.h"
#include "snippet/snippet_builder.h"

using namespace newsdex;

namespace {

using newsdex::test::keyword;
using newsdex::test::phrase;

// The snippet with each highlight in [brackets], so a row shows text and offsets at once.
std::string render(const Snippet& s) {
    std::u32string text;
    // decode UTF-8 to code points
    for (std::size_t i = 0; i < s.text.size();) {
        const auto c = static_cast<unsigned char>(s.text[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s.text[i + k]) & 0x3F);
        text.push_back(cp);
        i += len;
    }
    std::u32string out;
    std::size_t h = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (h < s.highlights.size() && s.highlights[h].second == i) out += U']', ++h;
        if (h < s.highlights.size() && s.highlights[h].first == i) out += U'[';
        if (i < text.size()) out += text[i];
    }
    std::string utf8;
    for (char32_t cp : out) {
        if (cp < 0x80) utf8 += static_cast<char>(cp);
        else if (cp < 0x800) utf8 += static_cast<char>(0xC0 | (cp >> 6)), utf8 += static_cast<char>(0x80 | (cp & 0x3F));
        else if (cp < 0x10000) utf8 += static_cast<char>(0xE0 | (cp >> 12)), utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), utf8 += static_cast<char>(0x80 | (cp & 0x3F));
        else utf8 += static_cast<char>(0xF0 | (cp >> 18)), utf8 += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)), utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), utf8 += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return utf8;
}

}  // namespace

TEST(SnippetBuilder, ShortTextIsShownWholeWithEveryMatchHighlighted) {
    Analyzer analyzer{AnalyzerSettings{}};
    SnippetBuilder builder(analyzer, 200);
    const Snippet s = builder.build("Two soldiers   were\n\ncaptured. The soldier said so.",
                                    {keyword({"soldier", "soldiers"})});
    EXPECT_EQ(render(s), "Two [soldiers] were captured. The [soldier] said so.");
    EXPECT_EQ(s.highlights, (std::vector<std::pair<std::size_t, std::size_t>>{{4, 12}, {32, 39}}));
}

TEST(SnippetBuilder, PhraseIsOneHighlightFromFirstWordToLast) {
    Analyzer analyzer{AnalyzerSettings{}};
    SnippetBuilder builder(analyzer, 200);
    const Snippet s = builder.build("They swapped prisoners  of war; more prisoners came.",
                                    {phrase({"prisoners", "of", "war"})});
    EXPECT_EQ(render(s), "They swapped [prisoners of war]; more prisoners came.");
}

TEST(SnippetBuilder, LongTextIsCutAtWordsAroundTheBestPassage) {
    Analyzer analyzer{AnalyzerSettings{}};
    SnippetBuilder builder(analyzer, 60);
    const std::string text =
        "The council met on Monday to discuss the budget for the coming year. Later that week the "
        "mayor of Zürich said the new tram line would open in spring, ahead of schedule. Critics "
        "were not convinced by the plan.";
    const Snippet s = builder.build(text, {keyword({"zurich"}), keyword({"tram"})});
    EXPECT_EQ(render(s), "… the mayor of [Zürich] said the new [tram] line would open in …");
}

TEST(SnippetBuilder, PrefersThePassageWithRarerTerms) {
    Analyzer analyzer{AnalyzerSettings{}};
    SnippetBuilder builder(analyzer, 40);
    const std::string text =
        "oil oil oil oil and more oil here, then a long stretch of filler words follows now, "
        "and finally cocoa appears with oil.";
    const Snippet s = builder.build(text, {keyword({"oil"}, 0.5), keyword({"cocoa"}, 5.0)});
    EXPECT_EQ(render(s), "… and finally [cocoa] appears with [oil].");
}

TEST(SnippetBuilder, WithoutMatchesShowsTheStart) {
    Analyzer analyzer{AnalyzerSettings{}};
    SnippetBuilder builder(analyzer, 30);
    const Snippet s = builder.build("Markets were calm on Friday as traders waited for data.", {});
    EXPECT_EQ(render(s), "Markets were calm on …");
}

TEST(SnippetBuilder, HighlightsCountCodePointsInCjkText) {
    Analyzer analyzer{AnalyzerSettings{}};
    SnippetBuilder builder(analyzer, 200);
    const Snippet s = builder.build("韓国の情報機関によると、北朝鮮兵が戦闘に加わった。",
                                    {phrase({"北", "朝", "鮮"})});
    EXPECT_EQ(render(s), "韓国の情報機関によると、[北朝鮮]兵が戦闘に加わった。");
    EXPECT_EQ(s.highlights, (std::vector<std::pair<std::size_t, std::size_t>>{{12, 15}}));
}

TEST(SnippetBuilder, EmptyTextGivesEmptySnippet) {
    Analyzer analyzer{AnalyzerSettings{}};
    SnippetBuilder builder(analyzer, 200);
    const Snippet s = builder.build("", {keyword({"oil"})});
    EXPECT_EQ(s.text, "");
    EXPECT_TRUE(s.highlights.empty());
}
