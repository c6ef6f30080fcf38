#include "search/sort_order.h"

#include <cmath>
#include <cstdint>

#include "index/schema.h"
#include "util/errors.h"

namespace newsdex {

SortOrder parse_sort_order(std::string_view name) {
    if (name == "relevance") return SortOrder::relevance;
    if (name == "date") return SortOrder::date;
    if (name == "-date") return SortOrder::newest_first;
    throw Error("unknown sort order '" + std::string(name) + "' (known: relevance, date, -date)");
}

void apply_sort_order(Xapian::Enquire& enquire, SortOrder order) {
    if (order == SortOrder::relevance) return;
    // The keys alone give the date order, undated last, so no reversing; equal keys are then
    // ordered by relevance and equal relevance by docid (Xapian's default, ascending).
    // release() hands the key maker to Xapian, which deletes it with the Enquire.
    enquire.set_sort_by_key_then_relevance((new DateKeyMaker(order == SortOrder::newest_first))->release(), false);
}

// A dated key is 0x00 then 8 big-endian bytes of the time (offset so that negative times,
// before 1970, sort first); newest first inverts those bytes, which inverts the order because
// every dated key has the same width. Dated keys start with 0x00, so all of them sort before
// "\x01", the undated key, in both directions.
std::string DateKeyMaker::operator()(const Xapian::Document& doc) const {
    const std::string value = doc.get_value(schema::kDateSlot);
    if (value.empty()) return std::string(1, '\x01');
    const double seconds = Xapian::sortable_unserialise(value);
    const auto clamped = std::isnan(seconds) ? 0.0 : std::fmax(-9.2e18, std::fmin(9.2e18, seconds));
    std::uint64_t bits = static_cast<std::uint64_t>(static_cast<std::int64_t>(clamped)) ^ (std::uint64_t{1} << 63);
    if (newest_first_) bits = ~bits;
    std::string key(9, '\0');
    for (int i = 8; i >= 1; --i, bits >>= 8) key[i] = static_cast<char>(bits & 0xFF);
    return key;
}

}  // namespace newsdex
