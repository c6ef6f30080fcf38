#include "output/timing_summary.h"

#include <algorithm>
#include <cmath>

namespace newsdex {

namespace {

std::int64_t nearest_rank(const std::vector<std::int64_t>& sorted, int percent) {
    // ceil(p × N / 100) in integers, so 95 % of 20 is rank 19 exactly, not 19.000001.
    const std::size_t rank = (static_cast<std::size_t>(percent) * sorted.size() + 99) / 100;
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}

}  // namespace

std::string timing_summary(std::vector<std::int64_t> micros) {
    if (micros.empty()) return "timing: 0 queries";
    std::sort(micros.begin(), micros.end());
    double sum = 0;
    for (const auto us : micros) sum += static_cast<double>(us);
    const auto mean = static_cast<std::int64_t>(std::llround(sum / static_cast<double>(micros.size())));
    return "timing: " + std::to_string(micros.size()) + " queries, p50 " + std::to_string(nearest_rank(micros, 50)) +
           " us, p95 " + std::to_string(nearest_rank(micros, 95)) + " us, p99 " +
           std::to_string(nearest_rank(micros, 99)) + " us, mean " + std::to_string(mean) + " us";
}

}  // namespace newsdex
