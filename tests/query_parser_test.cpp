#include <gtest/gtest.h>

#include <map>

#include "analysis/analyzer.h"
#include "query/query_parser.h"
#include "util/errors.h"

using namespace newsdex;

namespace {

// A stand-in for the database's stem table: "soldier" and "soldiers" share a stem.
std::vector<std::string> fake_expand(const std::string& word) {
    static const std::map<std::string, std::vector<std::string>> table = {
        {"soldier", {"soldier", "soldiers"}},
        {"soldiers", {"soldier", "soldiers"}},
    };
    auto it = table.find(word);
    return it == table.end() ? std::vector<std::string>{word} : it->second;
}

class QueryParserTest : public ::testing::Test {
protected:
    Analyzer analyzer{AnalyzerSettings{}};
    QueryParser parser{analyzer, fake_expand};

    std::string describe(const std::string& q, MatchMode mode = MatchMode::all) {
        return parser.parse(q, mode).query.get_description();
    }
    std::string error_of(const std::string& q) {
        try {
            parser.parse(q);
        } catch (const QueryError& e) {
            return e.what();
        }
        return "(no error)";
    }
};

}  // namespace

TEST_F(QueryParserTest, BuildsTheExpectedXapianQuery) {
    struct Row {
        const char* query;
        const char* expected;
    } rows[] = {
        {"oil", "Query(oil)"},
        {"crude oil", "Query((crude AND oil))"},
        {"Soldiers", "Query((soldier SYNONYM soldiers))"},
        {"\"soldiers\"", "Query(soldiers)"},
        {"\"prisoners of war\" kursk", "Query(((prisoners PHRASE 3 of PHRASE 3 war) AND kursk))"},
        {"a b OR c", "Query((a AND (b OR c)))"},
        {"a OR b c", "Query(((a OR b) AND c))"},
        {"oil -crude", "Query((oil AND_NOT crude))"},
        {"oil -\"crude oil\" -opec", "Query((oil AND_NOT ((crude PHRASE 2 oil) OR opec)))"},
        {"oil NOT crude", "Query((oil AND_NOT crude))"},
        {"oil AND crude", "Query((oil AND crude))"},
        {"(cocoa OR sugar) ghana", "Query(((cocoa OR sugar) AND ghana))"},
        {"20-year-old", "Query((20 PHRASE 3 year PHRASE 3 old))"},
        {"北京", "Query((北 PHRASE 2 京))"},
        {"Russia’s", "Query(russia)"},
        {"“crude oil”", "Query((crude PHRASE 2 oil))"},
        {"oil — crude", "Query((oil AND crude))"},
        {"or and not", "Query((or AND and AND not))"},
    };
    for (const auto& row : rows) EXPECT_EQ(describe(row.query), row.expected) << row.query;
}

TEST_F(QueryParserTest, MatchAnyRanksOptionalWordsAndKeepsRequiredOnes) {
    EXPECT_EQ(describe("crude oil", MatchMode::any), "Query((crude OR oil))");
    EXPECT_EQ(describe("crude +oil", MatchMode::any), "Query((oil AND_MAYBE crude))");
    EXPECT_EQ(describe("crude oil -opec", MatchMode::any), "Query(((crude OR oil) AND_NOT opec))");
}

TEST_F(QueryParserTest, ReportsErrorsWithColumns) {
    struct Row {
        const char* query;
        const char* expected;
    } rows[] = {
        {"north \"korean soldiers", "unclosed quote at column 7"},
        {"Zürich \"x", "unclosed quote at column 8"},
        {"", "empty query"},
        {"   ", "empty query"},
        {"-oil", "a query made only of exclusions (from column 1) matches nothing: add a word or "
                 "phrase to search for, as in 'oil -crude'"},
        {"-oil -\"crude oil\"", "a query made only of exclusions (from column 1) matches nothing: add "
                                "a word or phrase to search for, as in 'oil -crude'"},
        {"oil OR", "OR at column 5 needs a word or phrase after it"},
        {"OR oil", "OR at column 1 needs a word or phrase before it"},
        {"oil AND", "AND at column 5 needs a word or phrase after it"},
        {"(oil crude", "unclosed '(' at column 1"},
        {"oil)", "unmatched ')' at column 4"},
        {"()", "empty parentheses at column 1"},
        {"a OR -b", "an exclusion at column 6 cannot be an alternative of OR; exclude outside the "
                    "OR group, as in '(a OR b) -c'"},
        {"!!! ...", "the query has no words to search for"},
    };
    for (const auto& row : rows) EXPECT_EQ(error_of(row.query), row.expected) << row.query;
}

TEST_F(QueryParserTest, ErrorColumnsCountCodePoints) {
    try {
        parser.parse("北京 \"x");
        FAIL();
    } catch (const QueryError& e) {
        EXPECT_EQ(e.column(), 4u);
    }
}

TEST_F(QueryParserTest, PatternsListPositiveKeywordsAndPhrasesOnly) {
    const ParsedQuery parsed = parser.parse("soldier \"prisoners of war\" -kursk");
    ASSERT_EQ(parsed.patterns.size(), 2u);
    EXPECT_EQ(parsed.patterns[0].sequence, (std::vector<std::vector<std::string>>{{"soldier", "soldiers"}}));
    EXPECT_EQ(parsed.patterns[1].sequence,
              (std::vector<std::vector<std::string>>{{"prisoners"}, {"of"}, {"war"}}));
}
