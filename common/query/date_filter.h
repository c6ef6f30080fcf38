// Date filters for queries: `date:2025`, `date:2024-11..2025-01-31`, `date:..1987-03-01`, and
// the --since / --until options, all turned into a range over the date value slot.
//
// A date is YYYY, YYYY-MM or YYYY-MM-DD (UTC) and stands for its whole year, month or day, so
// both ends are inclusive: date:2024-11..2025-01 runs from 2024-11-01 00:00:00 to
// 2025-01-31 23:59:59. Undated articles never match a date filter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

// The seconds a date names, first and last inclusive; nullopt for anything that is not a
// valid YYYY, YYYY-MM or YYYY-MM-DD date (month 13, 30 February, 2025-1-5 ...).
struct DateSpan {
    std::int64_t first;
    std::int64_t last;
};
std::optional<DateSpan> parse_query_date(std::string_view text);

// The filter for the value of `date:` at `column` (code points from 1): one date, or a range
// "FROM..TO" with either end left open. Throws QueryError: "bad date 'X'" (X the offending
// date), "empty date range 'A..B' at column N (A is after B)", or a missing value.
Xapian::Query date_field_query(std::string_view value, std::size_t column);

// The filter for --since and --until (either may be empty); nullopt when both are empty.
// Throws QueryError "bad date 'X' in --since" and the like.
std::optional<Xapian::Query> date_limits_query(const std::string& since, const std::string& until);

}  // namespace newsdex
