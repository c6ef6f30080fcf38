// Facets: how many matching articles carry each value of a metadata field, counted over every
// match (not only the page shown). A FacetSpy counts the raw values of its value slot with
// Xapian's own ValueCountMatchSpy, which a remote server runs too (it runs no spy of ours),
// and splits what it counted into values; facet_result() then merges values that are one value up to case, accents and
// hyphens (Analyzer::normalize_value), names each by its most frequent written form, and orders
// them largest count first.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "search/results.h"

namespace newsdex {

// Which part of a slot's content is a facet value.
enum class FacetValues {
    single,  // the whole slot (source, language)
    list,    // each of the values joined with schema::kValueSeparator (authors, topics, ...)
    year,    // "YYYY" of a date label
    month,   // "YYYY-MM" of a date label that has a month
};

struct FacetDefinition {
    std::string_view name;  // as given to --facet
    Xapian::valueno slot;
    FacetValues values;
};

// Every facet, in the order --help lists them.
const std::vector<FacetDefinition>& facet_definitions();
std::vector<std::string> facet_names();
// nullptr for an unknown name.
const FacetDefinition* find_facet(std::string_view name);

// Counts the raw values of one facet in the documents Xapian reports as matching. Add
// match_spy() to an Enquire (add_matchspy) that checks every match (check_at_least = the
// document count), or the counts cover only the documents Xapian happened to look at.
class FacetSpy {
public:
    explicit FacetSpy(const FacetDefinition& definition) : definition_(definition), slot_counts_(definition.slot) {}

    Xapian::MatchSpy* match_spy() { return &slot_counts_; }

    // Raw value (one of a list, a year, a month) → number of matching documents carrying it.
    std::map<std::string, std::size_t> raw_counts() const;
    const FacetDefinition& definition() const { return definition_; }

private:
    FacetDefinition definition_;
    Xapian::ValueCountMatchSpy slot_counts_;  // whole slot contents → documents
};

// Merges raw counts into the facet `name`: values whose normalize_value() is the same are one
// value, shown in the written form counted most often (ties: the smaller string); values that
// normalise to nothing are dropped. Ordered by count, largest first, then by normalised value.
// `size` = 0 keeps every value, otherwise the first `size`.
Facet facet_result(std::string_view name, const std::map<std::string, std::size_t>& raw_counts,
                   const Analyzer& analyzer, std::size_t size);

}  // namespace newsdex
