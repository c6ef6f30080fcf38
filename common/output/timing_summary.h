// The closing line of --timing: how long the queries of a run took, as percentiles a reader
// can compare across runs and machines.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsdex {

// "timing: N queries, p50 X us, p95 X us, p99 X us, mean X us": nearest-rank percentiles
// (the value at rank ceil(p/100 × N) of the times sorted ascending) and the mean rounded to
// the nearest microsecond. "timing: 0 queries" when there are none.
std::string timing_summary(std::vector<std::int64_t> micros);

}  // namespace newsdex
