#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "article/date.h"

using namespace std::string_view_literals;
using newsdex::ArticleDate;
using newsdex::DatePrecision;
using newsdex::parse_date;

namespace {

struct Row {
    std::string_view input;
    std::optional<std::string_view> expected;  // format_date of the result; nullopt: rejected
};

// One row per behaviour. format_date shows the precision as well as the instant, so
// "2025-01-04" and "2025-01-04T00:00:00Z" are different answers.
const Row rows[] = {
    // ISO 8601 / RFC 3339
    {"2025-01-04", "2025-01-04"},
    {"2025-01-04T10:00:00", "2025-01-04T10:00:00Z"},
    {"2025-01-04T10:00:00Z", "2025-01-04T10:00:00Z"},
    {"2025-01-04T10:00:00.123Z", "2025-01-04T10:00:00Z"},
    {"2025-01-04T10:00:00,999Z", "2025-01-04T10:00:00Z"},
    {"2025-01-04T10:00:00+01:00", "2025-01-04T09:00:00Z"},
    {"2025-01-04T10:00:00-0500", "2025-01-04T15:00:00Z"},
    {"2025-01-04T10:00:00+01", "2025-01-04T09:00:00Z"},
    {"2025-01-04T10:00:00+05:30", "2025-01-04T04:30:00Z"},
    {"2025-01-04 10:00:00", "2025-01-04T10:00:00Z"},
    {"2025-01-04t10:00:00z", "2025-01-04T10:00:00Z"},
    {"2025-01-04T10:00", "2025-01-04T10:00:00Z"},
    {"2025-01-04T00:30:00+01:00", "2025-01-03T23:30:00Z"},
    {"2025-01-04T23:30:00-05:00", "2025-01-05T04:30:00Z"},
    {"2025-01-04 10:00:00 +0100", "2025-01-04T09:00:00Z"},
    {"2025-01-04 10:00:00 UTC", "2025-01-04T10:00:00Z"},
    {"2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z"},
    {"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"},
    {"20250104", "2025-01-04"},
    {"20250104T100000Z", "2025-01-04T10:00:00Z"},
    {"2025-01", "2025-01"},
    {"2025", "2025"},
    {"2025/01/04", "2025-01-04"},
    {"2025/1/4", "2025-01-04"},
    {"  2025-01-04\t\n", "2025-01-04"},
    {"2024-02-29", "2024-02-29"},
    {"2000-02-29", "2000-02-29"},
    {"1000-01-01", "1000-01-01"},
    {"9999-12-31", "9999-12-31"},
    // ISO with an unusable time keeps the day
    {"2025-01-04T25:61:00", "2025-01-04"},
    {"2025-01-04T24:00:00", "2025-01-04"},
    {"2025-01-04T10:60", "2025-01-04"},
    {"2025-01-04T10:00:00+25:00", "2025-01-04"},
    {"2025-01-04T10:00:00 Mars time", "2025-01-04"},
    {"2025-01-04T", "2025-01-04"},
    // ISO rejected
    {"2025-13-01", std::nullopt},
    {"2025-02-30", std::nullopt},
    {"2025-00-10", std::nullopt},
    {"2025-01-00", std::nullopt},
    {"2023-02-29", std::nullopt},
    {"1900-02-29", std::nullopt},
    {"2025-13", std::nullopt},
    {"2025-01-04x", std::nullopt},
    {"2025-01/04", std::nullopt},
    {"2025-004", std::nullopt},
    {"0999-01-01", std::nullopt},
    {"10000-01-01", std::nullopt},
    {"999", std::nullopt},
    {"04/01/2025", std::nullopt},  // day-first or month-first: cannot tell
    // RFC 2822
    {"Sat, 04 Jan 2025 10:00:00 GMT", "2025-01-04T10:00:00Z"},
    {"04 Jan 2025 10:00:00 GMT", "2025-01-04T10:00:00Z"},
    {"Saturday, 04 Jan 2025 10:00:00 GMT", "2025-01-04T10:00:00Z"},
    {"sat, 04 jan 2025 10:00:00 gmt", "2025-01-04T10:00:00Z"},
    {"Mon, 04 Jan 2025 10:00:00 GMT", "2025-01-04T10:00:00Z"},  // wrong weekday ignored
    {"Sat, 04 Jan 2025 10:00:00 +0100", "2025-01-04T09:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 -0000", "2025-01-04T10:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 UT", "2025-01-04T10:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 UTC", "2025-01-04T10:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 Z", "2025-01-04T10:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 EST", "2025-01-04T15:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 EDT", "2025-01-04T14:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 CST", "2025-01-04T16:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 CDT", "2025-01-04T15:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 MST", "2025-01-04T17:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 MDT", "2025-01-04T16:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 PST", "2025-01-04T18:00:00Z"},
    {"Sat, 04 Jan 2025 10:00:00 PDT", "2025-01-04T17:00:00Z"},
    {"Sat, 04 Jan 2025 10:00 GMT", "2025-01-04T10:00:00Z"},
    {"Sat, 4 Jan 2025 10:00:00 GMT", "2025-01-04T10:00:00Z"},
    {"Sat,4 Jan 2025 10:00:00 GMT", "2025-01-04T10:00:00Z"},
    {"Sat, 04 Jan 25 10:00:00 GMT", "2025-01-04T10:00:00Z"},
    {"Sun, 04 Jan 87 10:00:00 GMT", "1987-01-04T10:00:00Z"},
    {"04 Jan 49", "2049-01-04"},
    {"04 Jan 50", "1950-01-04"},
    {"Sat, 04 Jan 2025 10:00:00 CET", "2025-01-04"},  // unknown zone: the day is still sure
    {"Sat, 04 Jan 2025 25:00:00 GMT", "2025-01-04"},
    {"Foo, 04 Jan 2025 10:00:00 GMT", std::nullopt},
    {"Sat, 31 Feb 2025 10:00:00 GMT", std::nullopt},
    {"Sat, 04 Jan 125 10:00:00 GMT", std::nullopt},
    // Reuters-21578, including the messy dates of the real collection
    {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z"},
    {" 1-MAR-1987 01:41:26.47", "1987-03-01T01:41:26Z"},
    {"  9-MAR-1987 01:41:26.4", "1987-03-09T01:41:26Z"},
    {"3-MAR-1987  09:15:05.40", "1987-03-03T09:15:05Z"},
    {"27-MAR-1987 00:02:59.13\x05\x05\x05RM", "1987-03-27T00:02:59Z"},
    {"27-MAR-1987 00:02:59.13\x05\x05\x05" "C G T M", "1987-03-27T00:02:59Z"},
    {"31-MAR-1987 605:12:19.12", "1987-03-31"},
    {"9-APR-1987 00:00:00.00    # date added by S Finch as guesswork ", "1987-04-09"},
    {"26-FEB-1987", "1987-02-26"},
    {"26-feb-1987 15:01:01.79", "1987-02-26T15:01:01Z"},
    {"30-FEB-1987 15:01:01.79", std::nullopt},
    {"26-FOO-1987 15:01:01.79", std::nullopt},
    // Month names in prose
    {"January 4, 2025", "2025-01-04"},
    {"JANUARY 4, 2025", "2025-01-04"},
    {"Jan 4 2025", "2025-01-04"},
    {"Jan. 4, 2025", "2025-01-04"},
    {"Sept 4 2025", "2025-09-04"},
    {"Saturday, January 4, 2025", "2025-01-04"},
    {"January 4, 2025 10:00 EST", "2025-01-04T15:00:00Z"},
    {"4 January 2025", "2025-01-04"},
    {"4 Jan 2025 10:00", "2025-01-04T10:00:00Z"},
    {"4 Jan 2025 10:00 PM", "2025-01-04"},  // no AM/PM support: keep the sure part
    {"January 2025", "2025-01"},
    {"January 32, 2025", std::nullopt},
    {"Febtober 4, 2025", std::nullopt},
    {"January", std::nullopt},
    // Unix timestamps
    {"1735984800", "2025-01-04T10:00:00Z"},
    {"1735984800123", "2025-01-04T10:00:00Z"},
    {"0000000000", "1970-01-01T00:00:00Z"},
    {"173598480", std::nullopt},
    {"17359848001", std::nullopt},
    // Nothing usable
    {"", std::nullopt},
    {"   ", std::nullopt},
    {"yesterday", std::nullopt},
    {"n/a", std::nullopt},
    {"\x05\x05RM", std::nullopt},
    {"2025-01-04\0garbage"sv, "2025-01-04"},
};

std::string shown(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", u);
            out += hex;
        } else {
            out += c;
        }
    }
    return "\"" + out + "\"";
}

std::string formatted(const std::optional<ArticleDate>& date) {
    return date ? newsdex::format_date(*date) : "nullopt";
}

}  // namespace

TEST(DateParse, EachFormInTheTable) {
    for (const Row& row : rows) {
        const std::string expected = row.expected ? std::string(*row.expected) : "nullopt";
        EXPECT_EQ(formatted(parse_date(row.input)), expected) << "input " << shown(row.input);
    }
}

// Whatever parse_date accepts, its formatted form reads back as the same date and precision,
// so a date written to the index and read again does not drift.
TEST(DateParse, FormattedResultParsesBackUnchanged) {
    for (const Row& row : rows) {
        const auto date = parse_date(row.input);
        if (!date) continue;
        EXPECT_EQ(parse_date(newsdex::format_date(*date)), date) << "input " << shown(row.input);
    }
}

TEST(DateParse, KeepsPrecisionAndStartOfPeriod) {
    const struct {
        std::string_view input;
        std::int64_t unix_seconds;
        DatePrecision precision;
    } cases[] = {
        {"2025", 1735689600, DatePrecision::year},
        {"2025-02", 1738368000, DatePrecision::month},
        {"2025-01-04", 1735948800, DatePrecision::day},
        {"2025-01-04T10:00:00Z", 1735984800, DatePrecision::second},
        {"1969-12-31T23:59:59Z", -1, DatePrecision::second},
        {"1900-01-01", -2208988800, DatePrecision::day},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(parse_date(c.input), (ArticleDate{c.unix_seconds, c.precision})) << "input " << c.input;
    }
}

TEST(DateFormat, OneShapePerPrecision) {
    const std::int64_t t = 1735984800;  // 2025-01-04T10:00:00Z
    EXPECT_EQ(newsdex::format_date({t, DatePrecision::second}), "2025-01-04T10:00:00Z");
    EXPECT_EQ(newsdex::format_date({t, DatePrecision::day}), "2025-01-04");
    EXPECT_EQ(newsdex::format_date({t, DatePrecision::month}), "2025-01");
    EXPECT_EQ(newsdex::format_date({t, DatePrecision::year}), "2025");
    EXPECT_EQ(newsdex::format_date({-1, DatePrecision::second}), "1969-12-31T23:59:59Z");
    EXPECT_EQ(newsdex::format_date({-86401, DatePrecision::second}), "1969-12-30T23:59:59Z");
}

TEST(DateCivil, KnownDays) {
    const struct {
        int year;
        unsigned month;
        unsigned day;
        std::int64_t days;
    } cases[] = {
        {1970, 1, 1, 0},       {1969, 12, 31, -1},  {2000, 3, 1, 11017},    {2000, 2, 29, 11016},
        {1900, 1, 1, -25567},  {2025, 1, 4, 20092}, {1600, 3, 1, -135080}, {1000, 1, 1, -354285},
        {9999, 12, 31, 2932896},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(newsdex::days_from_civil(c.year, c.month, c.day), c.days) << c.year << "-" << c.month << "-" << c.day;
        const auto civil = newsdex::civil_from_unix(c.days * 86400);
        EXPECT_EQ(civil.year, c.year);
        EXPECT_EQ(civil.month, c.month);
        EXPECT_EQ(civil.day, c.day);
    }
}

// Every second of a day maps to that day, including before 1970 where truncating
// division would give the next day.
TEST(DateCivil, InstantsBefore1970BelongToTheirOwnDay) {
    const auto last = newsdex::civil_from_unix(-1);
    EXPECT_EQ(last.year, 1969);
    EXPECT_EQ(last.month, 12u);
    EXPECT_EQ(last.day, 31u);
    const auto first = newsdex::civil_from_unix(-86400);
    EXPECT_EQ(first.day, 31u);
    EXPECT_EQ(newsdex::civil_from_unix(-86401).day, 30u);
}

// Walks day by day across four centuries before and after 1970: each day follows the
// previous one on the calendar and converts back to its own number.
TEST(DateCivil, RoundTripsEveryDayOfEightCenturies) {
    auto previous = newsdex::civil_from_unix(-146097LL * 86400 - 86400);
    for (std::int64_t days = -146097; days <= 146097; ++days) {
        const auto civil = newsdex::civil_from_unix(days * 86400 + 43200);
        ASSERT_EQ(newsdex::days_from_civil(civil.year, civil.month, civil.day), days);
        const bool next_day = civil.year == previous.year && civil.month == previous.month &&
                              civil.day == previous.day + 1;
        const bool next_month = civil.day == 1 && ((civil.year == previous.year && civil.month == previous.month + 1) ||
                                                   (civil.year == previous.year + 1 && civil.month == 1 && previous.month == 12));
        ASSERT_TRUE(next_day || next_month) << "days " << days;
        previous = civil;
    }
}

// parse_date must survive anything a feed can contain: random bytes, and every prefix and
// single-byte corruption of inputs it accepts. Results, when there are any, must format.
TEST(DateParse, SurvivesRandomAndTruncatedInput) {
    std::mt19937 random(20250104);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 40);
    auto check = [](std::string_view text) {
        const auto date = parse_date(text);
        if (date) {
            EXPECT_FALSE(newsdex::format_date(*date).empty()) << shown(text);
        }
    };
    for (int i = 0; i < 20000; ++i) {
        std::string text(static_cast<std::size_t>(length(random)), '\0');
        for (char& c : text) c = static_cast<char>(byte(random));
        check(text);
    }
    for (const Row& row : rows) {
        const std::string input(row.input);
        for (std::size_t n = 0; n <= input.size(); ++n) check(std::string_view(input).substr(0, n));
        for (std::size_t at = 0; at < input.size(); ++at) {
            for (const char c : {'\0', '9', '-', ':', '+', 'Z', ' ', '\xff'}) {
                std::string corrupted = input;
                corrupted[at] = c;
                check(corrupted);
            }
        }
    }
    check(std::string(100000, '9'));
    check(std::string(100000, ' ') + "2025");
}
