// The formats for tools (trec, tsv, csv) and the format table: exact lines for hits and
// counts, the docno and quoting rules, and which kinds of output each format refuses.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "output/printer.h"
#include "output/score_format.h"
#include "util/errors.h"

namespace {

using newsdex::Article;
using newsdex::ArticleDate;
using newsdex::DatePrecision;
using newsdex::Hit;
using newsdex::OutputFormat;
using newsdex::OutputKind;
using newsdex::PrintOptions;
using newsdex::SearchResults;

Hit hit(std::size_t rank, const std::string& id, double score) {
    Hit h;
    h.rank = rank;
    h.score = score;
    h.article.id = id;
    h.article.path = "wire/" + id + ".txt";
    return h;
}

SearchResults results(std::vector<Hit> hits, std::optional<std::string> qid, std::size_t offset = 0) {
    SearchResults r;
    r.query = "crude oil";
    r.qid = std::move(qid);
    r.offset = offset;
    r.total = hits.size();
    r.hits = std::move(hits);
    return r;
}

std::string print(const PrintOptions& options, const std::vector<SearchResults>& batch) {
    std::ostringstream out;
    auto printer = newsdex::make_printer(options, out);
    for (const auto& r : batch) printer->print_results(r);
    return out.str();
}

PrintOptions format(OutputFormat f, std::vector<std::string> fields = {}, std::string tag = "newsdex") {
    PrintOptions options;
    options.format = f;
    options.fields = std::move(fields);
    options.run_tag = std::move(tag);
    return options;
}

TEST(TrecPrinter, OneLinePerHitWithRanksFromOne) {
    EXPECT_EQ(print(format(OutputFormat::trec, {}, "bm25run"),
                    {results({hit(1, "5102", 14.20314159), hit(2, "88", 7.5)}, "T1"),
                     results({hit(1, "9", 0.000123456789)}, "T2")}),
              "T1 Q0 5102 1 14.20314159 bm25run\n"
              "T1 Q0 88 2 7.5 bm25run\n"
              "T2 Q0 9 1 0.000123456789 bm25run\n");
}

TEST(TrecPrinter, DocnosHaveNoWhiteSpaceAndNeverRepeatWithinAQuery) {
    // Two articles share the id "a b": the second (lower-ranked) line is left out and the
    // ranks stay consecutive. The same docno in another query is printed again.
    EXPECT_EQ(print(format(OutputFormat::trec),
                    {results({hit(1, "a b", 3), hit(2, "a\tb", 2), hit(3, "c", 1)}, "7"),
                     results({hit(1, "a b", 3)}, "8")}),
              "7 Q0 a_b 1 3 newsdex\n"
              "7 Q0 c 2 1 newsdex\n"
              "8 Q0 a_b 1 3 newsdex\n");
}

TEST(TrecPrinter, CommandLineQueryIsQidOneAndPagesKeepTheirRanks) {
    EXPECT_EQ(print(format(OutputFormat::trec), {results({hit(11, "x", 2)}, std::nullopt, 10)}),
              "1 Q0 x 11 2 newsdex\n");
}

TEST(TrecPrinter, CountsAreQidAndCount) {
    std::ostringstream out;
    auto printer = newsdex::make_printer(format(OutputFormat::trec), out);
    printer->print_count({"crude oil", "T1", 566});
    printer->print_count({"zebra", std::nullopt, 0});
    EXPECT_EQ(out.str(), "T1 566\n1 0\n");
}

TEST(ScoreFormat, ExactScoresTellEveryDifferentScoreApart) {
    EXPECT_EQ(newsdex::exact_score(2.5), "2.5");
    EXPECT_EQ(newsdex::exact_score(14.20314159), "14.20314159");
    EXPECT_EQ(newsdex::exact_score(1.0 / 3.0), "0.3333333333333333");
    const double a = 10.0, b = std::nextafter(10.0, 11.0);
    EXPECT_NE(newsdex::exact_score(a), newsdex::exact_score(b));
    EXPECT_EQ(std::stod(newsdex::exact_score(b)), b);
    EXPECT_EQ(newsdex::rounded_score_text(14.20314159), "14.2031");
    EXPECT_EQ(newsdex::rounded_score_text(3.0), "3");
    EXPECT_EQ(newsdex::rounded_score_text(0.00004), "0");
}

Hit full_hit() {
    Hit h = hit(1, "5102", 14.20314159);
    Article& a = h.article;
    a.title = "OPEC, \"the cartel\", meets";
    a.date = ArticleDate{543715200, DatePrecision::day};  // 1987-03-26
    a.source = "Reuters";
    a.authors = {"Ann Lee", "Bo Chen"};
    a.url = "https://example.com/opec";
    a.language = "en";
    a.topics = {"crude", "energy"};
    a.places = {"usa"};
    h.snippet.text = "… members said\tcrude oil output would stay …";
    return h;
}

TEST(TablePrinter, CsvDefaultColumnsAndQuoting) {
    EXPECT_EQ(print(format(OutputFormat::csv), {results({full_hit(), hit(2, "88", 7.5)}, std::nullopt)}),
              "rank,id,score,date,source,title\n"
              "1,5102,14.2031,1987-03-26,Reuters,\"OPEC, \"\"the cartel\"\", meets\"\n"
              "2,88,7.5,,,\n");
}

TEST(TablePrinter, ChosenColumnsListsAndOneHeaderForABatch) {
    const std::vector<std::string> fields = {"qid", "id", "author", "topics", "places", "lang", "url", "path",
                                             "snippet"};
    EXPECT_EQ(print(format(OutputFormat::tsv, fields), {results({full_hit()}, "T1"), results({hit(1, "9", 1)}, "T2")}),
              "qid\tid\tauthor\ttopics\tplaces\tlang\turl\tpath\tsnippet\n"
              "T1\t5102\tAnn Lee;Bo Chen\tcrude;energy\tusa\ten\thttps://example.com/opec\twire/5102.txt\t"
              "… members said crude oil output would stay …\n"
              "T2\t9\t\t\t\t\t\twire/9.txt\t\n");
}

TEST(TablePrinter, TsvTurnsTabsAndLineBreaksIntoSpaces) {
    Hit h = hit(1, "a\tb", 1);
    h.article.title = "two\nlines\r\nhere";
    EXPECT_EQ(print(format(OutputFormat::tsv, {"id", "title"}), {results({h}, std::nullopt)}),
              "id\ttitle\na b\ttwo lines  here\n");
}

TEST(TablePrinter, CsvQuotesLineBreaks) {
    Hit h = hit(1, "x", 1);
    h.article.title = "two\nlines";
    EXPECT_EQ(print(format(OutputFormat::csv, {"id", "title"}), {results({h}, std::nullopt)}),
              "id,title\nx,\"two\nlines\"\n");
}

TEST(TablePrinter, Counts) {
    std::ostringstream with_ids, without;
    auto a = newsdex::make_printer(format(OutputFormat::csv), with_ids);
    a->print_count({"crude oil", "T1", 566});
    a->print_count({"zebra", "T2", 0});
    EXPECT_EQ(with_ids.str(), "qid,count\nT1,566\nT2,0\n");
    auto b = newsdex::make_printer(format(OutputFormat::tsv), without);
    b->print_count({"crude oil", std::nullopt, 566});
    EXPECT_EQ(without.str(), "count\n566\n");
}

TEST(FormatTable, WhatEachFormatPrints) {
    EXPECT_EQ(newsdex::format_names(), (std::vector<std::string>{"text", "json", "jsonl", "trec", "tsv", "csv"}));
    for (const auto f : {OutputFormat::trec, OutputFormat::tsv, OutputFormat::csv}) {
        EXPECT_TRUE(newsdex::supports(f, OutputKind::hits));
        EXPECT_TRUE(newsdex::supports(f, OutputKind::count));
        EXPECT_FALSE(newsdex::supports(f, OutputKind::facets));
        EXPECT_FALSE(newsdex::supports(f, OutputKind::stats));
        EXPECT_FALSE(newsdex::supports(f, OutputKind::article));
    }
    EXPECT_TRUE(newsdex::supports(OutputFormat::json, OutputKind::facets));
    EXPECT_EQ(newsdex::default_table_fields(true),
              (std::vector<std::string>{"qid", "rank", "id", "score", "date", "source", "title"}));
}

}  // namespace
