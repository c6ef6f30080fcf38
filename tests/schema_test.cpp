#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/schema.h"
#include "util/errors.h"

using namespace newsdex;

TEST(Schema, StoredDataRoundTripsEveryField) {
    Article a;
    a.id = "nl-2025-001";
    a.title = "Zürich “tram” line";
    a.body = std::string("body with a NUL \0 inside", 24);
    a.date = ArticleDate{-86400, DatePrecision::day};
    a.source = "Northern Ledger";
    a.authors = {"A. Writer", "B. Writer"};
    a.url = "https://example.org/x";
    a.language = "de";
    a.topics = {"crude", "opec"};
    a.places = {"el-salvador"};
    a.organisations = {"opec"};
    a.path = "feeds/x.json#3";
    const Article b = schema::decode_article(schema::encode_article(a));
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.title, a.title);
    EXPECT_EQ(b.body, a.body);
    ASSERT_TRUE(b.date.has_value());
    EXPECT_EQ(*b.date, *a.date);
    EXPECT_EQ(b.source, a.source);
    EXPECT_EQ(b.authors, a.authors);
    EXPECT_EQ(b.url, a.url);
    EXPECT_EQ(b.language, a.language);
    EXPECT_EQ(b.topics, a.topics);
    EXPECT_EQ(b.places, a.places);
    EXPECT_EQ(b.organisations, a.organisations);
    EXPECT_EQ(b.path, a.path);
}

TEST(Schema, UndatedArticleStaysUndated) {
    Article a;
    a.title = "t";
    EXPECT_FALSE(schema::decode_article(schema::encode_article(a)).date.has_value());
}

TEST(Schema, DamagedDataIsAnError) {
    std::string data = schema::encode_article(Article{});
    EXPECT_THROW(schema::decode_article(data.substr(0, data.size() - 1)), Error);
    EXPECT_THROW(schema::decode_article("x"), Error);
    EXPECT_THROW(schema::decode_article(""), Error);
}

TEST(Schema, UniqueTermsSeparateFilesAndStayShort) {
    EXPECT_EQ(schema::unique_term("a.json#1", "1"), "Qa.json#1\x1f" "1");
    EXPECT_NE(schema::unique_term("a.json#1", "1"), schema::unique_term("b.json#1", "1"));
    const std::string long_path(400, 'x');
    const std::string t1 = schema::unique_term(long_path + "1", "id");
    const std::string t2 = schema::unique_term(long_path + "2", "id");
    EXPECT_LE(t1.size(), 240u);
    EXPECT_NE(t1, t2);
}

TEST(Schema, CanonicalLanguageCodes) {
    struct Row {
        const char* in;
        const char* out;
    } rows[] = {{"en", "en"}, {"EN", "en"}, {"en-US", "en"}, {"English", "en"}, {"Deutsch", "de"},
                {"fr_FR", "fr"}, {" ja ", "ja"}, {"Klingon", "klingon"}, {"zh-Hans", "zh"}};
    for (const auto& row : rows) EXPECT_EQ(schema::canonical_language(row.in), row.out) << row.in;
}

TEST(Schema, FieldTableNamesEachPrefixOnce) {
    ASSERT_NE(schema::find_field("title"), nullptr);
    EXPECT_EQ(schema::find_field("title")->prefix, "S");
    EXPECT_EQ(schema::find_field("source")->kind, schema::FieldKind::boolean);
    EXPECT_EQ(schema::find_field("titel"), nullptr);
}

TEST(Schema, DateLabelsFollowThePrecision) {
    struct Row {
        ArticleDate date;
        const char* label;
    } rows[] = {
        {{536457600, DatePrecision::year}, "1987"},
        {{541555200, DatePrecision::month}, "1987-03"},
        {{543715200, DatePrecision::day}, "1987-03-26"},
        {{543751331, DatePrecision::second}, "1987-03-26"},  // 10:02:11 UTC: the day only
        {{1733267400, DatePrecision::second}, "2024-12-03"},  // 23:10 UTC on the 3rd
        {{1733270400, DatePrecision::second}, "2024-12-04"},  // midnight UTC starts the 4th
        {{-86400, DatePrecision::day}, "1969-12-31"},
    };
    for (const auto& row : rows) EXPECT_EQ(schema::date_label(row.date), row.label) << row.label;
}

TEST(Schema, MultiValuedSlotsSplitAsJoined) {
    const std::vector<std::string> values = {"North Korea", "prisoners of war", "", "x"};
    const std::string joined = schema::join_values(values);
    EXPECT_EQ(joined, std::string("North Korea\x1fprisoners of war\x1f\x1fx"));
    const auto split = schema::split_values(joined);
    EXPECT_EQ(std::vector<std::string>(split.begin(), split.end()), values);
    EXPECT_TRUE(schema::split_values("").empty());
    EXPECT_EQ(schema::split_values("one").size(), 1u);
}
