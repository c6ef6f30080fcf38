#include "search/sort_order.h"

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
    enquire.set_sort_by_value_then_relevance(
        order == SortOrder::newest_first ? schema::kNewestFirstSlot : schema::kOldestFirstSlot, false);
}

}  // namespace newsdex
