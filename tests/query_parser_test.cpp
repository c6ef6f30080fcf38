#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "analysis/analyzer.h"
#include "query/query_parser.h"
#include "util/errors.h"

using namespace newsdex;

namespace {

// A stand-in for the database's stem table: "soldier" and "soldiers" share a stem.
std::vector<std::string> fake_forms(const std::string& word) {
    static const std::map<std::string, std::vector<std::string>> table = {
        {"soldier", {"soldier", "soldiers"}},
        {"soldiers", {"soldier", "soldiers"}},
    };
    auto it = table.find(word);
    return it == table.end() ? std::vector<std::string>{word} : it->second;
}

// A stand-in for the term list: terms with their frequencies.
PrefixMatches fake_prefix_terms(const std::string& prefix, std::size_t limit) {
    static const std::map<std::string, int> terms = {
        {"sanction", 5}, {"sanctioned", 2}, {"sanctions", 9}, {"sand", 1},
        {"Ssanctions", 3}, {"XSreuters", 4}, {"XSreuters world", 1}, {"XSradio ost", 2},
    };
    std::vector<std::pair<int, std::string>> found;
    for (const auto& [term, freq] : terms) {
        if (term.rfind(prefix, 0) == 0) found.emplace_back(freq, term);
    }
    PrefixMatches out;
    out.total = found.size();
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (found.size() > limit) found.resize(limit);
    for (const auto& f : found) out.terms.push_back(f.second);
    std::sort(out.terms.begin(), out.terms.end());
    return out;
}

class QueryParserTest : public ::testing::Test {
protected:
    Analyzer analyzer{AnalyzerSettings{}};
    QueryParser parser{analyzer, QueryVocabulary{fake_forms, fake_prefix_terms}};

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
        {"”crude oil”", "Query((crude PHRASE 2 oil))"},
        {"„crude oil“", "Query((crude PHRASE 2 oil))"},
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
        {"oil ”", "unclosed quote at column 5"},  // a stray closing quote opens a phrase
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

TEST_F(QueryParserTest, Precedence) {
    struct Row {
        const char* query;
        const char* expected;
    } rows[] = {
        // Tightest first: NEAR, unary, OR, AND (explicit or implied).
        {"a OR b AND c", "Query(((a OR b) AND c))"},
        {"a AND b OR c", "Query((a AND (b OR c)))"},
        {"a OR b OR c d", "Query(((a OR b OR c) AND d))"},
        {"-a b", "Query((b AND_NOT a))"},
        {"NOT a OR b c", "an exclusion at column 1 cannot be an alternative of OR; exclude outside the "
                         "OR group, as in '(a OR b) -c'"},
        {"+a OR b", "Query((a OR b))"},
        {"a NEAR/2 b OR c", "Query(((a NEAR 4 b) OR c))"},
        {"-a NEAR/2 b c", "Query((c AND_NOT (a NEAR 4 b)))"},
        {"((a OR (b c)) d)", "Query(((a OR (b AND c)) AND d))"},
        {"(((a)))", "Query(a)"},
        {"a -(b OR c)", "Query((a AND_NOT (b OR c)))"},
        {"a NOT (b c)", "Query((a AND_NOT (b AND c)))"},
    };
    for (const auto& row : rows) {
        std::string got;
        try {
            got = describe(row.query);
        } catch (const QueryError& e) {
            got = e.what();
        }
        EXPECT_EQ(got, row.expected) << row.query;
    }
}

TEST_F(QueryParserTest, ProximityAndWildcards) {
    struct Row {
        const char* query;
        const char* expected;
    } rows[] = {
        // NEAR/N: at most N words between, either order: a window of 2 + N positions.
        {"oil NEAR/3 opec", "Query((oil NEAR 5 opec))"},
        {"oil NEAR opec", "Query((oil NEAR 12 opec))"},  // NEAR alone is NEAR/10
        {"soldier NEAR/1 border", "Query(((soldier OR soldiers) NEAR 3 border))"},
        {"\"north korea\" NEAR/2 border",
         "Query(((north NEAR 5 korea NEAR 5 border) AND (north PHRASE 2 korea)))"},
        {"a NEAR/1 b NEAR/2 c", "Query(((a NEAR 3 b) AND (b NEAR 4 c)))"},
        {"title:oil NEAR/0 title:price", "Query((Soil NEAR 2 Sprice))"},
        // "..."~N: all the words within their count plus N positions, any order.
        {"\"oil price\"~3", "Query((oil NEAR 5 price))"},
        {"\"opec oil price\"~0", "Query((opec NEAR 3 oil NEAR 3 price))"},
        {"\"oil\"~3", "Query(oil)"},
        // Wildcards expand to the indexed terms, the most frequent first up to the cap.
        {"sanction*", "Query((sanction SYNONYM sanctioned SYNONYM sanctions))"},
        {"Sanctión*", "Query((sanction SYNONYM sanctioned SYNONYM sanctions))"},
        {"sanctio*", "Query((sanction SYNONYM sanctioned SYNONYM sanctions))"},
        {"zzz*", "Query()"},
        {"\"new sanction*\"", "Query((new PHRASE 2 (sanction OR sanctioned OR sanctions)))"},
        {"title:sanction*", "Query(Ssanctions)"},
        {"sanction* NEAR/1 oil", "Query(((sanction OR sanctioned OR sanctions) NEAR 3 oil))"},
        {"source:reut*", "Query(0 * (XSreuters OR XSreuters world))"},
    };
    for (const auto& row : rows) EXPECT_EQ(describe(row.query), row.expected) << row.query;
}

TEST_F(QueryParserTest, WildcardCapKeepsTheMostFrequentAndWarns) {
    QueryParser capped{analyzer, QueryVocabulary{fake_forms, fake_prefix_terms}, 2};
    const ParsedQuery parsed = capped.parse("oil san*");
    EXPECT_EQ(parsed.query.get_description(), "Query((oil AND (sanction SYNONYM sanctions)))");
    EXPECT_EQ(parsed.warnings, (std::vector<std::string>{
                                   "'san*' at column 5 matches 4 terms; searching the 2 most frequent"}));
    EXPECT_TRUE(parser.parse("oil san*").warnings.empty());
}

TEST_F(QueryParserTest, Fields) {
    struct Row {
        const char* query;
        const char* expected;
    } rows[] = {
        // title: ranks (positional S terms, stem forms for keywords); metadata fields filter
        // on the whole value up to case, accents, hyphens.
        {"title:soldiers", "Query((Ssoldier SYNONYM Ssoldiers))"},
        {"title:\"north korea\"", "Query((Snorth PHRASE 2 Skorea))"},
        {"TITLE:oil", "Query(Soil)"},
        {"headline:oil", "Query(Soil)"},
        {"language:de tags:crude Organization:opec", "Query((0 * Lde AND 0 * Kcrude AND 0 * XOopec))"},
        {"source:reuters", "Query(0 * XSreuters)"},
        {"source:\"New York Times\"", "Query(0 * XSnew york times)"},
        {"place:el-salvador", "Query(0 * XPel salvador)"},
        {"place:\"El Salvador\"", "Query(0 * XPel salvador)"},
        {"author:\"Zoë Ťanková\"", "Query(0 * Azoe tankova)"},
        {"topic:crude", "Query(0 * Kcrude)"},
        {"org:opec", "Query(0 * XOopec)"},
        {"lang:English", "Query(0 * Len)"},
        {"lang:de-AT", "Query(0 * Lde)"},
        {"id:RTR-2025-0007", "Query(0 * Irtr 2025 0007)"},
        {"oil source:reuters", "Query((oil FILTER 0 * XSreuters))"},
        {"oil source:reuters topic:crude", "Query((oil FILTER (0 * XSreuters AND 0 * Kcrude)))"},
        {"oil -source:reuters", "Query((oil AND_NOT XSreuters))"},  // Xapian drops the weight of what AND_NOT excludes
        {"source:reuters OR source:ap oil", "Query((oil FILTER (0 * XSreuters OR 0 * XSap)))"},
        {"source:reuters", "Query(0 * XSreuters)"},
        {"source:reuters -topic:crude", "Query((0 * XSreuters AND_NOT Kcrude))"},
        {"title:(oil OR gas) opec", "Query(((Soil OR Sgas) AND opec))"},
        {"topic:(crude OR ship)", "Query((0 * Kcrude OR 0 * Kship))"},
        // Not fields: ordinary text.
        {"10:30", "Query((10 PHRASE 2 30))"},
        {"http://example.com", "Query((http PHRASE 2 example.com))"},
        {"note:", "Query(note)"},
        {"oil ::", "Query(oil)"},
    };
    for (const auto& row : rows) EXPECT_EQ(describe(row.query), row.expected) << row.query;
}

TEST_F(QueryParserTest, FiltersApplyWhateverTheMatchMode) {
    EXPECT_EQ(describe("crude oil source:reuters", MatchMode::any),
              "Query(((crude OR oil) FILTER 0 * XSreuters))");
}

TEST_F(QueryParserTest, Dates) {
    // Value ranges over slot 0 hold sortable_serialise(unix seconds); the description shows
    // them as bytes, so compare with queries built from the same seconds.
    auto range = [](double from, double to) {
        return Xapian::Query(0.0, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, Xapian::sortable_serialise(from),
                                                Xapian::sortable_serialise(to)))
            .get_description();
    };
    const double y2025 = 1735689600;        // 2025-01-01T00:00:00Z
    const double y2026 = 1767225600;        // 2026-01-01T00:00:00Z
    const double nov2024 = 1730419200;      // 2024-11-01
    const double feb2025 = 1738368000;      // 2025-02-01
    const double mar1987 = 541555200;       // 1987-03-01
    const double feb29_2024 = 1709164800;   // 2024-02-29
    EXPECT_EQ(describe("date:2025"), range(y2025, y2026 - 1));
    EXPECT_EQ(describe("date:2024-11..2025-01-31"), range(nov2024, feb2025 - 1));
    EXPECT_EQ(describe("date:2024-02-29"), range(feb29_2024, feb29_2024 + 86399));
    EXPECT_EQ(describe("date:..1987-03-01"),
              Xapian::Query(0.0, Xapian::Query(Xapian::Query::OP_VALUE_LE, 0, Xapian::sortable_serialise(mar1987 + 86399)))
                  .get_description());
    EXPECT_EQ(describe("date:2025.."),
              Xapian::Query(0.0, Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, Xapian::sortable_serialise(y2025)))
                  .get_description());
    EXPECT_EQ(describe("date:\"2025\""), range(y2025, y2026 - 1));
}

TEST_F(QueryParserTest, ReportsFieldDateProximityAndWildcardErrors) {
    struct Row {
        const char* query;
        const char* expected;
    } rows[] = {
        {"titel:oil", "unknown field 'titel' (did you mean 'title'?)"},
        {"oil sourse:reuters", "unknown field 'sourse' (did you mean 'source'?)"},
        {"Athor:smith", "unknown field 'Athor' (did you mean 'author'?)"},
        {"dat:2025", "unknown field 'dat' (did you mean 'date'?)"},
        {"ids:x", "unknown field 'ids' (did you mean 'id'?)"},
        {"date:2025-13-01", "bad date '2025-13-01'"},
        {"date:2025-02-29", "bad date '2025-02-29'"},
        {"date:2024-11..2025-1", "bad date '2025-1'"},
        {"date:yesterday", "bad date 'yesterday'"},
        {"date:..", "date range at column 1 needs at least one end, as in date:2024..2025 or date:..1987-03-01"},
        {"oil date:2025..2024", "empty date range '2025..2024' at column 5 (2025 is after 2024)"},
        {"date:2025*", "date: at column 1 takes a date or a range, as in date:2024-11..2025-01-31"},
        {"oil title:", "field 'title' at column 5 needs a value: a word, a \"phrase\" or a (group)"},
        {"source:\"\"", "field 'source' at column 1 needs a value: a word or a \"phrase\""},
        {"source:\"reuters\"~2", "'~' after source: at column 1 applies to phrases of text only"},
        {"\"oil price\"~", "'~' at column 12 needs a number of words, as in \"north korea\"~3"},
        {"\"oil price\"~x", "'~' at column 12 needs a number of words, as in \"north korea\"~3"},
        {"oil NEAR/x gas", "NEAR/ at column 5 needs a number, as in NEAR/5"},
        {"oil NEAR/99999 gas", "distance at column 5 is over the limit of 10000 words"},
        {"oil NEAR", "NEAR at column 5 needs a word or phrase after it"},
        {"NEAR oil", "NEAR at column 1 needs a word or phrase before it"},
        {"oil NEAR (gas OR coal)", "NEAR at column 5 joins words or phrases of the text (or of title:), not groups or filters"},
        {"oil NEAR/2 source:reuters", "NEAR at column 5 joins words or phrases of the text (or of title:), not groups or filters"},
        {"*", "'*' at column 1 needs the start of a word before it, as in sanction*"},
        {"oil source:*", "'*' at column 12 needs the start of a value before it"},
        {"--oil gas", "'-' at column 1 cannot apply to another '-', '+' or NOT"},
        {"-source:reuters", "a query made only of exclusions (from column 1) matches nothing: add a word or "
                            "phrase to search for, as in 'oil -crude'"},
    };
    for (const auto& row : rows) EXPECT_EQ(error_of(row.query), row.expected) << row.query;
}

TEST_F(QueryParserTest, WordsForSpellingPointIntoTheQuery) {
    const ParsedQuery parsed = parser.parse("crued \"oil prise\" -opec source:\"Reutres\" title:sanction* id:x");
    std::vector<std::string> seen;
    for (const auto& w : parsed.words) {
        seen.push_back(w.prefix + "|" + w.term + "|" + parsed.text.substr(w.begin, w.end - w.begin) +
                       (w.quoted ? "|quoted" : ""));
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"|crued|crued", "|oil|oil|quoted", "|prise|prise|quoted",
                                              "XS|reutres|Reutres|quoted"}));
}

TEST_F(QueryParserTest, PatternsOfProximityAndWildcards) {
    const ParsedQuery parsed = parser.parse("\"oil price\"~2 sanct* NEAR/1 soldier");
    std::vector<std::vector<std::vector<std::string>>> sequences;
    for (const auto& p : parsed.patterns) sequences.push_back(p.sequence);
    EXPECT_EQ(sequences, (std::vector<std::vector<std::vector<std::string>>>{
                             {{"oil"}}, {{"price"}}, {{"sanction", "sanctioned", "sanctions"}}, {{"soldier", "soldiers"}}}));
}
