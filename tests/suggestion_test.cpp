#include <gtest/gtest.h>

#include <map>

#include "analysis/analyzer.h"
#include "query/query_parser.h"
#include "search/suggestion.h"

using namespace newsdex;

namespace {

// A stand-in speller: fixed candidates per prefix and term, best first.
std::vector<std::string> fake_candidates(std::string_view prefix, const std::string& term) {
    static const std::map<std::pair<std::string, std::string>, std::vector<std::string>> table = {
        {{"", "crued"}, {"crude"}}, {{"", "oli"}, {"oil"}}, {{"", "prise"}, {"price"}},
        {{"", "nort"}, {"not", "north", "nor"}},
        {{"XS", "reutres"}, {"reuters"}}, {{"XS", "new yrok times"}, {"new york times"}},
        {{"XS", "nyt"}, {"new york times"}},
    };
    auto it = table.find({std::string(prefix), term});
    if (it == table.end()) return {};
    return it->second;
}

// A stand-in for counting: "north" and "not" find as many with "korean", "nor" fewer, and
// "not" most alone; a query with a word left misspelt finds nothing.
std::size_t fake_count(const std::string& text) {
    if (text.find("crued") != std::string::npos) return 0;
    if (text.find("north korean") != std::string::npos) return 7;
    if (text.find("not korean") != std::string::npos) return 7;
    if (text.find("nor korean") != std::string::npos) return 2;
    if (text.find("not") != std::string::npos) return 3;
    return 0;
}

class Suggestion : public ::testing::Test {
protected:
    Analyzer analyzer{AnalyzerSettings{}};
    QueryParser parser{analyzer, QueryVocabulary{[](const std::string& w) { return std::vector<std::string>{w}; },
                                                 [](const std::string&, std::size_t) { return PrefixMatches{}; }}};

    std::string suggest(const std::string& query) {
        const auto corrected = corrected_query(parser.parse(query), fake_candidates, fake_count);
        return corrected ? *corrected : "(none)";
    }
};

}  // namespace

TEST_F(Suggestion, ReplacesOnlyTheMisspeltWordsAndKeepsTheRest) {
    EXPECT_EQ(suggest("crued oli"), "crude oil");
    EXPECT_EQ(suggest("Crued  OR  (gas -oli)"), "crude  OR  (gas -oli)");  // excluded words stay
    EXPECT_EQ(suggest("\"crued oil\" NEAR/3 prise"), "\"crude oil\" NEAR/3 price");
    EXPECT_EQ(suggest("title:crued date:2025"), "title:crude date:2025");
    EXPECT_EQ(suggest("source:Reutres oil"), "source:reuters oil");
    EXPECT_EQ(suggest("source:\"New Yrok Times\""), "source:\"new york times\"");
    EXPECT_EQ(suggest("source:NYT"), "source:\"new york times\"");
    EXPECT_EQ(suggest("crude oil"), "(none)");
    EXPECT_EQ(suggest("prise*"), "(none)");  // a wildcard is a prefix, not a word
}

TEST_F(Suggestion, PicksTheCandidateThatFitsTheRestOfTheQuery) {
    EXPECT_EQ(suggest("nort korean"), "north korean");  // ties with "not", shares more of "nort"
    EXPECT_EQ(suggest("nort"), "not");                  // alone, "not" finds most
    EXPECT_EQ(suggest("nort korean crued"), "north korean crude");  // crued is fixed first
}
