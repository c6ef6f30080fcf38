// How a timeline (search/timeline.h) is printed: text rows with bars, the JSON members, and the
// rows of CSV/TSV. Formatting only; the caller writes the query, query ids and headers.
//
// Text, one line per period, oldest first, nothing else when there are no periods:
//     <label>  <count>  <bar>
// the label padded on the right to the widest label, the count right-aligned to the widest
// count, two spaces between columns. The bar is made of U+2588 (full block) and, for the last
// eighth-part, one of U+2589..U+258F (7/8 down to 1/8); its length in eighths is
// count / largest count × bar width × 8, rounded half up, and at least 1/8 for a count above 0,
// where the bar width is `width` minus the label, count and separators (at least
// kTimelineMinBarWidth), so the largest count's line is exactly `width` columns. A period with
// count 0 has no bar and no trailing spaces. After the periods, "undated  N" when N > 0.
// Every line ends with '\n'.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/timeline.h"

namespace newsdex {

inline constexpr std::size_t kTimelineMinBarWidth = 10;

// The text rows above, for a terminal `width` columns wide (the caller passes 60 when the
// output is not a terminal).
std::string timeline_text(const Timeline& timeline, std::size_t width);

// {"period": "month", "buckets": [{"period": "1987-03", "count": 11}, ...], "undated": 0}.
// The caller puts "query" (and "qid") first and appends these members, e.g.
//     nlohmann::ordered_json out{{"query", q}}; out.update(timeline_json(t));
// (ordered_json::update appends new keys in order).
nlohmann::ordered_json timeline_json(const Timeline& timeline);

}  // namespace newsdex
