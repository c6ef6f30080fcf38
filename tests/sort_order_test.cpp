// Date orders: oldest or newest first, undated articles last in both, equal dates by relevance
// and then docid, and pages that are slices of the whole sorted list.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "index/schema.h"
#include "search/sort_order.h"
#include "small_database.h"
#include "util/errors.h"

using namespace newsdex;

namespace {

using Ids = std::vector<std::string>;

constexpr ArticleDate kNov3{1730592000, DatePrecision::day};          // 2024-11-03
constexpr ArticleDate kJan4{1735992000, DatePrecision::second};       // 2025-01-04T12:00:00Z
constexpr ArticleDate kBefore1970{-86400, DatePrecision::day};        // 1969-12-31

// Every body has four words, so BM25 ranks by how often "news" occurs: "high" bodies rank
// above "low" ones, and bodies alike score alike.
Article make(const std::string& id, std::optional<ArticleDate> date, bool high) {
    Article a;
    a.id = id;
    a.path = id + ".txt";
    a.date = date;
    a.body = high ? "news news news filler" : "news filler filler filler";
    return a;
}

Xapian::WritableDatabase database() {
    Article unmatched = make("d8", kNov3, true);
    unmatched.body = "other words entirely here";
    return test::small_database({
        make("d1", kNov3, false),
        make("d2", std::nullopt, true),
        make("d3", kBefore1970, false),
        make("d4", kNov3, true),
        make("d5", kJan4, false),
        make("d6", std::nullopt, false),
        make("d7", kNov3, false),
        unmatched,
    });
}

Ids listed(const Xapian::Database& db, SortOrder order, Xapian::doccount first = 0, Xapian::doccount count = 100) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("news"));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    apply_sort_order(enquire, order);
    Ids ids;
    const Xapian::MSet mset = enquire.get_mset(first, count);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        ids.push_back(schema::decode_article(it.get_document().get_data()).id);
    }
    return ids;
}

TEST(SortOrder, RelevanceThenDocid) {
    EXPECT_EQ(listed(database(), SortOrder::relevance), (Ids{"d2", "d4", "d1", "d3", "d5", "d6", "d7"}));
}

TEST(SortOrder, OldestFirstUndatedLast) {
    // 1969 before 1970: d3 first. The three of 2024-11-03: d4 ranks higher, then d1 and d7
    // (equal scores) by docid. Undated last, by relevance: d2 above d6.
    EXPECT_EQ(listed(database(), SortOrder::date), (Ids{"d3", "d4", "d1", "d7", "d5", "d2", "d6"}));
}

TEST(SortOrder, NewestFirstUndatedStillLast) {
    // Equal dates keep relevance (then docid) order; only the dates are reversed.
    EXPECT_EQ(listed(database(), SortOrder::newest_first), (Ids{"d5", "d4", "d1", "d7", "d3", "d2", "d6"}));
}

TEST(SortOrder, PagesAreSlicesOfTheSortedList) {
    const auto db = database();
    for (SortOrder order : {SortOrder::relevance, SortOrder::date, SortOrder::newest_first}) {
        const Ids all = listed(db, order);
        for (Xapian::doccount first = 0; first <= all.size(); ++first) {
            const Xapian::doccount end = std::min<Xapian::doccount>(first + 3, all.size());
            EXPECT_EQ(listed(db, order, first, 3), Ids(all.begin() + first, all.begin() + end))
                << "first " << first;
        }
    }
}

TEST(SortOrder, EveryArticleUndatedIsRelevanceOrder) {
    const auto db = test::small_database({make("u1", std::nullopt, false), make("u2", std::nullopt, true)});
    EXPECT_EQ(listed(db, SortOrder::date), (Ids{"u2", "u1"}));
    EXPECT_EQ(listed(db, SortOrder::newest_first), (Ids{"u2", "u1"}));
}

TEST(SortOrder, DateKeysCompareAsTheOrderWants) {
    const auto key = [](bool newest_first, std::optional<ArticleDate> date) {
        return schema::date_sort_key(date ? std::optional(date->unix_seconds) : std::nullopt, newest_first);
    };
    const ArticleDate year0{-62167219200, DatePrecision::day};     // 0000-01-01
    const ArticleDate year9999{253402300799, DatePrecision::second};  // 9999-12-31T23:59:59Z
    EXPECT_LT(key(false, year0), key(false, kBefore1970));
    EXPECT_LT(key(false, kJan4), key(false, year9999));
    EXPECT_LT(key(false, year9999), key(false, std::nullopt));
    EXPECT_LT(key(true, year9999), key(true, kJan4));
    EXPECT_LT(key(true, kBefore1970), key(true, year0));
    EXPECT_LT(key(true, year0), key(true, std::nullopt));
    EXPECT_LT(key(false, kBefore1970), key(false, kNov3));
    EXPECT_LT(key(false, kNov3), key(false, kJan4));
    EXPECT_LT(key(false, kJan4), key(false, std::nullopt));
    EXPECT_LT(key(true, kJan4), key(true, kNov3));
    EXPECT_LT(key(true, kNov3), key(true, kBefore1970));
    EXPECT_LT(key(true, kBefore1970), key(true, std::nullopt));
}

TEST(SortOrder, ParsesTheCommandLineNames) {
    EXPECT_EQ(parse_sort_order("relevance"), SortOrder::relevance);
    EXPECT_EQ(parse_sort_order("date"), SortOrder::date);
    EXPECT_EQ(parse_sort_order("-date"), SortOrder::newest_first);
    EXPECT_THROW(parse_sort_order("+date"), Error);
    EXPECT_THROW(parse_sort_order(""), Error);
}

}  // namespace
