// Timelines (--timeline day|week|month|year): how many matching articles fall in each period,
// counted over every match (not only the page shown), with the empty periods between listed as
// 0 and the undated matches counted apart. Periods are UTC calendar periods; weeks are ISO 8601
// weeks (Monday first, labelled by their week-year). Dates before 1970 work like any other.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/schema.h"

namespace newsdex {

enum class TimelinePeriod { day, week, month, year };

// "day", "week", "month", "year" (exactly, lower case); nullopt for anything else.
std::optional<TimelinePeriod> parse_timeline_period(std::string_view name);
// The inverse: "day", "week", "month" or "year".
std::string_view timeline_period_name(TimelinePeriod period);

// Periods are numbered by consecutive integers, so the periods between two are the integers
// between their indexes: days since 1970-01-01; weeks since the one starting Monday
// 1969-12-29; months as year * 12 + month - 1; years as the year.
std::int64_t period_index(std::int64_t unix_seconds, TimelinePeriod period);
// "1987-03-02", "1987-W10" (ISO week-year and week), "1987-03" or "1987".
std::string period_index_label(std::int64_t index, TimelinePeriod period);
// The label of the period holding that instant (UTC).
std::string period_label(std::int64_t unix_seconds, TimelinePeriod period);

// Counts the matching documents per period of their date, and those without a date apart.
// It counts the date label slot (schema::kDateLabelSlot: "YYYY", "YYYY-MM" or "YYYY-MM-DD",
// the UTC day of the stored date) with Xapian's own ValueCountMatchSpy, which a remote server
// runs too, and folds the days into periods: a day lies in one period of each kind, and there
// are far fewer days than dates. An article dated only to a year or a month counts on the
// first day of it. Add match_spy() to an Enquire (add_matchspy) that checks every match
// (check_at_least = the document count), or the counts cover only the documents Xapian
// happened to look at.
class TimelineSpy {
public:
    explicit TimelineSpy(TimelinePeriod period) : period_(period), labels_(schema::kDateLabelSlot) {}

    Xapian::MatchSpy* match_spy() { return &labels_; }
    // Counts one more article dated at `unix_seconds`, or an undated one (nullopt), besides
    // what the match spy saw.
    void add(std::optional<std::int64_t> unix_seconds);

    TimelinePeriod period() const { return period_; }
    // Period index (see period_index) → number of matching documents; only periods counted.
    std::map<std::int64_t, std::size_t> counts() const;
    // Matching documents without a date, or with a label no date could have (damaged data).
    std::size_t undated() const;

private:
    TimelinePeriod period_;
    Xapian::ValueCountMatchSpy labels_;  // date label → documents
    std::map<std::int64_t, std::size_t> added_;
    std::size_t added_undated_ = 0;
};

// The first second (UTC) of the day, month or year a date label names; nullopt for text
// that is no label of a date from 0000 to 9999.
std::optional<std::int64_t> date_label_seconds(std::string_view label);

struct TimelineBucket {
    std::string period;  // period_index_label()
    std::size_t count = 0;

    friend bool operator==(const TimelineBucket&, const TimelineBucket&) = default;
};

struct Timeline {
    TimelinePeriod period = TimelinePeriod::month;
    std::vector<TimelineBucket> buckets;  // oldest first, every period of the range
    std::size_t undated = 0;

    friend bool operator==(const Timeline&, const Timeline&) = default;
};

// The most periods one timeline lists; a longer range (days over millennia, from a stray
// date) is an Error asking for a longer period or --since/--until.
inline constexpr std::int64_t kMaxTimelinePeriods = 1'000'000;

// Every period from `since`'s to `until`'s, each with its count (0 when none). Pass as `since`
// the first second of --since and as `until` the last second of --until (DateSpan first and
// last). An end not given is the first (or last) period counted; when nothing dated was
// counted it is the other end's period, and with neither end given the buckets are empty.
// Periods counted outside the range are left out (none are when the query carries the same
// date filter); a range that ends before it starts has no buckets. Throws Error when the range holds more than kMaxTimelinePeriods periods.
Timeline timeline_result(const TimelineSpy& spy, std::optional<std::int64_t> since,
                         std::optional<std::int64_t> until);

}  // namespace newsdex
