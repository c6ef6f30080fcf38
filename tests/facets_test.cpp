// Facets: the spy counts values in every match, not only the page; values that differ only in
// case, accents or hyphens are one value, named by the written form most articles use; the
// largest counts come first.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/facets.h"
#include "small_database.h"

using namespace newsdex;

namespace {

Article article(const std::string& body) {
    Article a;
    a.body = body;
    return a;
}

// Runs `query` with one spy per facet name, checking every match but asking for a page of one
// hit, and returns the merged facets.
std::vector<Facet> facets_of(const Xapian::Database& db, const std::string& query,
                             const std::vector<std::string>& names, std::size_t size = 0) {
    Analyzer analyzer(AnalyzerSettings{});
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(query));
    std::vector<std::unique_ptr<FacetSpy>> spies;
    for (const auto& name : names) {
        spies.push_back(std::make_unique<FacetSpy>(*find_facet(name)));
        enquire.add_matchspy(spies.back()->match_spy());
    }
    const Xapian::MSet page = enquire.get_mset(0, 1, db.get_doccount());
    EXPECT_LE(page.size(), 1u);
    std::vector<Facet> facets;
    for (const auto& spy : spies) {
        facets.push_back(facet_result(spy->definition().name, spy->raw_counts(), analyzer, size));
    }
    return facets;
}

using Counts = std::vector<FacetCount>;

// ---- merging and ordering, on raw counts ----------------------------------------------------

TEST(FacetResult, MergesValuesThatNormaliseAlike) {
    Analyzer analyzer(AnalyzerSettings{});
    struct Row {
        const char* what;
        std::map<std::string, std::size_t> raw;
        Counts expected;
    };
    const std::vector<Row> rows = {
        {"accents and case: the most written form names the value",
         {{"Zürich", 2}, {"Zurich", 1}, {"ZURICH", 1}},
         {{"Zürich", 4}}},
        {"hyphens and underscores are spaces",
         {{"el-salvador", 1}, {"El Salvador", 2}, {"el_salvador", 1}},
         {{"El Salvador", 4}}},
        {"a tie between written forms goes to the smaller string",
         {{"opec", 1}, {"OPEC", 1}},
         {{"OPEC", 2}}},
        {"values that normalise to nothing are dropped",
         {{"-", 3}, {"'", 2}, {"cocoa", 1}},
         {{"cocoa", 1}}},
        {"largest count first, ties by normalised value, not by bytes",
         {{"sugar", 2}, {"Tea", 2}, {"agriculture", 5}, {"weather", 1}, {"Brazil", 1}},
         {{"agriculture", 5}, {"sugar", 2}, {"Tea", 2}, {"Brazil", 1}, {"weather", 1}}},
        {"nothing counted", {}, {}},
    };
    for (const auto& row : rows) {
        const Facet facet = facet_result("topic", row.raw, analyzer, 0);
        EXPECT_EQ(facet.name, "topic");
        EXPECT_EQ(facet.values, row.expected) << row.what;
    }
}

TEST(FacetResult, SizeKeepsTheLargestCounts) {
    Analyzer analyzer(AnalyzerSettings{});
    const std::map<std::string, std::size_t> raw = {{"a", 1}, {"b", 3}, {"c", 2}, {"d", 2}};
    EXPECT_EQ(facet_result("topic", raw, analyzer, 2).values, (Counts{{"b", 3}, {"c", 2}}));
    EXPECT_EQ(facet_result("topic", raw, analyzer, 1).values, (Counts{{"b", 3}}));
    EXPECT_EQ(facet_result("topic", raw, analyzer, 0).values.size(), 4u);  // 0: all
    EXPECT_EQ(facet_result("topic", raw, analyzer, 10).values.size(), 4u);
}

// ---- the spy, on a database -----------------------------------------------------------------

TEST(FacetSpy, CountsEveryMatchNotOnlyThePage) {
    std::vector<Article> articles;
    for (int i = 0; i < 5; ++i) {
        Article a = article("news");
        a.source = i < 3 ? "Harbor Wire" : "Daily Meridian";
        articles.push_back(a);
    }
    Article unmatched = article("other");
    unmatched.source = "Harbor Wire";
    articles.push_back(unmatched);
    const auto db = test::small_database(articles);
    EXPECT_EQ(facets_of(db, "news", {"source"}).at(0).values,
              (Counts{{"Harbor Wire", 3}, {"Daily Meridian", 2}}));
}

TEST(FacetSpy, SplitsMultiValuedSlotsAndMergesAcrossArticles) {
    Article a = article("news");
    a.topics = {"North Korea", "conflict"};
    a.places = {"Zürich", "Kyiv"};
    a.authors = {"Tomas Reyes"};
    Article b = article("news");
    b.topics = {"north-korea", "Conflict", "prisoners of war"};
    b.places = {"Zurich"};
    b.authors = {"Tomas Reyes", "Ann Lee"};
    Article c = article("news");
    c.topics = {"conflict"};
    c.places = {"Zürich"};
    c.organisations = {"OPEC"};
    const auto db = test::small_database({a, b, c});
    const auto facets = facets_of(db, "news", {"topic", "place", "author", "org"});
    ASSERT_EQ(facets.size(), 4u);
    EXPECT_EQ(facets[0].values, (Counts{{"conflict", 3}, {"North Korea", 2}, {"prisoners of war", 1}}));
    EXPECT_EQ(facets[1].values, (Counts{{"Zürich", 3}, {"Kyiv", 1}}));
    EXPECT_EQ(facets[2].values, (Counts{{"Tomas Reyes", 2}, {"Ann Lee", 1}}));
    EXPECT_EQ(facets[3].values, (Counts{{"OPEC", 1}}));
}

TEST(FacetSpy, SingleValuedSlotsLanguageAndSource) {
    Article a = article("news");
    a.language = "English";
    a.source = "Northern Ledger";
    Article b = article("news");
    b.language = "en-GB";
    b.source = "northern ledger";
    Article c = article("news");
    c.language = "de";
    const auto db = test::small_database({a, b, c});
    const auto facets = facets_of(db, "news", {"lang", "source"});
    EXPECT_EQ(facets[0].values, (Counts{{"en", 2}, {"de", 1}}));
    EXPECT_EQ(facets[1].values, (Counts{{"Northern Ledger", 2}}));  // tie: the smaller string
}

TEST(FacetSpy, YearsAndMonthsComeFromTheDateLabel) {
    Article year_only = article("news");
    year_only.date = ArticleDate{1704067200, DatePrecision::year};  // 2024
    Article month = article("news");
    month.date = ArticleDate{1730419200, DatePrecision::month};  // 2024-11
    Article day = article("news");
    day.date = ArticleDate{1730592000, DatePrecision::day};  // 2024-11-03
    Article second = article("news");
    second.date = ArticleDate{1735992000, DatePrecision::second};  // 2025-01-04T12:00:00Z
    Article undated = article("news");
    const auto db = test::small_database({year_only, month, day, second, undated});
    const auto facets = facets_of(db, "news", {"year", "month"});
    EXPECT_EQ(facets[0].values, (Counts{{"2024", 3}, {"2025", 1}}));
    // A year-only date has no month; undated articles are in neither.
    EXPECT_EQ(facets[1].values, (Counts{{"2024-11", 2}, {"2025-01", 1}}));
}

TEST(FacetSpy, NoMatchesAndNoValuesGiveEmptyFacets) {
    Article a = article("news");
    a.topics = {"cocoa"};
    const auto db = test::small_database({a, article("news")});
    EXPECT_TRUE(facets_of(db, "zebra", {"topic", "year"}).at(0).values.empty());
    EXPECT_TRUE(facets_of(db, "news", {"org"}).at(0).values.empty());
    const Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
    EXPECT_TRUE(facets_of(empty, "news", {"source"}).at(0).values.empty());
}

TEST(FacetSpy, SizeLimitsTheMergedValues) {
    std::vector<Article> articles;
    const std::vector<std::vector<std::string>> topics = {
        {"oil", "OPEC", "energy"}, {"oil", "opec"}, {"Oil", "markets"}, {"energy"}};
    for (const auto& t : topics) {
        Article a = article("news");
        a.topics = t;
        articles.push_back(a);
    }
    const auto db = test::small_database(articles);
    // oil 3 (oil, oil, Oil), OPEC 2 (a tie of OPEC and opec: the smaller string), energy 2, markets 1.
    EXPECT_EQ(facets_of(db, "news", {"topic"}, 2).at(0).values, (Counts{{"oil", 3}, {"energy", 2}}));
    EXPECT_EQ(facets_of(db, "news", {"topic"}, 0).at(0).values,
              (Counts{{"oil", 3}, {"energy", 2}, {"OPEC", 2}, {"markets", 1}}));
}

TEST(FacetDefinitions, NamesTheCommandLineAccepts) {
    EXPECT_EQ(facet_names(), (std::vector<std::string>{"source", "topic", "place", "author", "org", "lang",
                                                       "year", "month"}));
    EXPECT_EQ(find_facet("topics"), nullptr);
    ASSERT_NE(find_facet("month"), nullptr);
    EXPECT_EQ(find_facet("month")->values, FacetValues::month);
}

}  // namespace
