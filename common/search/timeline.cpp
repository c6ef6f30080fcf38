#include "search/timeline.h"

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

void TimelineSpy::add(std::optional<std::int64_t> unix_seconds) {
    if (!unix_seconds) {
        ++added_undated_;
        return;
    }
    ++added_[period_index(*unix_seconds, period_)];
}

std::map<std::int64_t, std::size_t> TimelineSpy::counts() const {
    std::map<std::int64_t, std::size_t> counts = added_;
    for (auto it = labels_.values_begin(); it != labels_.values_end(); ++it) {
        if (const auto seconds = date_label_seconds(*it)) counts[period_index(*seconds, period_)] += it.get_termfreq();
    }
    return counts;
}

std::size_t TimelineSpy::undated() const {
    // The spy counts every document it sees but lists only those with a label.
    std::size_t dated = 0;
    for (auto it = labels_.values_begin(); it != labels_.values_end(); ++it) {
        if (date_label_seconds(*it)) dated += it.get_termfreq();
    }
    return added_undated_ + (labels_.get_total() - dated);
}

std::optional<std::int64_t> date_label_seconds(std::string_view label) {
    // "YYYY", "YYYY-MM" or "YYYY-MM-DD" as schema::date_label writes them: a year of one to
    // four digits, two-digit month and day.
    unsigned fields[3] = {0, 1, 1};
    std::size_t count = 0;
    while (count < 3) {
        const std::size_t dash = label.find('-');
        const std::string_view digits = label.substr(0, dash);
        const std::size_t width = digits.size();
        if (width == 0 || (count == 0 ? width > 4 : width != 2)) return std::nullopt;
        unsigned value = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + static_cast<unsigned>(c - '0');
        }
        fields[count++] = value;
        if (dash == std::string_view::npos) break;
        label.remove_prefix(dash + 1);
        if (count == 3) return std::nullopt;  // something after the day
    }
    const auto [year, month, day] = fields;
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    return days_from_civil(static_cast<int>(year), month, day) * kSecondsPerDay;
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
