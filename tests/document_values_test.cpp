// The value slots DocumentBuilder writes (index/schema.h): what facets and date sorting read.
#include <gtest/gtest.h>

#include <string>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "index/document_builder.h"
#include "index/schema.h"

using namespace newsdex;

namespace {

Xapian::Document build(const Article& article) {
    Analyzer analyzer(AnalyzerSettings{});
    DocumentBuilder builder(analyzer, nullptr);
    return builder.build(article, "root:a.json");
}

Article described() {
    Article a;
    a.id = "a-1";
    a.path = "a.json#1";
    a.title = "Title";
    a.source = "Le Courrier du Matin";
    a.authors = {"Ann Lee", "ANN LEE", "Bo Chen"};  // one author twice, up to case
    a.topics = {"North Korea", "north-korea", "", " - ", "'", "prisoners of war"};
    a.places = {"Zürich", "Zurich", "São\x1fPaulo"};
    a.organisations = {"OPEC"};
    a.language = "English";
    a.date = ArticleDate{1733267400, DatePrecision::second};  // 2024-12-03T23:10:00Z
    return a;
}

}  // namespace

TEST(DocumentValues, MetadataIsKeptAsWrittenOncePerValue) {
    const Xapian::Document doc = build(described());
    EXPECT_EQ(doc.get_value(schema::kSourceSlot), "Le Courrier du Matin");
    // The first written form of each value; "ANN LEE" and "north-korea" are the same values.
    EXPECT_EQ(doc.get_value(schema::kAuthorsSlot), "Ann Lee\x1f" "Bo Chen");
    // "", " - " and "'" normalise to nothing (no term either), so no facet value.
    EXPECT_EQ(doc.get_value(schema::kTopicsSlot), "North Korea\x1fprisoners of war");
    // Zürich and Zurich are one value when accents fold; the separator byte became a space.
    EXPECT_EQ(doc.get_value(schema::kPlacesSlot), "Zürich\x1fSão Paulo");
    EXPECT_EQ(doc.get_value(schema::kOrganisationsSlot), "OPEC");
    EXPECT_EQ(doc.get_value(schema::kLanguageSlot), "en");  // as the L term has it
    EXPECT_EQ(doc.get_value(schema::kDateLabelSlot), "2024-12-03");
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(schema::kDateSlot)), 1733267400.0);
}

TEST(DocumentValues, DateLabelHasTheDatesPrecision) {
    Article a = described();
    a.date = ArticleDate{1735689600, DatePrecision::month};  // 2025-01
    EXPECT_EQ(build(a).get_value(schema::kDateLabelSlot), "2025-01");
    a.date = ArticleDate{1735689600, DatePrecision::year};
    EXPECT_EQ(build(a).get_value(schema::kDateLabelSlot), "2025");
}

TEST(DocumentValues, MissingMetadataLeavesSlotsEmpty) {
    Article a;
    a.path = "notes/a.txt";
    a.body = "text only";
    const Xapian::Document doc = build(a);
    for (Xapian::valueno slot : {schema::kDateSlot, schema::kSourceSlot, schema::kAuthorsSlot,
                                 schema::kTopicsSlot, schema::kPlacesSlot, schema::kOrganisationsSlot,
                                 schema::kLanguageSlot, schema::kDateLabelSlot}) {
        EXPECT_EQ(doc.get_value(slot), "") << "slot " << slot;
    }
    // Only what the body gives: its signature, the not-yet-grouped mark, and the token spans:
    // no title tokens; "text" at 0 (4 bytes), "only" 1 byte further (4 bytes). And the date
    // orders' keys, which say "undated" (last in both orders), and the hash of its unique key.
    EXPECT_EQ(doc.values_count(), 6u);
    EXPECT_EQ(doc.get_value(schema::kOldestFirstSlot), "\x01");
    EXPECT_EQ(doc.get_value(schema::kNewestFirstSlot), "\x01");
    EXPECT_EQ(doc.get_value(schema::kUngroupedSlot), "1");
    EXPECT_EQ(doc.get_value(schema::kTokenSpansSlot), std::string("\x00\x02\x00\x04\x01\x04", 6));
}

// What tells an article's copies in several parts apart: the hash of its unique term, 8 bytes.
TEST(DocumentValues, TheArticleKeySlotHashesTheUniqueTerm) {
    Article a;
    a.path = "notes/a.txt";
    a.body = "text only";
    const Xapian::Document doc = build(a);
    std::string unique;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if ((*it).starts_with(schema::kUniqueKey)) unique = *it;
    }
    ASSERT_FALSE(unique.empty());
    EXPECT_EQ(doc.get_value(schema::kArticleKeySlot), schema::article_key_hash(unique));
    EXPECT_EQ(schema::article_key_hash(unique).size(), 8u);
    EXPECT_NE(schema::article_key_hash(unique), schema::article_key_hash(unique + "x"));
    // Stored in databases: the same on every build.
    EXPECT_EQ(schema::article_key_hash("Q0123456789abcdef:notes/a.txt\x1f" "notes/a.txt"),
              std::string("\x85\xad\x02\x59\x7a\x8e\x5c\x4b", 8));
}
