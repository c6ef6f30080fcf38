#include "query/date_filter.h"

#include "article/date.h"
#include "index/schema.h"
#include "util/errors.h"

namespace newsdex {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int year, unsigned month) {
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : days[month - 1];
}

std::int64_t start_of(int year, unsigned month, unsigned day) { return days_from_civil(year, month, day) * 86400; }

// Either bound of a range, as a value-slot string.
std::string slot_value(std::int64_t seconds) { return Xapian::sortable_serialise(static_cast<double>(seconds)); }

DateSpan checked_date(std::string_view text, const std::string& where) {
    const auto span = parse_query_date(text);
    if (!span) throw QueryError("bad date '" + std::string(text) + "'" + where, 0);
    return *span;
}

Xapian::Query range_query(std::optional<std::int64_t> from, std::optional<std::int64_t> to) {
    if (from && to) {
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, slot_value(*from), slot_value(*to));
    }
    if (from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, slot_value(*from));
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, slot_value(*to));
}

}  // namespace

std::optional<DateSpan> parse_query_date(std::string_view text) {
    // YYYY, YYYY-MM, YYYY-MM-DD with two-digit month and day.
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    const std::string_view year_text = text.substr(0, 4);
    if (!all_digits(year_text)) return std::nullopt;
    const int year = to_int(year_text);
    if (text.size() == 4) return DateSpan{start_of(year, 1, 1), start_of(year + 1, 1, 1) - 1};
    if (text[4] != '-' || !all_digits(text.substr(5, 2))) return std::nullopt;
    const auto month = static_cast<unsigned>(to_int(text.substr(5, 2)));
    if (month < 1 || month > 12) return std::nullopt;
    if (text.size() == 7) {
        const std::int64_t next = month == 12 ? start_of(year + 1, 1, 1) : start_of(year, month + 1, 1);
        return DateSpan{start_of(year, month, 1), next - 1};
    }
    if (text[7] != '-' || !all_digits(text.substr(8, 2))) return std::nullopt;
    const auto day = static_cast<unsigned>(to_int(text.substr(8, 2)));
    if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
    const std::int64_t first = start_of(year, month, day);
    return DateSpan{first, first + 86400 - 1};
}

Xapian::Query date_field_query(std::string_view value, std::size_t column) {
    const std::string where;  // the quoted date is what points at the problem
    const auto dots = value.find("..");
    if (dots == std::string_view::npos) {
        const DateSpan span = checked_date(value, where);
        return range_query(span.first, span.last);
    }
    const std::string_view from_text = value.substr(0, dots);
    const std::string_view to_text = value.substr(dots + 2);
    if (from_text.empty() && to_text.empty()) {
        throw QueryError("date range at column " + std::to_string(column) +
                             " needs at least one end, as in date:2024..2025 or date:..1987-03-01", column);
    }
    std::optional<std::int64_t> from, to;
    if (!from_text.empty()) from = checked_date(from_text, where).first;
    if (!to_text.empty()) to = checked_date(to_text, where).last;
    if (from && to && *from > *to) {
        throw QueryError("empty date range '" + std::string(value) + "' at column " + std::to_string(column) +
                             " (" + std::string(from_text) + " is after " + std::string(to_text) + ")", column);
    }
    return range_query(from, to);
}

std::optional<Xapian::Query> date_limits_query(const std::string& since, const std::string& until) {
    std::optional<std::int64_t> from, to;
    if (!since.empty()) from = checked_date(since, " in --since").first;
    if (!until.empty()) to = checked_date(until, " in --until").last;
    if (!from && !to) return std::nullopt;
    if (from && to && *from > *to) {
        throw QueryError("--since " + since + " is after --until " + until + ": no date can match", 0);
    }
    return range_query(from, to);
}

}  // namespace newsdex
