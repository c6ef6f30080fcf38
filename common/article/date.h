// Dates of articles: parsed from the many forms news data uses, kept in UTC.
// A date knows how precisely it was given (year, month, day or second), so output and
// filters never invent a time of day that the source did not state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

enum class DatePrecision { year, month, day, second };

struct ArticleDate {
    std::int64_t unix_seconds = 0;  // UTC; the start of the period for year/month/day precision
    DatePrecision precision = DatePrecision::second;

    friend bool operator==(const ArticleDate&, const ArticleDate&) = default;
};

// Parses ISO 8601 (2025-01-04, 2025-01-04T10:00:00, with Z, +01:00 or -0500 offsets, with
// fractional seconds, with a space instead of 'T'), RFC 2822 (Sat, 04 Jan 2025 10:00:00 GMT,
// with or without weekday, numeric zones and common zone names), the Reuters-21578 form
// (26-FEB-1987 15:01:01.79, with leading spaces, an out-of-range hour such as 605:12:19.12
// kept to the day, and trailing junk), "January 4, 2025", "4 January 2025", "2025/01/04",
// bare "2025-01" and "2025", and Unix timestamps (10 digits seconds, 13 digits milliseconds).
// Times without a zone are UTC. Returns nullopt when nothing usable can be recovered.
// When the time part is unusable but the day is clear, returns the day (precision day).
std::optional<ArticleDate> parse_date(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ" for second precision, "YYYY-MM-DD", "YYYY-MM" or "YYYY" otherwise.
std::string format_date(const ArticleDate& date);

// Days since 1970-01-01 for a proleptic Gregorian date (no range checks beyond month 1-12).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);

// The calendar date of a UTC instant.
struct CivilDate {
    int year;
    unsigned month;
    unsigned day;
};
CivilDate civil_from_unix(std::int64_t unix_seconds);

}  // namespace newsdex
