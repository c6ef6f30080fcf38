#include "search/timeline.h"

#include <cmath>
#include <cstdio>

#include "article/date.h"
#include "index/schema.h"
#include "util/errors.h"

namespace newsdex {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
// 1970-01-01 was a Thursday, so the Monday of its ISO week is 3 days earlier: week index w
// starts on day 7w - 3.
constexpr std::int64_t kDaysFromWeekStartToEpoch = 3;

// The dates a slot may hold: 0000-01-01 to 9999-12-31. Anything else is not a date the
// indexer wrote, and casting a huge double to an integer would be undefined.
constexpr double kEarliestSeconds = -62167219200.0;
constexpr double kLatestSeconds = 253402300799.0;

// Rounds towards minus infinity, so days and weeks before 1970 start where they should.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

CivilDate civil_from_days(std::int64_t days) { return civil_from_unix(days * kSecondsPerDay); }

}  // namespace

std::optional<TimelinePeriod> parse_timeline_period(std::string_view name) {
    if (name == "day") return TimelinePeriod::day;
    if (name == "week") return TimelinePeriod::week;
    if (name == "month") return TimelinePeriod::month;
    if (name == "year") return TimelinePeriod::year;
    return std::nullopt;
}

std::string_view timeline_period_name(TimelinePeriod period) {
    switch (period) {
        case TimelinePeriod::day: return "day";
        case TimelinePeriod::week: return "week";
        case TimelinePeriod::month: return "month";
        case TimelinePeriod::year: return "year";
    }
    return "month";
}

std::int64_t period_index(std::int64_t unix_seconds, TimelinePeriod period) {
    const std::int64_t days = floor_div(unix_seconds, kSecondsPerDay);
    switch (period) {
        case TimelinePeriod::day:
            return days;
        case TimelinePeriod::week:
            return floor_div(days + kDaysFromWeekStartToEpoch, 7);
        case TimelinePeriod::month: {
            const CivilDate date = civil_from_days(days);
            return static_cast<std::int64_t>(date.year) * 12 + (date.month - 1);
        }
        case TimelinePeriod::year:
            return civil_from_days(days).year;
    }
    return days;
}

std::string period_index_label(std::int64_t index, TimelinePeriod period) {
    char buffer[32];
    switch (period) {
        case TimelinePeriod::day: {
            const CivilDate date = civil_from_days(index);
            std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
            break;
        }
        case TimelinePeriod::week: {
            // ISO 8601: a week belongs to the year of its Thursday, and week 1 is the week
            // holding that year's first Thursday, so the Thursday's day of the year gives the
            // week number.
            const std::int64_t thursday = index * 7 - kDaysFromWeekStartToEpoch + 3;
            const int week_year = civil_from_days(thursday).year;
            const std::int64_t week = (thursday - days_from_civil(week_year, 1, 1)) / 7 + 1;
            std::snprintf(buffer, sizeof buffer, "%04d-W%02d", week_year, static_cast<int>(week));
            break;
        }
        case TimelinePeriod::month: {
            const std::int64_t year = floor_div(index, 12);
            const std::int64_t month = index - year * 12 + 1;
            std::snprintf(buffer, sizeof buffer, "%04d-%02d", static_cast<int>(year), static_cast<int>(month));
            break;
        }
        case TimelinePeriod::year:
            std::snprintf(buffer, sizeof buffer, "%04d", static_cast<int>(index));
            break;
    }
    return buffer;
}

std::string period_label(std::int64_t unix_seconds, TimelinePeriod period) {
    return period_index_label(period_index(unix_seconds, period), period);
}

void TimelineSpy::operator()(const Xapian::Document& doc, double) {
    const std::string slot = doc.get_value(schema::kDateSlot);
    if (slot.empty()) {
        add(std::nullopt);
        return;
    }
    const double seconds = std::floor(Xapian::sortable_unserialise(slot));
    if (!(seconds >= kEarliestSeconds && seconds <= kLatestSeconds)) {  // also NaN
        add(std::nullopt);
        return;
    }
    add(static_cast<std::int64_t>(seconds));
}

void TimelineSpy::add(std::optional<std::int64_t> unix_seconds) {
    if (!unix_seconds) {
        ++undated_;
        return;
    }
    ++counts_[period_index(*unix_seconds, period_)];
}

Timeline timeline_result(const TimelineSpy& spy, std::optional<std::int64_t> since,
                         std::optional<std::int64_t> until) {
    Timeline timeline;
    timeline.period = spy.period();
    timeline.undated = spy.undated();

    const auto& counts = spy.counts();
    std::optional<std::int64_t> first;
    std::optional<std::int64_t> last;
    if (since) first = period_index(*since, spy.period());
    if (until) last = period_index(*until, spy.period());
    if (!first) first = !counts.empty() ? std::optional(counts.begin()->first) : last;
    if (!last) last = !counts.empty() ? std::optional(counts.rbegin()->first) : first;
    if (!first || !last || *first > *last) return timeline;

    // Both ends are small (years 0 to 9999 at most, or what --since/--until parse), so the
    // difference cannot overflow.
    const std::int64_t periods = *last - *first + 1;
    if (periods > kMaxTimelinePeriods) {
        throw Error("a " + std::string(timeline_period_name(spy.period())) + " timeline from " +
                    period_index_label(*first, spy.period()) + " to " +
                    period_index_label(*last, spy.period()) + " has " + std::to_string(periods) +
                    " periods, more than " + std::to_string(kMaxTimelinePeriods) +
                    "; use a longer period or narrow it with --since/--until");
    }
    timeline.buckets.reserve(static_cast<std::size_t>(periods));
    auto next = counts.lower_bound(*first);
    for (std::int64_t index = *first; index <= *last; ++index) {
        std::size_t count = 0;
        if (next != counts.end() && next->first == index) {
            count = next->second;
            ++next;
        }
        timeline.buckets.push_back({period_index_label(index, spy.period()), count});
    }
    return timeline;
}

}  // namespace newsdex
