#include "output/timeline_output.h"

#include <algorithm>

namespace newsdex {

namespace {

// U+2588 FULL BLOCK, and U+2590 - n the left n eighths (n = 1..7), in UTF-8.
const std::string kFullBlock = "\u2588";
std::string partial_block(unsigned eighths) {
    const char32_t code = 0x2590 - eighths;
    std::string out;
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
    return out;
}

std::string bar(std::size_t count, std::size_t largest, std::size_t bar_width) {
    if (count == 0 || largest == 0) return {};
    // Rounded half up: (2 · count · width · 8 + largest) / (2 · largest), in integers.
    std::size_t eighths = (2 * count * bar_width * 8 + largest) / (2 * largest);
    eighths = std::max<std::size_t>(eighths, 1);
    std::string out;
    for (std::size_t i = 0; i < eighths / 8; ++i) out += kFullBlock;
    if (eighths % 8 != 0) out += partial_block(static_cast<unsigned>(eighths % 8));
    return out;
}

}  // namespace

std::string timeline_text(const Timeline& timeline, std::size_t width) {
    std::size_t label_width = 0;
    std::size_t count_width = 0;
    std::size_t largest = 0;
    for (const auto& bucket : timeline.buckets) {
        label_width = std::max(label_width, bucket.period.size());  // labels are ASCII
        count_width = std::max(count_width, std::to_string(bucket.count).size());
        largest = std::max(largest, bucket.count);
    }
    const std::size_t used = label_width + 2 + count_width + 2;
    const std::size_t bar_width = width > used + kTimelineMinBarWidth ? width - used : kTimelineMinBarWidth;

    std::string out;
    for (const auto& bucket : timeline.buckets) {
        const std::string count = std::to_string(bucket.count);
        out += bucket.period;
        out.append(label_width - bucket.period.size() + 2 + count_width - count.size(), ' ');
        out += count;
        if (bucket.count > 0) {
            out += "  ";
            out += bar(bucket.count, largest, bar_width);
        }
        out += '\n';
    }
    if (timeline.undated > 0) out += "undated  " + std::to_string(timeline.undated) + '\n';
    return out;
}

nlohmann::ordered_json timeline_json(const Timeline& timeline) {
    nlohmann::ordered_json buckets = nlohmann::ordered_json::array();
    for (const auto& bucket : timeline.buckets) {
        nlohmann::ordered_json entry;
        entry["period"] = bucket.period;
        entry["count"] = bucket.count;
        buckets.push_back(std::move(entry));
    }
    nlohmann::ordered_json out;
    out["period"] = std::string(timeline_period_name(timeline.period));
    out["buckets"] = std::move(buckets);
    out["undated"] = timeline.undated;
    return out;
}

}  // namespace newsdex
