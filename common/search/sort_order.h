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

// Sets `enquire` to list matches in `order` (relevance leaves Xapian's default).
void apply_sort_order(Xapian::Enquire& enquire, SortOrder order);

// Sort keys for date orders: compared as bytes, ascending, they give the wanted order with
// undated articles (no date value) after every dated one.
class DateKeyMaker : public Xapian::KeyMaker {
public:
    explicit DateKeyMaker(bool newest_first) : newest_first_(newest_first) {}
    std::string operator()(const Xapian::Document& doc) const override;

private:
    bool newest_first_;
};

}  // namespace newsdex
