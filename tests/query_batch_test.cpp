// Query files with ids and TREC topic files (search/query_batch.h): what each kind of line or
// topic becomes, and the plain-words rewriting that lets any topic text parse.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "query/query_parser.h"
#include "search/query_batch.h"
#include "util/errors.h"

namespace {

using newsdex::BatchQuery;
using newsdex::TopicField;

std::vector<BatchQuery> read(const std::string& text, TopicField field = TopicField::title, bool plain = false) {
    std::istringstream in(text);
    return newsdex::read_query_batch(in, "q.txt", field, plain);
}

// "qid|text|origin|plain" per query, so one EXPECT_EQ shows the whole batch.
std::vector<std::string> described(const std::vector<BatchQuery>& queries) {
    std::vector<std::string> out;
    for (const auto& q : queries) {
        out.push_back(q.qid.value_or("-") + "|" + q.text + "|" + q.origin + "|" + (q.plain ? "plain" : "syntax"));
    }
    return out;
}

TEST(QueryBatch, LinesWithAndWithoutIds) {
    const std::string file =
        "# topics for the oil study\n"
        "T1\tcrude oil\n"
        "\n"
        "\"prisoners of war\" kursk\n"
        "T17\t  cocoa OR sugar  \r\n"
        "   # an indented comment\n"
        "   zurich  \n"
        "\tno id before the tab\n";
    EXPECT_EQ(described(read(file)), (std::vector<std::string>{
                                         "T1|crude oil|q.txt:2|syntax",
                                         "4|\"prisoners of war\" kursk|q.txt:4|syntax",
                                         "T17|cocoa OR sugar|q.txt:5|syntax",
                                         "7|zurich|q.txt:7|syntax",
                                         "8|no id before the tab|q.txt:8|syntax",
                                     }));
}

TEST(QueryBatch, PlainMakesEveryLinePlainWords) {
    EXPECT_EQ(described(read("T1\t\"crude oil\" -opec source:reuters\n", TopicField::title, true)),
              (std::vector<std::string>{"T1|crude oil opec source reuters|q.txt:1|plain"}));
}

TEST(QueryBatch, TrecTopicsByField) {
    const std::string topics =
        "<top>\n"
        "<num> Number: 301\n"
        "<title> International Organized Crime\n"
        "\n"
        "<desc> Description:\n"
        "Identify organizations that participate in\n"
        "international criminal activity.\n"
        "\n"
        "<narr> Narrative:\n"
        "A relevant document must name the organization.\n"
        "</top>\n"
        "\n"
        "<top>\n"
        "<num> Number: 302 \n"
        "<title> Topic: \"Poliomyelitis\" and Post-Polio (NOT vaccines)\n"
        "<desc> Description: Is the disease under control?\n"
        "</top>\n";
    EXPECT_EQ(described(read(topics)), (std::vector<std::string>{
                                           "301|International Organized Crime|q.txt:1|plain",
                                           "302|Poliomyelitis and Post-Polio not vaccines|q.txt:13|plain",
                                       }));
    EXPECT_EQ(described(read(topics, TopicField::desc)),
              (std::vector<std::string>{
                  "301|Identify organizations that participate in international criminal activity.|q.txt:1|plain",
                  "302|Is the disease under control?|q.txt:13|plain",
              }));
    EXPECT_EQ(read(topics, TopicField::title_desc).front().text,
              "International Organized Crime Identify organizations that participate in international "
              "criminal activity.");
}

TEST(QueryBatch, ClosedTopicTagsAreReadToo) {
    const std::string topics = "<top><num>T5</num><title>wire copies</title><desc>Copies of one story.</desc></top>";
    EXPECT_EQ(described(read(topics, TopicField::title_desc)),
              (std::vector<std::string>{"T5|wire copies Copies of one story.|q.txt:1|plain"}));
}

TEST(QueryBatch, TopicWithoutNumberIsAnError) {
    try {
        read("# two\n<top>\n<title> no number\n</top>\n");
        FAIL() << "no error";
    } catch (const newsdex::Error& e) {
        EXPECT_STREQ(e.what(), "q.txt:2: topic without <num>");
    }
}

TEST(QueryBatch, UnreadableFileIsAnError) {
    try {
        newsdex::read_query_file("/nonexistent/topics.txt", TopicField::title, false);
        FAIL() << "no error";
    } catch (const newsdex::Error& e) {
        EXPECT_STREQ(e.what(), "cannot read query file /nonexistent/topics.txt");
    }
}

TEST(PlainQueryText, SyntaxBecomesWords) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"\"crude oil\" -opec +saudi", "crude oil opec saudi"},
        {"oil AND gas OR coal NOT wood", "oil and gas or coal not wood"},
        {"oil NEAR/3 opec NEAR", "oil near/3 opec near"},
        {"title:kursk source:\"harbor wire\"", "title kursk source harbor wire"},
        {"sanction* (cocoa OR sugar)~2", "sanction cocoa or sugar 2"},
        {"\xE2\x80\x9C" "curly quotes" "\xE2\x80\x9D unclosed \"", "curly quotes unclosed"},
        {"20-year-old U.S. 3.5% Russia\xE2\x80\x99s", "20-year-old U.S. 3.5% Russia\xE2\x80\x99s"},
        {"  -  --  \t\n", ""},
    };
    for (const auto& [in, out] : rows) EXPECT_EQ(newsdex::plain_query_text(in), out) << in;
}

// Whatever a topic says, its plain text parses: the rows above would all be syntax errors
// or operators as typed.
TEST(PlainQueryText, AlwaysParses) {
    newsdex::Analyzer analyzer(newsdex::AnalyzerSettings{"english", true});
    newsdex::QueryVocabulary vocabulary{
        [](const std::string& w) { return std::vector<std::string>{w}; },
        [](const std::string&, std::size_t) { return newsdex::PrefixMatches{}; }};
    const newsdex::QueryParser parser(analyzer, vocabulary);
    for (const std::string topic : {"\"unclosed", "a OR", "NOT", "(", "title:", "x NEAR/", "-oil", "*", "tite:oil",
                                    "AND OR NOT", "oil ~", "date:yesterday"}) {
        EXPECT_NO_THROW(parser.parse(newsdex::plain_query_text(topic + std::string(" word")))) << topic;
    }
}

}  // namespace
