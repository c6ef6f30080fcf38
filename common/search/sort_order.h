// The orders results can be listed in. Relevance is BM25 with Xapian's docid order for ties;
// date orders put undated articles last in both directions and break ties by relevance, then
// docid, so the same query on the same database always lists the same order and pages of it
// (--offset, -n) never overlap or skip.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

enum class SortOrder {
    relevance,
    date,         // oldest first
    newest_first  // "-date"
};

// "relevance", "date" or "-date"; throws Error for anything else.
SortOrder parse_sort_order(std::string_view name);

// Sets `enquire` to list matches in `order` (relevance leaves Xapian's default). Date orders
// sort by the keys stored at index time (schema::date_sort_key), which remote parts can do.
void apply_sort_order(Xapian::Enquire& enquire, SortOrder order);

}  // namespace newsdex
