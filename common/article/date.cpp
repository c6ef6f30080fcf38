// Date parsing is a handful of small grammars tried in turn, each over a Scanner that never
// reads past the end and never throws. Every grammar first reads a calendar day (or a year or
// month alone); a time of day is only ever added on top of a day that is already valid, which
// is what lets a broken time fall back to the day instead of losing the whole date.
#include "article/date.h"

#include <array>
#include <cstdio>

namespace newsdex {
namespace {

constexpr std::int64_t seconds_per_day = 86400;

// C++ division truncates toward zero; calendar arithmetic needs floor so that instants
// before 1970 land on the day they belong to, not the day after.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// Wire feeds append control codes and routing letters to the date line (Reuters-21578 has
// "27-MAR-1987 00:02:59.13\x05\x05\x05RM"). No date form contains a control character, so
// everything from the first one on is transmission residue, not part of the date.
std::string_view cut_at_control(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && !is_space(text[i])) || c == 0x7f) return text.substr(0, i);
    }
    return text;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

struct Number {
    std::int64_t value = 0;
    std::size_t digits = 0;  // 0 means no number was there
};

// A read-only cursor over the text. Reading at the end yields '\0', so grammars can test
// the next character without checking the length first.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    bool eat(char c) {
        if (at_end() || text_[pos_] != c) return false;
        ++pos_;
        return true;
    }

    // Case-insensitive, for the ISO 'T' that RFC 3339 lets be lower case.
    bool eat_letter(char c) {
        if (at_end() || lower(text_[pos_]) != c) return false;
        ++pos_;
        return true;
    }

    bool skip_spaces() {
        const std::size_t start = pos_;
        while (!at_end() && is_space(text_[pos_])) ++pos_;
        return pos_ != start;
    }

    // The value stops accumulating after 18 digits so it cannot overflow; callers reject
    // such lengths by their digit count anyway.
    Number number() {
        Number n;
        while (!at_end() && is_digit(text_[pos_])) {
            if (n.digits < 18) n.value = n.value * 10 + (text_[pos_] - '0');
            ++n.digits;
            ++pos_;
        }
        return n;
    }

    std::string_view word() {
        const std::size_t start = pos_;
        while (!at_end() && is_letter(text_[pos_])) ++pos_;
        return text_.substr(start, pos_ - start);
    }

    std::size_t position() const { return pos_; }
    void rewind(std::size_t pos) { pos_ = pos; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

struct Day {
    int year;
    unsigned month;
    unsigned day;
};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int year, unsigned month) {
    static constexpr std::array<unsigned, 12> lengths{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (month == 2 && is_leap(year)) ? 29 : lengths[month - 1];
}

// Four-digit years keep the output format fixed-width and rule out misread numbers;
// only Unix timestamps may leave this range.
bool year_in_range(std::int64_t year) { return year >= 1000 && year <= 9999; }

bool is_valid(const Day& d) {
    return year_in_range(d.year) && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

ArticleDate start_of(const Day& d, DatePrecision precision) {
    return {days_from_civil(d.year, d.month, d.day) * seconds_per_day, precision};
}

std::optional<unsigned> month_from_name(std::string_view name) {
    static constexpr std::array<std::string_view, 12> names{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (equals_ignoring_case(name, names[i]) || equals_ignoring_case(name, names[i].substr(0, 3))) {
            return static_cast<unsigned>(i + 1);
        }
    }
    if (equals_ignoring_case(name, "sept")) return 9u;  // common in British news copy
    return std::nullopt;
}

bool is_weekday_name(std::string_view name) {
    static constexpr std::array<std::string_view, 7> names{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (const auto full : names) {
        if (equals_ignoring_case(name, full) || equals_ignoring_case(name, full.substr(0, 3))) return true;
    }
    return false;
}

// RFC 2822 section 4.3: two-digit years below 50 are 20xx, the rest 19xx.
std::optional<int> textual_year(const Number& n) {
    if (n.digits == 2) return static_cast<int>(n.value < 50 ? 2000 + n.value : 1900 + n.value);
    if (n.digits == 4) return static_cast<int>(n.value);
    return std::nullopt;
}

// An RFC 2822 weekday ("Sat,") carries no information the date does not, and feeds often get it
// wrong, so it is checked to be a weekday name and otherwise ignored. False when a weekday is
// run into what follows ("Sat04 Jan").
bool skip_weekday(Scanner& s) {
    const std::size_t start = s.position();
    const std::string_view name = s.word();
    if (name.empty()) return true;
    if (!is_weekday_name(name)) {
        s.rewind(start);
        return true;  // not a weekday: maybe a month name; the caller decides
    }
    const bool comma = s.eat(',');
    const bool space = s.skip_spaces();
    return comma || space;
}

struct TimeOfDay {
    int hour = 0;
    int minute = 0;
    int second = 0;
};

std::optional<TimeOfDay> checked_time(std::int64_t h, std::int64_t m, std::int64_t s) {
    if (h > 23 || m > 59 || s > 60) return std::nullopt;
    // A leap second (":60") is real but Unix time has no slot for it; the last second of the
    // minute keeps the instant on the right day.
    if (s == 60) s = 59;
    return TimeOfDay{static_cast<int>(h), static_cast<int>(m), static_cast<int>(s)};
}

// Fractional seconds are truncated: rounding up could carry into the next day.
void skip_fraction(Scanner& s) {
    const std::size_t start = s.position();
    if ((s.eat('.') || s.eat(',')) && s.number().digits == 0) s.rewind(start);
}

// "10:00", "10:00:00", "10:00:00.123", and when `basic_allowed` the ISO basic "1000" or
// "100000" (only after a 'T', where a bare digit run cannot be anything else).
std::optional<TimeOfDay> read_time(Scanner& s, bool basic_allowed) {
    const Number first = s.number();
    if (first.digits == 0) return std::nullopt;
    if (s.eat(':')) {
        if (first.digits > 2) return std::nullopt;
        const Number minute = s.number();
        if (minute.digits != 2) return std::nullopt;
        Number second;
        if (s.eat(':')) {
            second = s.number();
            if (second.digits != 2) return std::nullopt;
            skip_fraction(s);
        }
        return checked_time(first.value, minute.value, second.value);
    }
    if (!basic_allowed) return std::nullopt;
    if (first.digits == 4) return checked_time(first.value / 100, first.value % 100, 0);
    if (first.digits == 6) {
        skip_fraction(s);
        return checked_time(first.value / 10000, first.value / 100 % 100, first.value % 100);
    }
    return std::nullopt;
}

// Offset east of UTC in seconds for a named zone: the names RFC 2822 defines.
std::optional<int> named_zone(std::string_view name) {
    struct Zone {
        std::string_view name;
        int hours;
    };
    static constexpr std::array<Zone, 12> zones{{{"ut", 0}, {"utc", 0}, {"gmt", 0}, {"z", 0},
                                                 {"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5},
                                                 {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}}};
    for (const auto& zone : zones) {
        if (equals_ignoring_case(name, zone.name)) return zone.hours * 3600;
    }
    return std::nullopt;
}

// "+01:00", "+0100", "+01" (and '-'). RFC 2822's "-0000" ("zone unknown, time is UTC") is 0.
std::optional<int> numeric_zone(Scanner& s) {
    const int sign = s.eat('-') ? -1 : (s.eat('+') ? 1 : 0);
    if (sign == 0) return std::nullopt;
    const Number first = s.number();
    std::int64_t hours = 0;
    std::int64_t minutes = 0;
    if (first.digits == 4) {
        hours = first.value / 100;
        minutes = first.value % 100;
    } else if (first.digits == 2) {
        hours = first.value;
        if (s.eat(':')) {
            const Number m = s.number();
            if (m.digits != 2) return std::nullopt;
            minutes = m.value;
        }
    } else {
        return std::nullopt;
    }
    if (hours > 23 || minutes > 59) return std::nullopt;
    return static_cast<int>(sign * (hours * 3600 + minutes * 60));
}

// The zone after a time, if any: no zone means UTC. Returns nullopt when something is
// there that is not a zone we know, since guessing would shift the instant by hours.
std::optional<int> read_zone(Scanner& s) {
    s.skip_spaces();
    if (s.at_end()) return 0;
    if (s.peek() == '+' || s.peek() == '-') return numeric_zone(s);
    return named_zone(s.word());
}

// The rest of the text after a valid day: nothing, or a time with an optional zone.
// A time that is out of range, malformed or followed by text we cannot read is unusable,
// and the day alone is returned: a sure day is worth more than a guessed instant.
ArticleDate with_optional_time(Scanner& s, const Day& day, bool iso) {
    const ArticleDate day_only = start_of(day, DatePrecision::day);
    if (s.at_end()) return day_only;
    const bool after_t = iso && s.eat_letter('t');
    if (!after_t && !s.skip_spaces()) return day_only;
    const std::optional<TimeOfDay> time = read_time(s, after_t);
    if (!time) return day_only;
    const std::optional<int> offset = read_zone(s);
    if (!offset) return day_only;
    s.skip_spaces();
    if (!s.at_end()) return day_only;
    const std::int64_t seconds = day_only.unix_seconds + time->hour * 3600 + time->minute * 60 +
                                 time->second - *offset;
    return {seconds, DatePrecision::second};
}

// A day must end at the end of the text, at a space, or (ISO) at the 'T' before a time;
// "2025-01-04x" is not a date with junk after it but not a date at all.
bool at_day_boundary(const Scanner& s, bool iso) {
    const char c = s.peek();
    return s.at_end() || is_space(c) || (iso && lower(c) == 't');
}

// "1700000000" (Unix seconds) and "1700000000000" (milliseconds).
std::optional<ArticleDate> parse_timestamp(std::string_view text) {
    if (text.size() != 10 && text.size() != 13) return std::nullopt;
    Scanner s(text);
    const Number n = s.number();
    if (!s.at_end()) return std::nullopt;
    const std::int64_t seconds = text.size() == 13 ? floor_div(n.value, 1000) : n.value;
    return ArticleDate{seconds, DatePrecision::second};
}

// ISO 8601 and its relatives: "2025", "2025-01", "2025-01-04[Thh:mm[:ss[.f]][zone]]",
// the basic "20250104[Thhmmss]", and "2025/01/04". Day-first or month-first numeric forms
// ("04/01/2025") are refused: which one a feed meant cannot be told from the text.
std::optional<ArticleDate> parse_numeric(std::string_view text) {
    Scanner s(text);
    const Number year = s.number();
    if (year.digits == 8) {
        const Day day{static_cast<int>(year.value / 10000), static_cast<unsigned>(year.value / 100 % 100),
                      static_cast<unsigned>(year.value % 100)};
        if (!is_valid(day) || !at_day_boundary(s, true)) return std::nullopt;
        return with_optional_time(s, day, true);
    }
    if (year.digits != 4 || !year_in_range(year.value)) return std::nullopt;
    if (s.at_end()) return start_of({static_cast<int>(year.value), 1, 1}, DatePrecision::year);

    const char separator = s.peek();
    if (separator != '-' && separator != '/') return std::nullopt;
    s.eat(separator);
    const Number month = s.number();
    if (month.digits < 1 || month.digits > 2) return std::nullopt;
    if (s.at_end()) {
        const Day first{static_cast<int>(year.value), static_cast<unsigned>(month.value), 1};
        if (!is_valid(first)) return std::nullopt;
        return start_of(first, DatePrecision::month);
    }
    if (!s.eat(separator)) return std::nullopt;
    const Number day_number = s.number();
    if (day_number.digits < 1 || day_number.digits > 2) return std::nullopt;
    const Day day{static_cast<int>(year.value), static_cast<unsigned>(month.value),
                  static_cast<unsigned>(day_number.value)};
    if (!is_valid(day) || !at_day_boundary(s, true)) return std::nullopt;
    return with_optional_time(s, day, true);
}

// Day first: RFC 2822 "[Sat, ]04 Jan 2025 10:00[:00] GMT", "4 January 2025", and the
// Reuters-21578 "26-FEB-1987 15:01:01.79" (the dashes are what tell it apart).
std::optional<ArticleDate> parse_day_month_year(std::string_view text) {
    Scanner s(text);
    if (!skip_weekday(s)) return std::nullopt;
    const Number day_number = s.number();
    if (day_number.digits < 1 || day_number.digits > 2) return std::nullopt;
    const bool dashed = s.eat('-');
    if (!dashed && !s.skip_spaces()) return std::nullopt;
    const std::optional<unsigned> month = month_from_name(s.word());
    if (!month) return std::nullopt;
    if (dashed) {
        if (!s.eat('-')) return std::nullopt;
    } else {
        s.eat('.');  // "4 Jan. 2025"
        if (!s.skip_spaces()) return std::nullopt;
    }
    const std::optional<int> year = textual_year(s.number());
    if (!year) return std::nullopt;
    const Day day{*year, *month, static_cast<unsigned>(day_number.value)};
    if (!is_valid(day) || !at_day_boundary(s, false)) return std::nullopt;
    return with_optional_time(s, day, false);
}

// Month first: "January 4, 2025", "Jan 4 2025 10:00", and "January 2025" (precision month).
std::optional<ArticleDate> parse_month_day_year(std::string_view text) {
    Scanner s(text);
    if (!skip_weekday(s)) return std::nullopt;
    const std::optional<unsigned> month = month_from_name(s.word());
    if (!month) return std::nullopt;
    s.eat('.');  // "Jan. 4, 2025"
    if (!s.skip_spaces()) return std::nullopt;
    const Number first = s.number();
    if (first.digits == 4 && s.at_end()) {
        const Day start{static_cast<int>(first.value), *month, 1};
        if (!is_valid(start)) return std::nullopt;
        return start_of(start, DatePrecision::month);
    }
    if (first.digits < 1 || first.digits > 2) return std::nullopt;
    s.eat(',');
    if (!s.skip_spaces()) return std::nullopt;
    const std::optional<int> year = textual_year(s.number());
    if (!year) return std::nullopt;
    const Day day{*year, *month, static_cast<unsigned>(first.value)};
    if (!is_valid(day) || !at_day_boundary(s, false)) return std::nullopt;
    return with_optional_time(s, day, false);
}

}  // namespace

std::optional<ArticleDate> parse_date(std::string_view text) {
    text = trim(cut_at_control(text));
    if (text.empty()) return std::nullopt;
    if (auto date = parse_timestamp(text)) return date;
    if (auto date = parse_numeric(text)) return date;
    if (auto date = parse_day_month_year(text)) return date;
    return parse_month_day_year(text);
}

std::string format_date(const ArticleDate& date) {
    const CivilDate civil = civil_from_unix(date.unix_seconds);
    char buffer[64];
    switch (date.precision) {
    case DatePrecision::year:
        std::snprintf(buffer, sizeof buffer, "%04d", civil.year);
        break;
    case DatePrecision::month:
        std::snprintf(buffer, sizeof buffer, "%04d-%02u", civil.year, civil.month);
        break;
    case DatePrecision::day:
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", civil.year, civil.month, civil.day);
        break;
    case DatePrecision::second: {
        const std::int64_t in_day =
            date.unix_seconds - floor_div(date.unix_seconds, seconds_per_day) * seconds_per_day;
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", civil.year, civil.month,
                      civil.day, static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                      static_cast<int>(in_day % 60));
        break;
    }
    }
    return buffer;
}

// The calendar is counted in 400-year eras (146097 days each, the Gregorian cycle) with the
// year starting on 1 March, so the leap day falls at the end of a year and month lengths
// follow a fixed pattern: (153 * m + 2) / 5 gives the days before month m counted from March.
std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t year_of_era = y - era * 400;                           // 0..399
    const std::int64_t month_from_march = month > 2 ? month - 3 : month + 9;  // 0..11
    const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // 719468 days separate 0000-03-01, the start of era 0, from 1970-01-01.
    return era * 146097 + day_of_era - 719468;
}

// The inverse of days_from_civil, on the same March-based 400-year eras.
CivilDate civil_from_unix(std::int64_t unix_seconds) {
    const std::int64_t days = floor_div(unix_seconds, seconds_per_day) + 719468;
    const std::int64_t era = floor_div(days, 146097);
    const std::int64_t day_of_era = days - era * 146097;  // 0..146096
    // Removes the leap days so far (one per 4 years, minus one per 100, plus one per 400)
    // to find how many whole 365-day years have passed.
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
    const auto day = static_cast<unsigned>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    const auto month = static_cast<unsigned>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    const auto year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

}  // namespace newsdex
