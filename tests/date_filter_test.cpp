#include <gtest/gtest.h>

#include "query/date_filter.h"
#include "util/errors.h"

using namespace newsdex;

namespace {

std::string error_of(const std::string& since, const std::string& until) {
    try {
        date_limits_query(since, until);
    } catch (const QueryError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(DateFilter, DatesNameTheirWholePeriodInUtc) {
    const struct {
        const char* text;
        std::int64_t first;
        std::int64_t last;
    } rows[] = {
        {"1987", 536457600, 567993599},              // 1987-01-01 .. 1987-12-31T23:59:59
        {"1987-03", 541555200, 544233599},           // March 1987
        {"1987-02", 539136000, 541555199},           // 28 days
        {"2024-02", 1706745600, 1709251199},         // 29 days
        {"2000-02-29", 951782400, 951868799},        // a leap day (400-year rule)
        {"1969-12-31", -86400, -1},                  // before the epoch
        {"2024-12", 1733011200, 1735689599},         // December ends at the year's end
    };
    for (const auto& row : rows) {
        const auto span = parse_query_date(row.text);
        ASSERT_TRUE(span) << row.text;
        EXPECT_EQ(span->first, row.first) << row.text;
        EXPECT_EQ(span->last, row.last) << row.text;
    }
}

TEST(DateFilter, RefusesWhatIsNotADate) {
    for (const char* text : {"", "87", "19870", "1987-3", "1987-03-1", "1987-13", "1987-00", "1987-02-29",
                             "1900-02-29", "2025-04-31", "2025-01-00", "2025/01/01", "2025-01-01T10:00",
                             "yesterday", "２０２５"}) {
        EXPECT_FALSE(parse_query_date(text)) << text;
    }
}

TEST(DateFilter, SinceAndUntil) {
    EXPECT_FALSE(date_limits_query("", ""));
    EXPECT_TRUE(date_limits_query("2025", ""));
    EXPECT_TRUE(date_limits_query("", "2025-01-31"));
    EXPECT_TRUE(date_limits_query("2025-01-31", "2025-01-31"));  // one day
    EXPECT_EQ(error_of("2025-02-30", ""), "bad date '2025-02-30' in --since");
    EXPECT_EQ(error_of("", "2025-1"), "bad date '2025-1' in --until");
    EXPECT_EQ(error_of("2025-02", "2025-01-31"), "--since 2025-02 is after --until 2025-01-31: no date can match");
}
