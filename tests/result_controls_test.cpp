// End-to-end tests of the result controls (docs/query-language.md): facets, date sorting with
// paging, --count and --stats, run with the real binaries on the sample corpus, indexed once.
// Every expected value was derived from the corpus files, not from the program's output; each
// test says how. "The Date column" is the table of docs/corpus.md, which lists each article's
// date as its file writes it; times with an offset were converted to UTC by hand.
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus_fixture.h"
#include "index/shard_layout.h"

namespace {

using namespace newsdex::test;  // json_lines, Json, Ids, the corpus paths and binaries

// {"value": v, "count": n} lists, as the JSON printers write facets.
Json counts(const std::vector<std::pair<std::string, int>>& entries) {
    Json array = Json::array();
    for (const auto& [value, count] : entries) array.push_back({{"value", value}, {"count", count}});
    return array;
}

std::string lower_ascii(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

std::string txt_article(const std::string& headers, const std::string& body) {
    return headers + "\n" + body + "\n";
}

class ResultControls : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        tmp_ = make_temp_dir("newsdex-controls");
        db_ = (tmp_ / "corpus.db").string();
        // Two shards whatever the machine's core count, so --stats can be pinned.
        index_ = run(kIndexBin, {"-q", "-j", "2", "-d", db_, kCorpus});
    }

    static void TearDownTestSuite() {
        std::error_code ignored;
        fs::remove_all(tmp_, ignored);
    }

    void SetUp() override { ASSERT_EQ(index_.exit_code, 0) << "indexing the corpus failed:\n" << index_.err; }

    // newsdex-search on the corpus database: options, then "--" and the query when given.
    static RunResult search(std::vector<std::string> args, const std::vector<std::string>& query = {},
                            const std::string& db = db_) {
        args.insert(args.begin(), {"-d", db});
        if (!query.empty()) {
            args.push_back("--");
            args.insert(args.end(), query.begin(), query.end());
        }
        return run(kSearchBin, args);
    }

    // The query's json object (one query, exit code 0 expected).
    static Json search_json(const std::vector<std::string>& options, const std::string& query) {
        std::vector<std::string> args = options;
        args.insert(args.end(), {"--format", "json"});
        const RunResult r = search(args, {query});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        const auto objects = json_lines(r.out);
        EXPECT_EQ(objects.size(), 1u) << r.out;
        return objects.empty() ? Json() : objects.front();
    }

    // The ids of the hits, in order (jsonl; up to 100 unless the options say -n).
    static Ids ids(const std::string& query, std::vector<std::string> options = {}) {
        if (std::find(options.begin(), options.end(), "-n") == options.end()) {
            options.insert(options.end(), {"-n", "100"});
        }
        options.insert(options.end(), {"--format", "jsonl"});
        const RunResult r = search(options, {query});
        Ids found;
        for (const Json& line : json_lines(r.out)) {
            if (line.contains("rank")) found.push_back(line.at("id").get<std::string>());
        }
        return found;
    }

    static inline fs::path tmp_;
    static inline std::string db_;
    static inline RunResult index_;
};

// ---- facets ---------------------------------------------------------------------------------

// "soldier" (with "soldiers") is in exactly six articles (docs/corpus.md, soldier / soldiers);
// their metadata, read from world/kursk-captured-soldiers.md, world/kursk-north-korean-troops.txt,
// world/prisoner-swap.txt, feeds/meridian-array.json #2 and feeds/wire-2025-01.jsonl #1 and #8:
//   hw-2025-007  Harbor Wire      2025-01-12           conflict, North Korea, prisoners of war
//   nl-2024-101  Northern Ledger  2024-11-03T08:15Z    conflict, North Korea, Russia, Ukraine
//   dm-2025-004  Daily Meridian   2025-01-04T10:00Z    conflict, diplomacy, prisoners of war
//   (#2)         Daily Meridian   2025-01-21T03:20Z    conflict, North Korea, South Korea
//   hw-2025-031  Harbor Wire      2025-01-14T10:00Z    conflict, North Korea, humanitarian
//   hw-2025-039  Harbor Wire      2025-01-24T12:00Z    conflict, North Korea, Russia, Ukraine
// Ties are ordered by value ignoring case: "prisoners of war" < "Russia" < "Ukraine".
TEST_F(ResultControls, FacetsCountEveryMatchNotThePage) {
    const Json object = search_json({"-n", "1", "--facet-size", "0", "--facet", "topic", "--facet", "source",
                                     "--facet", "year", "--facet", "month", "--facet", "place", "--facet",
                                     "author", "--facet", "org", "--facet", "lang"},
                                    "soldier");
    EXPECT_EQ(object.at("total"), 6);
    EXPECT_EQ(object.at("results").size(), 1u);
    const Json& facets = object.at("facets");
    // In the order asked for.
    std::vector<std::string> names;
    for (const auto& [name, values] : facets.items()) names.push_back(name);
    EXPECT_EQ(names, (std::vector<std::string>{"topic", "source", "year", "month", "place", "author", "org", "lang"}));
    EXPECT_EQ(facets.at("topic"), counts({{"conflict", 6}, {"North Korea", 5}, {"prisoners of war", 2},
                                          {"Russia", 2}, {"Ukraine", 2}, {"diplomacy", 1}, {"humanitarian", 1},
                                          {"South Korea", 1}}));
    EXPECT_EQ(facets.at("source"), counts({{"Harbor Wire", 3}, {"Daily Meridian", 2}, {"Northern Ledger", 1}}));
    EXPECT_EQ(facets.at("year"), counts({{"2025", 5}, {"2024", 1}}));
    EXPECT_EQ(facets.at("month"), counts({{"2025-01", 5}, {"2024-11", 1}}));
    // Places: Kyiv in all six; Kursk in 007, 101, 031, 039; Seoul in 007, 101, #2; Pyongyang
    // in 101, #2; the rest once (Moscow, Abu Dhabi, Belarus in 004; Sudzha in 101; Geneva in 031).
    EXPECT_EQ(facets.at("place"), counts({{"Kyiv", 6}, {"Kursk", 4}, {"Seoul", 3}, {"Pyongyang", 2},
                                          {"Abu Dhabi", 1}, {"Belarus", 1}, {"Geneva", 1}, {"Moscow", 1},
                                          {"Sudzha", 1}}));
    // Tomas Reyes wrote 007, 031 and 039.
    EXPECT_EQ(facets.at("author"), counts({{"Tomas Reyes", 3}, {"Mara Ellison", 1}, {"Park Min-jun", 1},
                                           {"Priya Natarajan", 1}}));
    EXPECT_EQ(facets.at("org"), counts({{"Ukrainian General Staff", 1}}));  // only nl-2024-101 names one
    EXPECT_EQ(facets.at("lang"), counts({{"en", 6}}));
}

// "zurich" finds six articles (tests/e2e_test.cpp, CaseAccentsWidthAndApostrophesDoNotMatter).
// Their places: nl-2024-412 and dm-2024-151 [Zürich, Switzerland], lb-2024-077 [Zürich,
// Schweiz], lcm-2025-0122 [Zurich, Suisse]; the two header-less notes have none. Zurich and
// Zürich are one value, written Zürich by three of the four.
TEST_F(ResultControls, FacetValuesMergeAcrossAccentsAndKeepTheCommonestForm) {
    const Json object = search_json({"--facet", "place"}, "zurich");
    EXPECT_EQ(object.at("facets").at("place"),
              counts({{"Zürich", 4}, {"Switzerland", 2}, {"Schweiz", 1}, {"Suisse", 1}}));
}

// OPEC is a topic of markets/oil/brent-weekly-gain.md and opec-delays-output-increase.txt,
// "opec" (lower case) of archive/opec-ceiling-1987.txt; all three have the word in their
// topics, so all three match "opec". One value, written as two of them write it.
TEST_F(ResultControls, FacetValuesMergeAcrossCase) {
    const Json topics = search_json({"--facet", "topic", "--facet-size", "0"}, "opec").at("facets").at("topic");
    int opec_rows = 0;
    for (const Json& row : topics) {
        if (lower_ascii(row.at("value").get<std::string>()) == "opec") {
            ++opec_rows;
            EXPECT_EQ(row, Json({{"value", "OPEC"}, {"count", 3}}));
        }
    }
    EXPECT_EQ(opec_rows, 1) << topics;
}

// "the" is a word of every English article (45 declared "en", 8 without a language: the TREC and
// Reuters stories of formats/ and the two header-less notes) and of no other: checked by
// searching each file's records for the whole word. So 53 matches, one language value. Years
// and months from the Date column of those 53, in UTC (the notes are undated): 1987-02 once;
// 2024: 02, 03, 04, 06, 07, 08, 10 once, 09 three times (dm-2024-140, nl-2024-290,
// hw-2024-266), 11 twice (nl-2024-101, dm-2024-151), 12 twice (nl-2024-210, and dm-2024-205 at
// 2024-12-04T02:10Z); 2025-01 eleven times, 2025-02 twenty-four times, 2025-03 once.
TEST_F(ResultControls, FacetsOfABroadQuery) {
    const Json object = search_json({"-n", "0", "--facet", "lang,year,month", "--facet-size", "0"}, "the");
    EXPECT_EQ(object.at("total"), 53);  // exact, since facets check every match
    EXPECT_EQ(object.at("results"), Json::array());
    const Json& facets = object.at("facets");
    EXPECT_EQ(facets.at("lang"), counts({{"en", 45}}));
    EXPECT_EQ(facets.at("year"), counts({{"2025", 36}, {"2024", 14}, {"1987", 1}}));
    EXPECT_EQ(facets.at("month"), counts({{"2025-02", 24}, {"2025-01", 11}, {"2024-09", 3}, {"2024-11", 2},
                                          {"2024-12", 2}, {"1987-02", 1}, {"2024-02", 1}, {"2024-03", 1},
                                          {"2024-04", 1}, {"2024-06", 1}, {"2024-07", 1}, {"2024-08", 1},
                                          {"2024-10", 1}, {"2025-03", 1}}));
    // The default size is 10; --facet-size keeps the largest.
    const Json top = search_json({"-n", "0", "--facet", "month", "--facet-size", "3"}, "the");
    EXPECT_EQ(top.at("facets").at("month"), counts({{"2025-02", 24}, {"2025-01", 11}, {"2024-09", 3}}));
    EXPECT_EQ(search_json({"-n", "0", "--facet", "month"}, "the").at("facets").at("month").size(), 10u);
}

TEST_F(ResultControls, FacetTablesInTextFollowTheHits) {
    const RunResult r = search({"-n", "1", "--facet", "source", "--facet", "year"}, {"soldier"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::string tables =
        "results 1–1 of about 6\n"
        "\n"
        "source\n"
        "  3  Harbor Wire\n"
        "  2  Daily Meridian\n"
        "  1  Northern Ledger\n"
        "\n"
        "year\n"
        "  5  2025\n"
        "  1  2024\n";
    EXPECT_TRUE(r.out.ends_with(tables)) << r.out;
    EXPECT_EQ(r.out.find("2."), std::string::npos) << "one hit only:\n" << r.out;
}

TEST_F(ResultControls, FacetsInJsonLinesComeOnOneLineAfterTheHits) {
    const RunResult r = search({"--format", "jsonl", "-n", "100", "--facet", "year"}, {"soldier"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto lines = json_lines(r.out);
    ASSERT_EQ(lines.size(), 7u);  // six hits, then the facets
    for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(lines[i].at("rank"), i + 1);
    EXPECT_EQ(lines[6], Json({{"query", "soldier"}, {"facets", {{"year", counts({{"2025", 5}, {"2024", 1}})}}}}));
}

TEST_F(ResultControls, FacetsOverNoMatches) {
    // "zebra" is in no article: exit 1, nothing in text, empty lists in JSON.
    const RunResult text = search({"--facet", "topic"}, {"zebra"});
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_EQ(text.out, "");
    const RunResult json = search({"--format", "json", "--facet", "topic"}, {"zebra"});
    EXPECT_EQ(json.exit_code, 1);
    EXPECT_EQ(json_lines(json.out).at(0).at("facets"), Json({{"topic", Json::array()}}));
}

TEST_F(ResultControls, UnknownFacetIsAUsageError) {
    const RunResult r = search({"--facet", "topics"}, {"soldier"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("--facet: topics not in {source,topic,place,author,org,lang,year,month}"),
              std::string::npos)
        << r.err;
}

// ---- sorting and paging ---------------------------------------------------------------------

// The six "soldier" articles by their dates (above), all distinct.
TEST_F(ResultControls, SortByDateBothWays) {
    const Ids oldest_first = {"nl-2024-101", "dm-2025-004", "hw-2025-007", "hw-2025-031", kSeoulTroops,
                              "hw-2025-039"};
    EXPECT_EQ(ids("soldier", {"--sort", "date"}), oldest_first);
    const Ids newest_first(oldest_first.rbegin(), oldest_first.rend());
    EXPECT_EQ(ids("soldier", {"--sort", "-date"}), newest_first);
    EXPECT_EQ(ids("soldier", {"--sort=-date"}), newest_first);
    // Relevance is the default.
    EXPECT_EQ(ids("soldier"), ids("soldier", {"--sort", "relevance"}));
}

TEST_F(ResultControls, PagesOfASortedListAreItsSlices) {
    // Ranks 3 to 5 of the lists above.
    const RunResult r = search({"--format", "json", "--sort", "date", "--offset", "2", "-n", "3"}, {"soldier"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json page = Json::parse(r.out);
    Ids page_ids;
    for (const Json& hit : page.at("results")) page_ids.push_back(hit.at("id"));
    EXPECT_EQ(page_ids, (Ids{"hw-2025-007", "hw-2025-031", kSeoulTroops}));
    EXPECT_EQ(page.at("results").at(0).at("rank"), 3);
    EXPECT_EQ(ids("soldier", {"--sort", "-date", "--offset", "2", "-n", "3"}),
              (Ids{"hw-2025-031", "hw-2025-007", "dm-2025-004"}));
}

// "the -cocoa": the 53 English articles less the 7 with "cocoa" (all English), so 46, two of
// them undated (the notes). Pages of seven, put together, are the whole list, which runs from
// newest to oldest with the undated two last.
TEST_F(ResultControls, PagingAFilteredQuerySortedByDate) {
    const RunResult all = search({"--format", "jsonl", "-n", "100", "--sort", "-date"}, {"the -cocoa"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    const auto hits = json_lines(all.out);
    ASSERT_EQ(hits.size(), 46u);
    Ids full;
    for (const Json& hit : hits) full.push_back(hit.at("id"));
    for (std::size_t i = 0; i + 1 < 44; ++i) EXPECT_GE(hits[i].at("date"), hits[i + 1].at("date")) << i;
    // 2025-02-22: the latest English article but hw-2025-012 (2025-03-14), which has "cocoa".
    EXPECT_EQ(hits.at(0).at("id"), "fmt-zip-2025-0222");
    EXPECT_EQ(hits.at(43).at("id"), "hw-arc-19870226-01");  // 1987, the earliest
    Ids last_two(full.end() - 2, full.end());
    std::sort(last_two.begin(), last_two.end());
    EXPECT_EQ(last_two, (Ids{kLibraryHours, kDeskNotes}));
    EXPECT_TRUE(hits.at(44).at("date").is_null() && hits.at(45).at("date").is_null());
    Ids paged;
    for (std::size_t offset = 0; offset < 49; offset += 7) {
        const Ids page = ids("the -cocoa", {"--sort", "-date", "--offset", std::to_string(offset), "-n", "7"});
        paged.insert(paged.end(), page.begin(), page.end());
    }
    EXPECT_EQ(paged, full);
}

// "zurich": nl-2024-412 2024-06-12, lb-2024-077 2024-09-26, dm-2024-151 2024-11-24,
// lcm-2025-0122 2025-01-22; the two notes are undated and come last in both orders, in their
// relevance order.
TEST_F(ResultControls, UndatedArticlesComeLastInBothOrders) {
    const Ids relevance = ids("zurich");
    ASSERT_EQ(relevance.size(), 6u);
    Ids undated;
    for (const auto& id : relevance) {
        if (id == kLibraryHours || id == kDeskNotes) undated.push_back(id);
    }
    ASSERT_EQ(undated.size(), 2u);
    Ids oldest = {"nl-2024-412", "lb-2024-077", "dm-2024-151", "lcm-2025-0122"};
    Ids newest(oldest.rbegin(), oldest.rend());
    oldest.insert(oldest.end(), undated.begin(), undated.end());
    newest.insert(newest.end(), undated.begin(), undated.end());
    EXPECT_EQ(ids("zurich", {"--sort", "date"}), oldest);
    EXPECT_EQ(ids("zurich", {"--sort", "-date"}), newest);
}

// dm-2025-011 and lcm-2025-0122 are both dated 2025-01-22 (a day: the same instant). "fintech"
// is in dm-2025-011 only, "zurich" in six articles, so with --match any dm-2025-011 scores
// higher, and in both date orders it comes first of the two.
TEST_F(ResultControls, EqualDatesAreOrderedByRelevance) {
    for (const char* order : {"date", "-date"}) {
        SCOPED_TRACE(order);
        const RunResult r =
            search({"--format", "jsonl", "-n", "100", "--match", "any", "--sort", order}, {"zurich fintech"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto hits = json_lines(r.out);
        ASSERT_EQ(hits.size(), 7u);
        std::size_t fintech = hits.size(), creches = hits.size();
        for (std::size_t i = 0; i < hits.size(); ++i) {
            if (hits[i].at("id") == "dm-2025-011") fintech = i;
            if (hits[i].at("id") == "lcm-2025-0122") creches = i;
        }
        ASSERT_LT(creches, hits.size());
        EXPECT_EQ(fintech + 1, creches);
        EXPECT_GT(hits[fintech].at("score"), hits[creches].at("score"));
    }
}

TEST_F(ResultControls, TheSameQueryListsTheSameOrderEveryTime) {
    for (const char* order : {"relevance", "date", "-date"}) {
        EXPECT_EQ(ids("the", {"--sort", order}), ids("the", {"--sort", order})) << order;
    }
}

// ---- --count --------------------------------------------------------------------------------

// soldier 6 (above); cocoa 7 (markets/softs/ bahia, ghana, ivory-coast; feeds/newswire-dump.json
// #1, #2, #4; feeds/wire-2025-01.jsonl #3: the only records with the word); crude 6
// (docs/corpus.md: the five "crude oil" articles and feeds/ledger-single.json); the 53; zebra 0.
TEST_F(ResultControls, CountPrintsTheExactNumber) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"soldier", "6\n"}, {"cocoa", "7\n"}, {"crude", "6\n"}, {"the", "53\n"}};
    for (const auto& [query, expected] : rows) {
        const RunResult r = search({"--count"}, {query});
        EXPECT_EQ(r.exit_code, 0) << query << r.err;
        EXPECT_EQ(r.out, expected) << query;
    }
    const RunResult none = search({"--count"}, {"zebra"});
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_EQ(none.out, "0\n");
    // Paging and sorting do not change a count.
    EXPECT_EQ(search({"--count", "-n", "1", "--offset", "3", "--sort", "date"}, {"soldier"}).out, "6\n");
}

TEST_F(ResultControls, CountInJsonNamesTheQuery) {
    for (const char* format : {"json", "jsonl"}) {
        const RunResult r = search({"--count", "--format", format}, {"cocoa"});
        EXPECT_EQ(r.exit_code, 0);
        EXPECT_EQ(r.out, "{\"query\":\"cocoa\",\"count\":7}\n") << format;
    }
}

TEST_F(ResultControls, CountRunsEachLineOfAQueriesFile) {
    const fs::path file = tmp_ / "count-queries.txt";
    write_file(file, "soldier\n# skipped\ncocoa\nzebra\n");
    const RunResult r = search({"--count", "--queries", file.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "6\n7\n0\n");
    const RunResult json = search({"--count", "--format", "jsonl", "--queries", file.string()});
    EXPECT_EQ(json.out,
              "{\"query\":\"soldier\",\"qid\":\"1\",\"count\":6}\n{\"query\":\"cocoa\",\"qid\":\"3\",\"count\":7}\n"
              "{\"query\":\"zebra\",\"qid\":\"4\",\"count\":0}\n");
    // Every query finding nothing: exit 1. A bad line: reported, the others still counted, exit 2.
    write_file(file, "zebra\n");
    EXPECT_EQ(search({"--count", "--queries", file.string()}).exit_code, 1);
    write_file(file, "soldier\n\"unclosed\ncocoa\n");
    const RunResult bad = search({"--count", "--queries", file.string()});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_EQ(bad.out, "6\n7\n");
    EXPECT_EQ(bad.err, "error: " + file.string() + ":2 (qid 2): unclosed quote at column 1\n");
}

// ---- --stats --------------------------------------------------------------------------------

// 71 articles (docs/corpus.md). Dates: the earliest is the 1987 archive item
// (26-FEB-1987 15:01:01.79), the latest markets/softs/ivory-coast-mid-crop.md
// (2025-03-14T07:30:00Z); the two header-less notes are undated. Languages from docs/corpus.md:
// en 45, de 3, fr 4, ru 4, zh 3, ja 4. Sources read from every file's source field
// (Source:, source:, publisher/site/outlet in newswire-dump.json, og:site_name in the HTML
// pages, <SOURCE> in TREC, the RSS channel's title, the Atom feed's title, NITF's pubdata
// name): Harbor Wire 12 outside formats/ + the NITF document, both gzip JSON Lines records,
// the tar's two entries = 17; Daily Meridian 11 + the zip's column = 12; Northern Ledger 7;
// Lantern Post: four TREC stories and the Rotterdam page = 5; Le Courrier du Matin 3 + the
// Latin-1 file, Moskovsky Vestnik 3 + the KOI8-R file, 東京新報 3 + the Shift_JIS page = 4
// each; Lantern Post – Business, the RSS items, 3; Quayside Notes: two Atom entries and WARC
// record 3 = 3; 华夏日报 3; Berliner Abendpost 2; Copperline Times 1; Limmat-Bote 1. The two
// notes, both Reuters stories and WARC record 4 have none.
TEST_F(ResultControls, StatsDescribeTheCorpus) {
    const RunResult r = search({"--stats", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json stats = Json::parse(r.out);
    EXPECT_EQ(stats.at("database"), db_);
    EXPECT_EQ(stats.at("articles"), 71);
    EXPECT_EQ(stats.at("earliest"), "1987-02-26");
    EXPECT_EQ(stats.at("latest"), "2025-03-14");
    EXPECT_EQ(stats.at("undated"), 2);
    EXPECT_EQ(stats.at("shards"), 2);
    EXPECT_EQ(stats.at("analyzer"), Json({{"language", "english"}, {"accents", "fold"}, {"metadata_text", true}, {"format", 6}}));
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(db_)) {
        if (entry.is_regular_file()) bytes += entry.file_size();
    }
    EXPECT_EQ(stats.at("size_bytes"), bytes);
    EXPECT_EQ(stats.at("languages"), counts({{"en", 45}, {"fr", 4}, {"ja", 4}, {"ru", 4}, {"de", 3}, {"zh", 3}}));
    EXPECT_EQ(stats.at("sources"),
              counts({{"Harbor Wire", 17}, {"Daily Meridian", 12}, {"Northern Ledger", 7}, {"Lantern Post", 5},
                      {"Le Courrier du Matin", 4}, {"Moskovsky Vestnik", 4}, {"東京新報", 4},
                      {"Lantern Post – Business", 3}, {"Quayside Notes", 3}, {"华夏日报", 3},
                      {"Berliner Abendpost", 2}, {"Copperline Times", 1}, {"Limmat-Bote", 1}}));
    // Topics, from every file's topics/tags/keywords/categories (RSS and Atom categories,
    // article:tag, JSON-LD keywords, NITF keywords, Reuters TOPICS), one value up to case,
    // accents and hyphens: 106 values. The largest: cocoa 7 (the seven cocoa articles above),
    // then six each of agriculture, city council, conflict, energy, local politics,
    // technology, Ukraine. Written forms are those of the first article carrying the value,
    // and energy/Energy, technology/Technology are both written, so compared without case.
    const Json& topics = stats.at("topics");
    EXPECT_EQ(topics.size(), 106u);
    const std::vector<std::pair<std::string, int>> top = {
        {"cocoa", 7}, {"agriculture", 6}, {"city council", 6}, {"conflict", 6}, {"energy", 6},
        {"local politics", 6}, {"technology", 6}, {"ukraine", 6}};
    for (std::size_t i = 0; i < top.size() && i < topics.size(); ++i) {
        EXPECT_EQ(lower_ascii(topics[i].at("value")), top[i].first) << i;
        EXPECT_EQ(topics[i].at("count"), top[i].second) << i;
    }
}

TEST_F(ResultControls, StatsInTextAreAnAlignedBlock) {
    const RunResult r = search({"--stats"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("database  " + db_ + "\n"
                                  "articles  71\n"
                                  "dates     1987-02-26 to 2025-03-14\n"
                                  "undated   2\n"
                                  "shards    2\n"
                                  "size      "))
        << r.out;
    EXPECT_NE(r.out.find("\nanalyzer  language english, accents fold, metadata text yes, format 6\n\nsources (13)\n  17  Harbor Wire\n"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("\nlanguages (6)\n  45  en\n   4  fr\n   4  ja\n   4  ru\n   3  de\n   3  zh\n\ntopics (106)\n"),
              std::string::npos)
        << r.out;
}

TEST_F(ResultControls, StatsTakeNoQuery) {
    const RunResult r = search({"--stats"}, {"soldier"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("--stats"), std::string::npos) << r.err;
}

// ---- small databases: empty, undated, old format --------------------------------------------

TEST_F(ResultControls, AnEmptyDatabaseHasStatsAndNoMatches) {
    const fs::path empty_folder = tmp_ / "empty-folder";
    fs::create_directories(empty_folder);
    const std::string db = (tmp_ / "empty.db").string();
    ASSERT_EQ(run(kIndexBin, {"-q", "-j", "1", "-d", db, empty_folder.string()}).exit_code, 0);
    const RunResult stats = search({"--stats", "--format", "json"}, {}, db);
    EXPECT_EQ(stats.exit_code, 0) << stats.err;
    const Json object = Json::parse(stats.out);
    EXPECT_EQ(object.at("articles"), 0);
    EXPECT_TRUE(object.at("earliest").is_null());
    EXPECT_TRUE(object.at("latest").is_null());
    EXPECT_EQ(object.at("shards"), 1);
    EXPECT_EQ(object.at("sources"), Json::array());
    const RunResult text = search({"--stats"}, {}, db);
    EXPECT_NE(text.out.find("\ndates     none\n"), std::string::npos) << text.out;
    EXPECT_EQ(search({"--count"}, {"anything"}, db).out, "0\n");
    const RunResult facets = search({"--format", "json", "--sort", "-date", "--facet", "year"}, {"anything"}, db);
    EXPECT_EQ(facets.exit_code, 1) << facets.err;
    EXPECT_EQ(json_lines(facets.out).at(0).at("facets"), Json({{"year", Json::array()}}));
}

TEST_F(ResultControls, AnUndatedCorpusSortsByRelevanceAndHasNoYears) {
    const fs::path folder = tmp_ / "undated";
    fs::create_directories(folder);
    write_file(folder / "a.txt", txt_article("Title: Harbour dues\nID: u-1\n", "harbour harbour harbour dues"));
    write_file(folder / "b.txt", txt_article("Title: Ferry fares\nID: u-2\n", "harbour ferry fares rise"));
    const std::string db = (tmp_ / "undated.db").string();
    ASSERT_EQ(run(kIndexBin, {"-q", "-d", db, folder.string()}).exit_code, 0);
    const auto listed = [&](const std::string& order) {
        const RunResult r = search({"--format", "json", "--sort", order, "--facet", "year,month"}, {"harbour"}, db);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return Json::parse(r.out);
    };
    for (const char* order : {"relevance", "date", "-date"}) {
        const Json object = listed(order);
        EXPECT_EQ(object.at("results").at(0).at("id"), "u-1") << order;  // three times "harbour"
        EXPECT_EQ(object.at("results").at(1).at("id"), "u-2") << order;
        EXPECT_EQ(object.at("facets"), Json({{"year", Json::array()}, {"month", Json::array()}})) << order;
    }
    const Json stats = Json::parse(search({"--stats", "--format", "json"}, {}, db).out);
    EXPECT_EQ(stats.at("undated"), 2);
    EXPECT_TRUE(stats.at("earliest").is_null());
}

// A database of format 1 (before the value slots) is refused by both programs with the way out;
// --rebuild makes it usable.
TEST_F(ResultControls, AFormatOneDatabaseMustBeRebuilt) {
    const fs::path folder = tmp_ / "format-one";
    fs::create_directories(folder);
    write_file(folder / "a.txt", txt_article("Title: Harbour dues\nID: f-1\nDate: 2025-01-02\n", "harbour dues"));
    const std::string db = (tmp_ / "format-one.db").string();
    ASSERT_EQ(run(kIndexBin, {"-q", "-j", "2", "-d", db, folder.string()}).exit_code, 0);
    for (const std::string& shard : newsdex::shard_layout::shard_paths(db)) {
        Xapian::WritableDatabase writable(shard, Xapian::DB_OPEN);
        writable.set_metadata("newsdex.format", "1");
        writable.commit();
    }
    const std::string refusal = "error: database " + db +
                                " was made by an incompatible version of Newsdex (format 1, this build reads "
                                "format 6); rebuild it with newsdex-index --rebuild\n";
    const RunResult searched = search({}, {"harbour"}, db);
    EXPECT_EQ(searched.exit_code, 2);
    EXPECT_EQ(searched.err, refusal);
    const RunResult stats = search({"--stats"}, {}, db);
    EXPECT_EQ(stats.exit_code, 2);
    EXPECT_EQ(stats.err, refusal);
    const RunResult indexed = run(kIndexBin, {"-q", "-d", db, folder.string()});
    EXPECT_EQ(indexed.exit_code, 2);
    EXPECT_EQ(indexed.err, refusal);
    const RunResult rebuilt = run(kIndexBin, {"-q", "--rebuild", "-d", db, folder.string()});
    EXPECT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
    EXPECT_EQ(search({"--count"}, {"harbour"}, db).out, "1\n");
}

// ---- options passed on to the query and spelling modules -----------------------------------

TEST_F(ResultControls, SinceAndUntilLimitCountsAndFacets) {
    // Of the six "soldier" articles above, all but nl-2024-101 (2024-11-03) are dated in
    // January 2025; --until is inclusive, so 2025-01-21 keeps (#2) and drops hw-2025-039.
    EXPECT_EQ(search({"--since", "2025", "--until", "2025-01-31", "--count"}, {"soldier"}).out, "5\n");
    EXPECT_EQ(search({"--since", "2025-01-05", "--until", "2025-01-21", "--count"}, {"soldier"}).out, "3\n");
    const Json object = search_json({"--until", "2024-12", "--facet", "source"}, "soldier");
    EXPECT_EQ(object.at("facets").at("source"), counts({{"Northern Ledger", 1}}));
}

}  // namespace
