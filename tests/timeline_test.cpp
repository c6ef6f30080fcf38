// Timelines: labels of days, ISO weeks, months and years (before 1970 too), every period from
// first to last listed with the empty ones as 0, --since/--until bounds, undated matches apart,
// a spy counting every match of a real query, and the exact text, JSON and CSV rows.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "article/date.h"
#include "output/timeline_output.h"
#include "search/timeline.h"
#include "small_database.h"
#include "util/errors.h"

using namespace newsdex;

namespace {

// Unix seconds of a UTC date and time (inputs only; every expected value is written out).
std::int64_t at(int year, unsigned month, unsigned day, int hour = 0, int minute = 0, int second = 0) {
    return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

// The last second of a day, as --until gives it.
std::int64_t end_of(int year, unsigned month, unsigned day) { return at(year, month, day, 23, 59, 59); }

Timeline run(TimelinePeriod period, const std::vector<std::optional<std::int64_t>>& dates,
             std::optional<std::int64_t> since = std::nullopt, std::optional<std::int64_t> until = std::nullopt) {
    TimelineSpy spy(period);
    for (const auto& date : dates) spy.add(date);
    return timeline_result(spy, since, until);
}

using Buckets = std::vector<TimelineBucket>;

const std::string kFull = "\u2588";

std::string full(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += kFull;
    return out;
}

// ---- period names ----------------------------------------------------------------------------

TEST(TimelinePeriodName, ParsesExactlyTheFourNames) {
    struct Row {
        const char* text;
        std::optional<TimelinePeriod> expected;
    };
    const std::vector<Row> rows = {
        {"day", TimelinePeriod::day},     {"week", TimelinePeriod::week},
        {"month", TimelinePeriod::month}, {"year", TimelinePeriod::year},
        {"Month", std::nullopt},          {"days", std::nullopt},
        {"", std::nullopt},               {" week", std::nullopt},
        {"quarter", std::nullopt},
    };
    for (const auto& row : rows) EXPECT_EQ(parse_timeline_period(row.text), row.expected) << row.text;
    EXPECT_EQ(timeline_period_name(TimelinePeriod::day), "day");
    EXPECT_EQ(timeline_period_name(TimelinePeriod::week), "week");
    EXPECT_EQ(timeline_period_name(TimelinePeriod::month), "month");
    EXPECT_EQ(timeline_period_name(TimelinePeriod::year), "year");
}

// ---- labels ----------------------------------------------------------------------------------

TEST(TimelineLabel, EachPeriodOfAnInstant) {
    struct Row {
        const char* what;
        std::int64_t seconds;
        const char* day;
        const char* week;
        const char* month;
        const char* year;
    };
    const std::vector<Row> rows = {
        {"a Monday in March 1987", at(1987, 3, 2), "1987-03-02", "1987-W10", "1987-03", "1987"},
        {"the Sunday before, last second", end_of(1987, 3, 1), "1987-03-01", "1987-W09", "1987-03", "1987"},
        {"the epoch, a Thursday: week 1 of 1970", 0, "1970-01-01", "1970-W01", "1970-01", "1970"},
        {"one second before the epoch: still 1970-W01", -1, "1969-12-31", "1970-W01", "1969-12", "1969"},
        {"Sunday 1969-12-28: the last week of 1969", at(1969, 12, 28, 12), "1969-12-28", "1969-W52", "1969-12", "1969"},
        {"a leap day before 1970", at(1960, 2, 29, 6), "1960-02-29", "1960-W09", "1960-02", "1960"},
        {"Monday 1900-01-01 starts week 1", at(1900, 1, 1), "1900-01-01", "1900-W01", "1900-01", "1900"},
        {"Monday 1900-12-31 is in week 1 of 1901", at(1900, 12, 31), "1900-12-31", "1901-W01", "1900-12", "1900"},
        {"last second of a year", end_of(1999, 12, 31), "1999-12-31", "1999-W52", "1999-12", "1999"},
        {"first second of the next", at(2000, 1, 1), "2000-01-01", "1999-W52", "2000-01", "2000"},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(period_label(row.seconds, TimelinePeriod::day), row.day) << row.what;
        EXPECT_EQ(period_label(row.seconds, TimelinePeriod::week), row.week) << row.what;
        EXPECT_EQ(period_label(row.seconds, TimelinePeriod::month), row.month) << row.what;
        EXPECT_EQ(period_label(row.seconds, TimelinePeriod::year), row.year) << row.what;
    }
}

TEST(TimelineLabel, IsoWeekYearEdges) {
    struct Row {
        const char* what;
        std::int64_t seconds;
        const char* week;
    };
    const std::vector<Row> rows = {
        {"Friday 1988-01-01 belongs to 1987's week 53", at(1988, 1, 1), "1987-W53"},
        {"Thursday 1987-12-31 is in that week 53", at(1987, 12, 31, 18), "1987-W53"},
        {"Monday 1988-01-04 starts 1988", at(1988, 1, 4), "1988-W01"},
        {"Monday 2008-12-29 starts 2009", at(2008, 12, 29), "2009-W01"},
        {"Wednesday 2008-12-31 is in 2009", at(2008, 12, 31), "2009-W01"},
        {"Sunday 2008-12-28 ends 2008's week 52", end_of(2008, 12, 28), "2008-W52"},
        {"Saturday 2005-01-01 in 2004's week 53", at(2005, 1, 1), "2004-W53"},
        {"Sunday 2005-01-02, last second, still 2004-W53", end_of(2005, 1, 2), "2004-W53"},
        {"Monday 2005-01-03 starts 2005", at(2005, 1, 3), "2005-W01"},
        {"Sunday 2006-01-01: 2005 has only 52 weeks", at(2006, 1, 1), "2005-W52"},
        {"Sunday 2010-01-03: 2009 (began on Thursday) has 53", at(2010, 1, 3), "2009-W53"},
        {"Monday 2007-12-31 in 2008's week 1", at(2007, 12, 31), "2008-W01"},
        {"Thursday 2015-12-31: 2015 has 53 weeks", at(2015, 12, 31), "2015-W53"},
        {"Sunday 2016-01-03 still 2015-W53", at(2016, 1, 3), "2015-W53"},
        {"Thursday 2020-12-31: leap 2020 began on Wednesday, 53 weeks", at(2020, 12, 31), "2020-W53"},
        {"Monday 2021-01-04 starts 2021", at(2021, 1, 4), "2021-W01"},
        {"Wednesday 1969-12-31 in 1970's week 1", at(1969, 12, 31), "1970-W01"},
        {"Monday 1969-12-29 starts 1970-W01", at(1969, 12, 29), "1970-W01"},
    };
    for (const auto& row : rows) EXPECT_EQ(period_label(row.seconds, TimelinePeriod::week), row.week) << row.what;
}

TEST(TimelineLabel, NeighbouringIndexesAreNeighbouringPeriods) {
    struct Row {
        TimelinePeriod period;
        std::int64_t seconds;
        const char* before;
        const char* after;
    };
    const std::vector<Row> rows = {
        {TimelinePeriod::day, at(1960, 3, 1), "1960-02-29", "1960-03-02"},
        {TimelinePeriod::week, at(1988, 1, 1), "1987-W52", "1988-W01"},
        {TimelinePeriod::week, at(1970, 1, 1), "1969-W52", "1970-W02"},
        {TimelinePeriod::month, at(1970, 1, 15), "1969-12", "1970-02"},
        {TimelinePeriod::month, at(1968, 1, 15), "1967-12", "1968-02"},
        {TimelinePeriod::year, at(1970, 6, 1), "1969", "1971"},
    };
    for (const auto& row : rows) {
        const std::int64_t index = period_index(row.seconds, row.period);
        EXPECT_EQ(period_index_label(index - 1, row.period), row.before) << row.before;
        EXPECT_EQ(period_index_label(index + 1, row.period), row.after) << row.after;
    }
}

// ---- filling the range -----------------------------------------------------------------------

TEST(TimelineResult, ListsEveryPeriodFromFirstToLast) {
    struct Row {
        const char* what;
        TimelinePeriod period;
        std::vector<std::optional<std::int64_t>> dates;
        Buckets expected;
    };
    const std::vector<Row> rows = {
        {"days across a month end",
         TimelinePeriod::day,
         {at(1987, 3, 2, 9), at(1987, 2, 27, 10), at(1987, 2, 27, 23)},
         {{"1987-02-27", 2}, {"1987-02-28", 0}, {"1987-03-01", 0}, {"1987-03-02", 1}}},
        {"weeks across a week 53",
         TimelinePeriod::week,
         {at(1987, 12, 23), at(1988, 1, 5)},
         {{"1987-W52", 1}, {"1987-W53", 0}, {"1988-W01", 1}}},
        {"weeks across 1970",
         TimelinePeriod::week,
         {at(1970, 1, 8), at(1969, 12, 24)},
         {{"1969-W52", 1}, {"1970-W01", 0}, {"1970-W02", 1}}},
        {"months across a year end",
         TimelinePeriod::month,
         {at(1987, 11, 30), at(1988, 2, 1)},
         {{"1987-11", 1}, {"1987-12", 0}, {"1988-01", 0}, {"1988-02", 1}}},
        {"years before and after 1970",
         TimelinePeriod::year,
         {at(1971, 1, 1), at(1968, 7, 1), at(1971, 12, 31), end_of(1971, 6, 30)},
         {{"1968", 1}, {"1969", 0}, {"1970", 0}, {"1971", 3}}},
        {"one period", TimelinePeriod::month, {at(1987, 3, 1), end_of(1987, 3, 31)}, {{"1987-03", 2}}},
        {"nothing counted", TimelinePeriod::day, {}, {}},
    };
    for (const auto& row : rows) {
        const Timeline timeline = run(row.period, row.dates);
        EXPECT_EQ(timeline.period, row.period) << row.what;
        EXPECT_EQ(timeline.buckets, row.expected) << row.what;
        EXPECT_EQ(timeline.undated, 0u) << row.what;
    }
}

TEST(TimelineResult, SinceAndUntilSetTheRange) {
    using Bound = std::optional<std::int64_t>;
    const std::vector<std::optional<std::int64_t>> matches = {at(1987, 2, 10), at(1987, 3, 5), at(1987, 3, 31, 12)};
    struct Row {
        const char* what;
        std::vector<std::optional<std::int64_t>> dates;
        Bound since;
        Bound until;
        Buckets expected;
    };
    const std::vector<Row> rows = {
        {"no bounds: first to last match", matches, {}, {}, {{"1987-02", 1}, {"1987-03", 2}}},
        {"both bounds, wider than the matches",
         matches, at(1987, 1, 15), end_of(1987, 4, 30),
         {{"1987-01", 0}, {"1987-02", 1}, {"1987-03", 2}, {"1987-04", 0}}},
        {"since only: to the last match",
         matches, at(1986, 12, 1), {},
         {{"1986-12", 0}, {"1987-01", 0}, {"1987-02", 1}, {"1987-03", 2}}},
        {"until only: from the first match",
         matches, {}, at(1987, 5, 1),
         {{"1987-02", 1}, {"1987-03", 2}, {"1987-04", 0}, {"1987-05", 0}}},
        {"bounds inside one month leave out counts outside it",
         matches, at(1987, 3, 1), end_of(1987, 3, 31), {{"1987-03", 2}}},
        {"no match, both bounds: every period 0",
         {}, at(1987, 1, 1), end_of(1987, 3, 31),
         {{"1987-01", 0}, {"1987-02", 0}, {"1987-03", 0}}},
        {"no match, since only: the since period", {}, at(1987, 3, 1), {}, {{"1987-03", 0}}},
        {"no match, until only: the until period", {}, {}, end_of(1969, 12, 31), {{"1969-12", 0}}},
        {"since after until: nothing", matches, at(1987, 4, 1), end_of(1987, 2, 28), {}},
        {"since before 1970",
         {at(1970, 1, 10)}, at(1969, 11, 1), {},
         {{"1969-11", 0}, {"1969-12", 0}, {"1970-01", 1}}},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(run(TimelinePeriod::month, row.dates, row.since, row.until).buckets, row.expected) << row.what;
    }
}

TEST(TimelineResult, UndatedMatchesAreCountedApart) {
    const Timeline some = run(TimelinePeriod::year, {std::nullopt, at(1987, 5, 5), std::nullopt});
    EXPECT_EQ(some.buckets, (Buckets{{"1987", 1}}));
    EXPECT_EQ(some.undated, 2u);

    const Timeline only = run(TimelinePeriod::day, {std::nullopt, std::nullopt, std::nullopt});
    EXPECT_EQ(only.buckets, Buckets{});
    EXPECT_EQ(only.undated, 3u);

    const Timeline bounded = run(TimelinePeriod::year, {std::nullopt}, at(1990, 1, 1), end_of(1991, 12, 31));
    EXPECT_EQ(bounded.buckets, (Buckets{{"1990", 0}, {"1991", 0}}));
    EXPECT_EQ(bounded.undated, 1u);
}

TEST(TimelineResult, TooManyPeriodsIsAnError) {
    // Day 0 to day 1,000,000: 1,000,001 periods, one more than allowed.
    EXPECT_THROW(run(TimelinePeriod::day, {0, std::int64_t{1'000'000} * 86400}), Error);
    // The same span in years is 2,738 periods.
    const Timeline years = run(TimelinePeriod::year, {0, std::int64_t{1'000'000} * 86400});
    EXPECT_EQ(years.buckets.size(), 2738u);
    EXPECT_EQ(years.buckets.front(), (TimelineBucket{"1970", 1}));
}

// ---- the spy over a real query ---------------------------------------------------------------

Article dated(const std::string& body, std::optional<ArticleDate> date) {
    Article a;
    a.body = body;
    a.date = date;
    return a;
}

Timeline timeline_of(const Xapian::Database& db, const std::string& term, TimelinePeriod period) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(term));
    TimelineSpy spy(period);
    enquire.add_matchspy(spy.match_spy());
    // A page of one: the counts must still cover every match.
    const Xapian::MSet page = enquire.get_mset(0, 1, db.get_doccount());
    EXPECT_LE(page.size(), 1u);
    return timeline_result(spy, std::nullopt, std::nullopt);
}

TEST(TimelineSpy, CountsEveryMatchOfAQuery) {
    const Xapian::WritableDatabase db = test::small_database({
        dated("cocoa prices", ArticleDate{at(1987, 3, 2, 10), DatePrecision::second}),
        dated("cocoa year only", ArticleDate{at(1987, 1, 1), DatePrecision::year}),
        dated("cocoa month only", ArticleDate{at(1987, 3, 1), DatePrecision::month}),
        dated("cocoa undated", std::nullopt),
        dated("sugar prices", ArticleDate{at(1970, 2, 15), DatePrecision::day}),
        dated("sugar before 1970", ArticleDate{at(1969, 11, 20), DatePrecision::day}),
        dated("sugar undated", std::nullopt),
        dated("sugar too", std::nullopt),
    });

    const Timeline months = timeline_of(db, "cocoa", TimelinePeriod::month);
    EXPECT_EQ(months.buckets, (Buckets{{"1987-01", 1}, {"1987-02", 0}, {"1987-03", 2}}));
    EXPECT_EQ(months.undated, 1u);

    // The year-only article counts in the week of 1987-01-01 (a Thursday: 1987-W01), the
    // month-only one in the week of Sunday 1987-03-01.
    const Timeline weeks = timeline_of(db, "cocoa", TimelinePeriod::week);
    EXPECT_EQ(weeks.buckets, (Buckets{{"1987-W01", 1}, {"1987-W02", 0}, {"1987-W03", 0}, {"1987-W04", 0},
                                      {"1987-W05", 0}, {"1987-W06", 0}, {"1987-W07", 0}, {"1987-W08", 0},
                                      {"1987-W09", 1}, {"1987-W10", 1}}));
    EXPECT_EQ(weeks.undated, 1u);

    const Timeline sugar = timeline_of(db, "sugar", TimelinePeriod::month);
    EXPECT_EQ(sugar.buckets, (Buckets{{"1969-11", 1}, {"1969-12", 0}, {"1970-01", 0}, {"1970-02", 1}}));
    EXPECT_EQ(sugar.undated, 2u);

    const Timeline none = timeline_of(db, "coffee", TimelinePeriod::day);
    EXPECT_EQ(none.buckets, Buckets{});
    EXPECT_EQ(none.undated, 0u);
}

TEST(TimelineSpy, ALabelNoDateCouldHaveIsUndated) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::string> labels = {
        "99999-01-01",  // beyond year 9999
        "1987-13",      // no such month
        "1987-03-02x",
        "-1987",
        "1987-03-02",
        "",  // no value at all
    };
    for (const auto& label : labels) {
        Xapian::Document doc;
        doc.add_term("x");
        if (!label.empty()) doc.add_value(newsdex::schema::kDateLabelSlot, label);
        db.add_document(doc);
    }
    const Timeline timeline = timeline_of(db, "x", TimelinePeriod::year);
    EXPECT_EQ(timeline.buckets, (Buckets{{"1987", 1}}));
    EXPECT_EQ(timeline.undated, 5u);
}

TEST(DateLabelSeconds, TheFirstSecondOfTheDayMonthOrYear) {
    EXPECT_EQ(date_label_seconds("1987-03-02"), at(1987, 3, 2));
    EXPECT_EQ(date_label_seconds("1987-03"), at(1987, 3, 1));
    EXPECT_EQ(date_label_seconds("1987"), at(1987, 1, 1));
    EXPECT_EQ(date_label_seconds("1969-12-31"), at(1969, 12, 31));
    EXPECT_EQ(date_label_seconds("0000-01-01"), at(0, 1, 1));
    EXPECT_EQ(date_label_seconds("9999-12-31"), at(9999, 12, 31));
    for (const std::string_view bad : {"", "1987-", "1987-00", "1987-02-32", "1987-02-02-", "19a7", "abc"}) {
        EXPECT_EQ(date_label_seconds(bad), std::nullopt) << bad;
    }
}

// ---- output ----------------------------------------------------------------------------------

Timeline months_example() {
    Timeline timeline;
    timeline.period = TimelinePeriod::month;
    timeline.buckets = {{"1987-02", 7}, {"1987-03", 0}, {"1987-04", 1}, {"1987-05", 3}};
    timeline.undated = 2;
    return timeline;
}

TEST(TimelineText, RowsWithBarsAtWidth60) {
    // Label 7 + 2 + count 1 + 2 = 12 columns, so the bar is 48 wide (384 eighths) and the
    // largest count's line is 60 columns. 1/7 of 384 = 54.9 → 55 eighths = 6 full + 7/8;
    // 3/7 of 384 = 164.6 → 165 = 20 full + 5/8.
    const std::string expected = "1987-02  7  " + full(48) + "\n" +
                                 "1987-03  0\n" +
                                 "1987-04  1  " + full(6) + "\u2589\n" +
                                 "1987-05  3  " + full(20) + "\u258B\n" +
                                 "undated  2\n";
    EXPECT_EQ(timeline_text(months_example(), 60), expected);
}

TEST(TimelineText, SmallCountsWidthsAndRounding) {
    struct Row {
        const char* what;
        Buckets buckets;
        std::size_t undated;
        std::size_t width;
        std::string expected;
    };
    const std::vector<Row> rows = {
        {"a tiny count still shows 1/8; counts right-aligned (bar 60 - 12 = 48)",
         {{"1987", 1000}, {"1988", 1}}, 0, 60,
         "1987  1000  " + full(48) + "\n1988     1  \u258F\n"},
        {"width 20: bar 20 - 9 = 11; 1/2 of 88 eighths = 44 = 5 full + 4/8",
         {{"1987", 2}, {"1988", 1}}, 0, 20,
         "1987  2  " + full(11) + "\n1988  1  " + full(5) + "\u258C\n"},
        {"width 15 leaves less than the minimum bar: bar 10; 1/2 of 80 = 40 = 5 full",
         {{"1987", 2}, {"1988", 1}}, 0, 15,
         "1987  2  " + full(10) + "\n1988  1  " + full(5) + "\n"},
        {"width 0: bar 10; 1/32 of 80 eighths = 2.5, rounded up to 3/8",
         {{"1987", 32}, {"1988", 1}}, 0, 0,
         "1987  32  " + full(10) + "\n1988   1  \u258D\n"},
        {"labels of different widths are padded on the right",
         {{"999", 1}, {"1000", 1}}, 0, 19,
         "999   1  " + full(10) + "\n1000  1  " + full(10) + "\n"},
        {"only undated matches", {}, 3, 60, "undated  3\n"},
        {"nothing at all", {}, 0, 60, ""},
        {"all periods empty: no bars", {{"1987-W01", 0}, {"1987-W02", 0}}, 0, 60, "1987-W01  0\n1987-W02  0\n"},
    };
    for (const auto& row : rows) {
        Timeline timeline;
        timeline.period = TimelinePeriod::year;
        timeline.buckets = row.buckets;
        timeline.undated = row.undated;
        EXPECT_EQ(timeline_text(timeline, row.width), row.expected) << row.what;
    }
}

TEST(TimelineJson, PeriodBucketsUndated) {
    EXPECT_EQ(timeline_json(months_example()).dump(),
              R"({"period":"month","buckets":[{"period":"1987-02","count":7},{"period":"1987-03","count":0},)"
              R"({"period":"1987-04","count":1},{"period":"1987-05","count":3}],"undated":2})");

    Timeline empty;
    empty.period = TimelinePeriod::week;
    EXPECT_EQ(timeline_json(empty).dump(), R"({"period":"week","buckets":[],"undated":0})");

    // How the caller puts the query first.
    nlohmann::ordered_json out{{"query", "cocoa"}, {"qid", "7"}};
    out.update(timeline_json(empty));
    EXPECT_EQ(out.dump(), R"({"query":"cocoa","qid":"7","period":"week","buckets":[],"undated":0})");
}

}  // namespace
