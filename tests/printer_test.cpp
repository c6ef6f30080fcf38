// The printers' exact output, byte for byte: scripts parse the JSON forms and people read the
// text form, so any change here is a change of the command line's interface.
#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "output/printer.h"

using newsdex::Article;
using newsdex::ArticleDate;
using newsdex::DatePrecision;
using newsdex::Hit;
using newsdex::OutputFormat;
using newsdex::PrintOptions;
using newsdex::SearchResults;

namespace {

constexpr ArticleDate kSecond{543751331, DatePrecision::second};  // 1987-03-26T10:02:11Z
constexpr ArticleDate kDay{543715200, DatePrecision::day};        // 1987-03-26
constexpr ArticleDate kMonth{541555200, DatePrecision::month};    // 1987-03
constexpr ArticleDate kYear{536457600, DatePrecision::year};      // 1987

// An article with every field set.
Article full_article() {
    Article a;
    a.id = "5102";
    a.title = "OPEC MEETS ON OUTPUT";
    a.body = "OPEC members met today.\nOutput stays.";
    a.date = kSecond;
    a.source = "Reuters";
    a.authors = {"Ann Lee", "Bo Chen"};
    a.url = "https://example.com/opec";
    a.language = "en";
    a.topics = {"crude", "energy"};
    a.places = {"usa"};
    a.organisations = {"opec"};
    a.path = "reuters-005.json#103";
    return a;
}

// An article with nothing but what the indexer always sets.
Article bare_article() {
    Article a;
    a.path = "notes/a.txt";
    return a;
}

Hit full_hit() {
    Hit hit;
    hit.rank = 1;
    hit.score = 14.20314159;
    hit.article = full_article();
    hit.snippet.text = "… members said crude oil output would stay …";
    hit.snippet.highlights = {{15, 24}};  // "crude oil"
    return hit;
}

Hit bare_hit(std::size_t rank) {
    Hit hit;
    hit.rank = rank;
    hit.score = 3.0;
    hit.article = bare_article();
    return hit;
}

SearchResults results_of(std::vector<Hit> hits, std::size_t total = 642, std::size_t offset = 0) {
    SearchResults results;
    results.query = "crude oil";
    results.total = total;
    results.offset = offset;
    results.hits = std::move(hits);
    return results;
}

// Two facets as the searcher returns them: largest counts first.
std::vector<newsdex::Facet> two_facets() {
    return {{"topic", {{"crude", 566}, {"OPEC", 42}, {"energy", 7}}},
            {"year", {{"1987", 12}}}};
}

newsdex::DatabaseStats sample_stats() {
    newsdex::DatabaseStats stats;
    stats.path = "/data/news.db";
    stats.articles = 21578;
    stats.earliest = 539136000;  // 1987-02-01T00:00:00Z
    stats.latest = 561772799;    // 1987-10-20T23:59:59Z
    stats.undated = 3;
    stats.sources = {{"Reuters", 21575}};
    stats.languages = {{"en", 21000}, {"de", 12}};
    stats.topics = {{"earn", 3987}, {"acq", 2448}, {"crude", 634}};
    stats.shards = 2;
    stats.bytes = 28835840;  // 27.5 MiB
    stats.language = "english";
    stats.accents = "fold";
    stats.format = 2;
    stats.parts = {{"/data/news.db", false, 21578, 2, 28835840}};
    return stats;
}

std::string print_count(OutputFormat format, const std::string& query, std::size_t count) {
    std::ostringstream out;
    newsdex::make_printer(PrintOptions{format, false, {}, "newsdex"}, out)->print_count({query, std::nullopt, count});
    return out.str();
}

std::string print_stats(OutputFormat format, const newsdex::DatabaseStats& stats, bool color = false) {
    std::ostringstream out;
    newsdex::make_printer(PrintOptions{format, color, {}, "newsdex"}, out)->print_stats(stats);
    return out.str();
}

std::string print(OutputFormat format, bool color, const SearchResults& results) {
    std::ostringstream out;
    newsdex::make_printer(PrintOptions{format, color, {}, "newsdex"}, out)->print_results(results);
    return out.str();
}

std::string print(OutputFormat format, const SearchResults& results) {
    return print(format, false, results);
}

std::string print_article(OutputFormat format, const Article& article) {
    std::ostringstream out;
    newsdex::make_printer(PrintOptions{format, false, {}, "newsdex"}, out)->print_article(article);
    return out.str();
}

const std::string kFullHitJson =
    R"("rank":1,"id":"5102","score":14.2031,"title":"OPEC MEETS ON OUTPUT",)"
    R"("date":"1987-03-26T10:02:11Z","source":"Reuters","path":"reuters-005.json#103",)"
    R"("url":"https://example.com/opec","authors":["Ann Lee","Bo Chen"],"language":"en",)"
    R"("topics":["crude","energy"],"places":["usa"],"organisations":["opec"],)"
    R"("snippet":"… members said crude oil output would stay …","highlights":[[15,24]])";

const std::string kBareHitJson =
    R"("rank":2,"id":null,"score":3.0,"title":null,"date":null,"source":null,)"
    R"("path":"notes/a.txt","url":null,"authors":[],"language":null,"topics":[],"places":[],)"
    R"("organisations":[],"snippet":null,"highlights":[])";

// ---- JSON ----

// How a default search is ranked (Xapian's BM25 defaults), as every query object records it.
const std::string kDefaultRanking =
    R"("ranking":{"model":"bm25","k1":1.0,"k2":0.0,"k3":1.0,"b":0.5,"min_normlen":0.5,"sort":"relevance"})";

TEST(JsonPrinter, WritesOneObjectPerQueryWithEveryField) {
    EXPECT_EQ(print(OutputFormat::json, results_of({full_hit(), bare_hit(2)})),
              R"({"query":"crude oil","total":642,"offset":0,)" + kDefaultRanking + R"(,"results":[{)" + kFullHitJson +
                  "},{" + kBareHitJson + "}]}\n");
}

TEST(JsonPrinter, MissingFieldsAreNullAndEmptyListsAreEmpty) {
    EXPECT_EQ(print(OutputFormat::json, results_of({bare_hit(2)}, 1, 1)),
              R"({"query":"crude oil","total":1,"offset":1,)" + kDefaultRanking + R"(,"results":[{)" + kBareHitJson +
                  "}]}\n");
}

TEST(JsonPrinter, NoHitsStillWritesTheQueryObject) {
    EXPECT_EQ(print(OutputFormat::json, results_of({}, 0)),
              R"({"query":"crude oil","total":0,"offset":0,)" + kDefaultRanking + R"(,"results":[]})" "\n");
}

TEST(JsonPrinter, RoundsScoresToFourDecimals) {
    struct Row {
        double score;
        const char* expected;
    } rows[] = {
        {14.20314159, "14.2031"},
        {2.71828, "2.7183"},
        {0.00004, "0.0"},
        {7.0, "7.0"},
    };
    for (const auto& row : rows) {
        Hit hit = bare_hit(1);
        hit.score = row.score;
        const std::string out = print(OutputFormat::json, results_of({hit}));
        EXPECT_NE(out.find(std::string("\"score\":") + row.expected + ","), std::string::npos)
            << row.score << " gave " << out;
    }
}

TEST(JsonPrinter, EscapesQuotesAndControlCharacters) {
    Hit hit = bare_hit(1);
    hit.article.title = "Say \"no\"\tto\\ \x01 Zürich";
    const std::string out = print(OutputFormat::json, results_of({hit}));
    EXPECT_NE(out.find(R"("title":"Say \"no\"\tto\\ \u0001 Zürich")"), std::string::npos) << out;
}

TEST(JsonPrinter, ReplacesInvalidUtf8RatherThanFailing) {
    Hit hit = bare_hit(1);
    hit.article.title = "bad \xff byte";
    const std::string out = print(OutputFormat::json, results_of({hit}));
    EXPECT_NE(out.find("\"title\":\"bad \xEF\xBF\xBD byte\""), std::string::npos) << out;
}

TEST(JsonPrinter, PrintsAnArticleOnOneLine) {
    EXPECT_EQ(print_article(OutputFormat::json, full_article()),
              R"({"id":"5102","title":"OPEC MEETS ON OUTPUT","date":"1987-03-26T10:02:11Z",)"
              R"("source":"Reuters","path":"reuters-005.json#103","url":"https://example.com/opec",)"
              R"("authors":["Ann Lee","Bo Chen"],"language":"en","topics":["crude","energy"],)"
              R"("places":["usa"],"organisations":["opec"],)"
              R"("body":"OPEC members met today.\nOutput stays."})"
              "\n");
    EXPECT_EQ(print_article(OutputFormat::json, bare_article()),
              R"({"id":null,"title":null,"date":null,"source":null,"path":"notes/a.txt",)"
              R"("url":null,"authors":[],"language":null,"topics":[],"places":[],)"
              R"("organisations":[],"body":null})"
              "\n");
}

TEST(JsonPrinter, AddsFacetsInTheOrderAskedAfterTheResults) {
    SearchResults results = results_of({bare_hit(2)}, 2, 1);
    results.facets = two_facets();
    EXPECT_EQ(print(OutputFormat::json, results),
              R"({"query":"crude oil","total":2,"offset":1,)" + kDefaultRanking + R"(,"results":[{)" + kBareHitJson + "}],"
              R"("facets":{"topic":[{"value":"crude","count":566},{"value":"OPEC","count":42},)"
              R"({"value":"energy","count":7}],"year":[{"value":"1987","count":12}]}})"
              "\n");
}

TEST(JsonPrinter, FacetsOverNoMatchesAreEmptyLists) {
    SearchResults results = results_of({}, 0);
    results.facets = {{"topic", {}}, {"source", {}}};
    EXPECT_EQ(print(OutputFormat::json, results),
              R"({"query":"crude oil","total":0,"offset":0,)" + kDefaultRanking + R"(,"results":[],"facets":{"topic":[],"source":[]}})"
              "\n");
}

TEST(JsonPrinter, AddsASuggestionOnlyWhenThereIsOne) {
    SearchResults results = results_of({}, 0);
    results.suggestion = "crude oil";
    EXPECT_EQ(print(OutputFormat::json, results),
              R"({"query":"crude oil","total":0,"offset":0,)" + kDefaultRanking + R"(,"results":[],"suggestion":"crude oil"})"
              "\n");
    results.facets = {{"year", {{"2025", 2}}}};
    EXPECT_EQ(print(OutputFormat::json, results),
              R"({"query":"crude oil","total":0,"offset":0,)" + kDefaultRanking + R"(,"results":[],)"
              R"("facets":{"year":[{"value":"2025","count":2}]},"suggestion":"crude oil"})"
              "\n");
}

TEST(JsonPrinter, AddsWarningsOnlyWhenThereAreAny) {
    SearchResults results = results_of({}, 0);
    results.warnings = {"'s*' at column 1 matches 900 terms; searching the 256 most frequent"};
    EXPECT_EQ(print(OutputFormat::json, results),
              R"({"query":"crude oil","total":0,"offset":0,)" + kDefaultRanking + R"(,"results":[],)"
              R"("warnings":["'s*' at column 1 matches 900 terms; searching the 256 most frequent"]})"
              "\n");
    EXPECT_EQ(print(OutputFormat::jsonl, results),
              R"({"query":"crude oil","warnings":["'s*' at column 1 matches 900 terms; searching the 256 most frequent"]})"
              "\n");
}

TEST(JsonPrinter, PrintsACountWithItsQuery) {
    EXPECT_EQ(print_count(OutputFormat::json, "crude oil", 566), R"({"query":"crude oil","count":566})" "\n");
    EXPECT_EQ(print_count(OutputFormat::json, "zebra", 0), R"({"query":"zebra","count":0})" "\n");
}

TEST(JsonPrinter, PrintsStatsAsOneObject) {
    EXPECT_EQ(print_stats(OutputFormat::json, sample_stats()),
              R"({"database":"/data/news.db","articles":21578,"earliest":"1987-02-01",)"
              R"("latest":"1987-10-20","undated":3,"shards":2,"size_bytes":28835840,)"
              R"("analyzer":{"language":"english","accents":"fold","metadata_text":true,"format":2},)"
              R"("sources":[{"value":"Reuters","count":21575}],)"
              R"("languages":[{"value":"en","count":21000},{"value":"de","count":12}],)"
              R"("topics":[{"value":"earn","count":3987},{"value":"acq","count":2448},)"
              R"({"value":"crude","count":634}],)"
              R"("parts":[{"part":"/data/news.db","remote":false,"articles":21578,"shards":2,"size_bytes":28835840,"of_collection":null}]})"
              "\n");
}

TEST(JsonPrinter, StatsListEveryPartRemoteOnesWithoutASize) {
    newsdex::DatabaseStats stats = sample_stats();
    stats.parts = {{"/data/1987a.db", false, 10000, 1, 1234, "0/2"},
                   {"remote 10.0.0.7:6431", true, 11578, 1, std::nullopt, "1/2"}};
    const std::string out = print_stats(OutputFormat::json, stats);
    EXPECT_NE(out.find(R"("parts":[{"part":"/data/1987a.db","remote":false,"articles":10000,"shards":1,)"
                       R"("size_bytes":1234,"of_collection":"0/2"},{"part":"remote 10.0.0.7:6431","remote":true,)"
                       R"("articles":11578,"shards":1,"size_bytes":null,"of_collection":"1/2"}]})"),
              std::string::npos)
        << out;
}

TEST(TextPrinter, StatsListThePartsWhenThereAreSeveral) {
    newsdex::DatabaseStats stats = sample_stats();
    stats.parts = {{"/data/1987a.db", false, 1, 1, 1234}, {"remote 10.0.0.7:6431", true, 21577, 1, std::nullopt, "1/2"}};
    const std::string out = print_stats(OutputFormat::text, stats);
    EXPECT_NE(out.find("analyzer  language english, accents fold, metadata text yes, format 2\n"
                       "\n"
                       "parts (2)\n"
                       "  /data/1987a.db: 1 article, 1 shard, 1.2 KiB\n"
                       "  remote 10.0.0.7:6431: 21577 articles, 1 shard, part 1/2 of a collection\n"
                       "\n"
                       "sources (1)\n"),
              std::string::npos)
        << out;
}

TEST(JsonPrinter, StatsOfAnEmptyDatabaseHaveNullDates) {
    newsdex::DatabaseStats stats;
    stats.path = "e.db";
    stats.shards = 1;
    stats.bytes = 812;
    stats.language = "none";
    stats.accents = "keep";
    stats.metadata_text = false;
    stats.format = 2;
    EXPECT_EQ(print_stats(OutputFormat::json, stats),
              R"({"database":"e.db","articles":0,"earliest":null,"latest":null,"undated":0,"shards":1,)"
              R"("size_bytes":812,"analyzer":{"language":"none","accents":"keep","metadata_text":false,"format":2},)"
              R"("sources":[],"languages":[],"topics":[],"parts":[]})"
              "\n");
}

// ---- JSON Lines ----

TEST(JsonlPrinter, WritesOneLinePerHitWithTheQueryFirst) {
    EXPECT_EQ(print(OutputFormat::jsonl, results_of({full_hit(), bare_hit(2)})),
              R"({"query":"crude oil",)" + kFullHitJson + "}\n" +  //
                  R"({"query":"crude oil",)" + kBareHitJson + "}\n");
}

TEST(JsonlPrinter, WritesNothingForNoHits) {
    EXPECT_EQ(print(OutputFormat::jsonl, results_of({}, 0)), "");
}

TEST(JsonlPrinter, PutsFacetsAndSuggestionOnOneLineAfterTheHits) {
    SearchResults results = results_of({full_hit(), bare_hit(2)});
    results.facets = two_facets();
    results.suggestion = "crude oils";
    EXPECT_EQ(print(OutputFormat::jsonl, results),
              R"({"query":"crude oil",)" + kFullHitJson + "}\n" +  //
                  R"({"query":"crude oil",)" + kBareHitJson + "}\n" +
                  R"({"query":"crude oil","facets":{"topic":[{"value":"crude","count":566},)"
                  R"({"value":"OPEC","count":42},{"value":"energy","count":7}],)"
                  R"("year":[{"value":"1987","count":12}]},"suggestion":"crude oils"})"
                  "\n");
}

TEST(JsonlPrinter, ASuggestionAloneHasItsOwnLine) {
    SearchResults results = results_of({}, 0);
    results.suggestion = "crude oil";
    EXPECT_EQ(print(OutputFormat::jsonl, results), R"({"query":"crude oil","suggestion":"crude oil"})" "\n");
}

TEST(JsonlPrinter, FacetsOverNoMatchesStillHaveTheirLine) {
    SearchResults results = results_of({}, 0);
    results.facets = {{"topic", {}}};
    EXPECT_EQ(print(OutputFormat::jsonl, results), R"({"query":"crude oil","facets":{"topic":[]}})" "\n");
}

TEST(JsonlPrinter, PrintsCountAndStatsLikeJson) {
    EXPECT_EQ(print_count(OutputFormat::jsonl, "crude oil", 3), print_count(OutputFormat::json, "crude oil", 3));
    EXPECT_EQ(print_stats(OutputFormat::jsonl, sample_stats()), print_stats(OutputFormat::json, sample_stats()));
}

TEST(JsonlPrinter, PrintsAnArticleLikeJson) {
    EXPECT_EQ(print_article(OutputFormat::jsonl, full_article()),
              print_article(OutputFormat::json, full_article()));
}

// ---- Text ----

TEST(TextPrinter, PrintsEachHitThenTheRange) {
    Hit second = bare_hit(2);
    second.article.title = "OIL PRICES FALL";
    second.article.date = kDay;
    second.snippet.text = "prices of crude fell";
    second.snippet.highlights = {{10, 15}};
    EXPECT_EQ(print(OutputFormat::text, results_of({full_hit(), second})),
              "1. OPEC MEETS ON OUTPUT\n"
              "   1987-03-26 10:02 · Reuters · https://example.com/opec\n"
              "   … members said crude oil output would stay …\n"
              "\n"
              "2. OIL PRICES FALL\n"
              "   1987-03-26 · notes/a.txt\n"
              "   prices of crude fell\n"
              "\n"
              "results 1–2 of about 642\n");
}

TEST(TextPrinter, IndentsByTheWidthOfTheRank) {
    Hit ninth = bare_hit(9);
    ninth.article.title = "Nine";
    Hit tenth = bare_hit(10);
    tenth.article.title = "Ten";
    tenth.snippet.text = "ten";
    EXPECT_EQ(print(OutputFormat::text, results_of({ninth, tenth}, 30, 8)),
              "9. Nine\n"
              "   notes/a.txt\n"
              "\n"
              "10. Ten\n"
              "    notes/a.txt\n"
              "    ten\n"
              "\n"
              "results 9–10 of about 30\n");
}

TEST(TextPrinter, NamesUntitledArticles) {
    EXPECT_EQ(print(OutputFormat::text, results_of({bare_hit(1)}, 1)),
              "1. (untitled)\n"
              "   notes/a.txt\n"
              "\n"
              "results 1–1 of about 1\n");
}

TEST(TextPrinter, ShowsTheTimeOnlyWhenTheSourceGaveIt) {
    struct Row {
        std::optional<ArticleDate> date;
        const char* meta;
    } rows[] = {
        {kSecond, "1987-03-26 10:02 · Reuters · notes/a.txt"},
        {kDay, "1987-03-26 · Reuters · notes/a.txt"},
        {kMonth, "1987-03 · Reuters · notes/a.txt"},
        {kYear, "1987 · Reuters · notes/a.txt"},
        {std::nullopt, "Reuters · notes/a.txt"},
    };
    for (const auto& row : rows) {
        Hit hit = bare_hit(1);
        hit.article.title = "T";
        hit.article.source = "Reuters";
        hit.article.date = row.date;
        EXPECT_EQ(print(OutputFormat::text, results_of({hit}, 1)),
                  std::string("1. T\n   ") + row.meta + "\n\nresults 1–1 of about 1\n")
            << row.meta;
    }
}

TEST(TextPrinter, PrintsNothingForNoHits) {
    EXPECT_EQ(print(OutputFormat::text, results_of({}, 0)), "");
    EXPECT_EQ(print(OutputFormat::text, true, results_of({}, 0)), "");
}

TEST(TextPrinter, ColorsTitleMetaAndHighlights) {
    EXPECT_EQ(print(OutputFormat::text, true, results_of({full_hit()})),
              "1. \x1b[1mOPEC MEETS ON OUTPUT\x1b[0m\n"
              "   \x1b[2m1987-03-26 10:02 · Reuters · https://example.com/opec\x1b[0m\n"
              "   … members said \x1b[1;31mcrude oil\x1b[0m output would stay …\n"
              "\n"
              "results 1–1 of about 642\n");
}

// Highlights count code points; the escapes must land on the right bytes of multibyte text.
TEST(TextPrinter, PlacesHighlightsByCodePointInMultibyteText) {
    struct Row {
        const char* text;
        std::vector<std::pair<std::size_t, std::size_t>> highlights;
        const char* expected;
    } rows[] = {
        {"… Zürich banks said …", {{9, 14}}, "… Zürich \x1b[1;31mbanks\x1b[0m said …"},
        {"… Zürich banks said …", {{2, 8}}, "… \x1b[1;31mZürich\x1b[0m banks said …"},
        {"石油输出国组织开会", {{0, 2}, {7, 9}},
         "\x1b[1;31m石油\x1b[0m输出国组织\x1b[1;31m开会\x1b[0m"},
        {"石油输出国组织开会", {{2, 5}}, "石油\x1b[1;31m输出国\x1b[0m组织开会"},
        {"emoji 🛢 oil", {{6, 7}, {8, 11}},
         "emoji \x1b[1;31m🛢\x1b[0m \x1b[1;31moil\x1b[0m"},
        {"no highlights", {}, "no highlights"},
        // Past the end of the text: clipped, never out of range.
        {"short", {{3, 99}, {120, 130}}, "sho\x1b[1;31mrt\x1b[0m"},
    };
    for (const auto& row : rows) {
        Hit hit = bare_hit(1);
        hit.article.title = "T";
        hit.snippet.text = row.text;
        hit.snippet.highlights = row.highlights;
        EXPECT_EQ(print(OutputFormat::text, true, results_of({hit}, 1)),
                  std::string("1. \x1b[1mT\x1b[0m\n   \x1b[2mnotes/a.txt\x1b[0m\n   ") +
                      row.expected + "\n\nresults 1–1 of about 1\n")
            << row.text;
    }
}

TEST(TextPrinter, WritesNoEscapesWithColorOff) {
    Hit hit = full_hit();
    hit.snippet.text = "… Zürich banks said …";
    hit.snippet.highlights = {{9, 14}};
    const std::string out = print(OutputFormat::text, false, results_of({hit}));
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
    EXPECT_NE(out.find("   … Zürich banks said …\n"), std::string::npos) << out;
}

TEST(TextPrinter, PrintsFacetTablesAfterTheHits) {
    SearchResults results = results_of({bare_hit(1)}, 1);
    results.facets = two_facets();
    results.facets.push_back({"org", {}});
    EXPECT_EQ(print(OutputFormat::text, results),
              "1. (untitled)\n"
              "   notes/a.txt\n"
              "\n"
              "results 1–1 of about 1\n"
              "\n"
              "topic\n"
              "  566  crude\n"
              "   42  OPEC\n"
              "    7  energy\n"
              "\n"
              "year\n"
              "  12  1987\n"
              "\n"
              "org\n"
              "  (none)\n");
}

TEST(TextPrinter, PrintsFacetsOfAPagePastTheEndWithoutHits) {
    SearchResults results = results_of({}, 30, 40);
    results.facets = {{"source", {{"Harbor Wire", 20}, {"Daily Meridian", 10}}}};
    EXPECT_EQ(print(OutputFormat::text, results),
              "source\n"
              "  20  Harbor Wire\n"
              "  10  Daily Meridian\n");
}

TEST(TextPrinter, PrintsNothingForFacetsOverNoMatches) {
    SearchResults results = results_of({}, 0);
    results.facets = {{"topic", {}}, {"year", {}}};
    EXPECT_EQ(print(OutputFormat::text, results), "");
}

TEST(TextPrinter, BoldFacetNamesInColor) {
    SearchResults results = results_of({}, 1);
    results.facets = {{"lang", {{"en", 1}}}};
    EXPECT_EQ(print(OutputFormat::text, true, results), "\x1b[1mlang\x1b[0m\n  1  en\n");
}

TEST(TextPrinter, PrintsTheSuggestionAfterTheHitsOrAlone) {
    SearchResults results = results_of({bare_hit(1)}, 1);
    results.suggestion = "crude oil";
    EXPECT_EQ(print(OutputFormat::text, results),
              "1. (untitled)\n"
              "   notes/a.txt\n"
              "\n"
              "results 1–1 of about 1\n"
              "did you mean: crude oil\n");
    SearchResults none = results_of({}, 0);
    none.suggestion = "crude oil";
    EXPECT_EQ(print(OutputFormat::text, none), "did you mean: crude oil\n");
    none.facets = {{"year", {{"2025", 2}}}};
    EXPECT_EQ(print(OutputFormat::text, none), "did you mean: crude oil\n\nyear\n  2  2025\n");
}

TEST(TextPrinter, PrintsABareCount) {
    EXPECT_EQ(print_count(OutputFormat::text, "crude oil", 566), "566\n");
    EXPECT_EQ(print_count(OutputFormat::text, "zebra", 0), "0\n");
}

TEST(TextPrinter, PrintsStatsAsAnAlignedBlock) {
    EXPECT_EQ(print_stats(OutputFormat::text, sample_stats()),
              "database  /data/news.db\n"
              "articles  21578\n"
              "dates     1987-02-01 to 1987-10-20\n"
              "undated   3\n"
              "shards    2\n"
              "size      27.5 MiB (28835840 bytes)\n"
              "analyzer  language english, accents fold, metadata text yes, format 2\n"
              "\n"
              "sources (1)\n"
              "  21575  Reuters\n"
              "\n"
              "languages (2)\n"
              "  21000  en\n"
              "     12  de\n"
              "\n"
              "topics (3)\n"
              "  3987  earn\n"
              "  2448  acq\n"
              "   634  crude\n");
}

TEST(TextPrinter, StatsListTwentyValuesPerTableAndSayHowManyMore) {
    newsdex::DatabaseStats stats = sample_stats();
    stats.topics.clear();
    for (int i = 0; i < 23; ++i) stats.topics.push_back({"t" + std::to_string(i), static_cast<std::size_t>(100 - i)});
    const std::string out = print_stats(OutputFormat::text, stats);
    const std::string tail = out.substr(out.find("topics (23)\n"));
    EXPECT_EQ(tail.rfind("topics (23)\n  100  t0\n   99  t1\n   98  t2\n", 0), 0u) << tail;
    EXPECT_NE(tail.find("   81  t19\n  … 3 more (--format json lists them all)\n"), std::string::npos) << tail;
    EXPECT_EQ(tail.find("t20"), std::string::npos);
    // JSON keeps every value.
    EXPECT_NE(print_stats(OutputFormat::json, stats).find(R"({"value":"t22","count":78})"), std::string::npos);
}

TEST(TextPrinter, StatsOfAnEmptyDatabase) {
    newsdex::DatabaseStats stats;
    stats.path = "e.db";
    stats.shards = 1;
    stats.bytes = 812;
    stats.language = "english";
    stats.accents = "fold";
    stats.format = 2;
    EXPECT_EQ(print_stats(OutputFormat::text, stats),
              "database  e.db\n"
              "articles  0\n"
              "dates     none\n"
              "undated   0\n"
              "shards    1\n"
              "size      812 bytes\n"
              "analyzer  language english, accents fold, metadata text yes, format 2\n"
              "\n"
              "sources (0)\n"
              "  (none)\n"
              "\n"
              "languages (0)\n"
              "  (none)\n"
              "\n"
              "topics (0)\n"
              "  (none)\n");
}

TEST(TextPrinter, PrintsAnArticleWithHeadersThenBody) {
    EXPECT_EQ(print_article(OutputFormat::text, full_article()),
              "Title: OPEC MEETS ON OUTPUT\n"
              "ID: 5102\n"
              "Date: 1987-03-26T10:02:11Z\n"
              "Source: Reuters\n"
              "Authors: Ann Lee, Bo Chen\n"
              "URL: https://example.com/opec\n"
              "Path: reuters-005.json#103\n"
              "Language: en\n"
              "Topics: crude, energy\n"
              "Places: usa\n"
              "Organisations: opec\n"
              "\n"
              "OPEC members met today.\nOutput stays.\n");
}

TEST(TextPrinter, PrintsOnlyTheArticleHeadersThatHaveValues) {
    Article article = bare_article();
    article.date = kDay;
    article.body = "Body ending in a newline.\n";
    EXPECT_EQ(print_article(OutputFormat::text, article),
              "Date: 1987-03-26\n"
              "Path: notes/a.txt\n"
              "\n"
              "Body ending in a newline.\n");
}

}  // namespace

namespace {

// Data is shown escaped (util/printable.h): only the printer's own escapes reach the terminal.
TEST(TextPrinter, EscapesControlCharactersFromTheData) {
    Hit hit = bare_hit(1);
    hit.article.title = "Red \x1b[31malert\x1b[0m";
    hit.article.source = "Wire\x07";
    hit.article.path = "feeds/caf\xE9\n.jsonl#2";
    hit.snippet.text = "… the \x1b]0;owned\x07 crude oil …";
    hit.snippet.highlights = {{17, 26}};  // "crude oil", in code points of the stored text
    SearchResults results = results_of({hit}, 1);
    results.facets = {{"source", {{"Wire\x07", 1}}}};
    EXPECT_EQ(print(OutputFormat::text, false, results),
              "1. Red \\x1b[31malert\\x1b[0m\n"
              "   Wire\\x07 · feeds/caf\\xe9\\x0a.jsonl#2\n"
              "   … the \\x1b]0;owned\\x07 crude oil …\n"
              "\n"
              "results 1–1 of about 1\n"
              "\n"
              "source\n"
              "  1  Wire\\x07\n");
    EXPECT_EQ(print(OutputFormat::text, true, results_of({hit}, 1)),
              "1. \x1b[1mRed \\x1b[31malert\\x1b[0m\x1b[0m\n"
              "   \x1b[2mWire\\x07 · feeds/caf\\xe9\\x0a.jsonl#2\x1b[0m\n"
              "   … the \\x1b]0;owned\\x07 \x1b[1;31mcrude oil\x1b[0m …\n"
              "\n"
              "results 1–1 of about 1\n");
}

TEST(TextPrinter, AnArticlesBodyKeepsItsLinesAndLosesItsControls) {
    Article article = bare_article();
    article.id = "id\x1b[2J";
    article.body = "First line\tcolumn\r\nSecond \x1b[2J line\rover\n";
    EXPECT_EQ(print_article(OutputFormat::text, article),
              "ID: id\\x1b[2J\n"
              "Path: notes/a.txt\n"
              "\n"
              "First line\tcolumn\r\nSecond \\x1b[2J line\\x0dover\n");
}

}  // namespace
