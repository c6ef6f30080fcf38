#include "search/facets.h"

#include <algorithm>
#include <utility>

#include "index/schema.h"

namespace newsdex {

const std::vector<FacetDefinition>& facet_definitions() {
    static const std::vector<FacetDefinition> table = {
        {"source", schema::kSourceSlot, FacetValues::single},
        {"topic", schema::kTopicsSlot, FacetValues::list},
        {"place", schema::kPlacesSlot, FacetValues::list},
        {"author", schema::kAuthorsSlot, FacetValues::list},
        {"org", schema::kOrganisationsSlot, FacetValues::list},
        {"lang", schema::kLanguageSlot, FacetValues::single},
        {"year", schema::kDateLabelSlot, FacetValues::year},
        {"month", schema::kDateLabelSlot, FacetValues::month},
    };
    return table;
}

std::vector<std::string> facet_names() {
    std::vector<std::string> names;
    for (const auto& facet : facet_definitions()) names.emplace_back(facet.name);
    return names;
}

const FacetDefinition* find_facet(std::string_view name) {
    for (const auto& facet : facet_definitions()) {
        if (facet.name == name) return &facet;
    }
    return nullptr;
}

std::map<std::string, std::size_t> FacetSpy::raw_counts() const {
    std::map<std::string, std::size_t> counts;
    for (auto it = slot_counts_.values_begin(); it != slot_counts_.values_end(); ++it) {
        const std::string slot = *it;
        const std::size_t documents = it.get_termfreq();
        switch (definition_.values) {
            case FacetValues::single:
                counts[slot] += documents;
                break;
            case FacetValues::list:
                for (const std::string_view value : schema::split_values(slot)) {
                    if (!value.empty()) counts[std::string(value)] += documents;
                }
                break;
            // Date labels are "YYYY", "YYYY-MM" or "YYYY-MM-DD": the year is up to the first
            // '-' (so a year before 1000 or after 9999 still works), the month up to the second.
            case FacetValues::year:
                counts[slot.substr(0, slot.find('-', 1))] += documents;
                break;
            case FacetValues::month: {
                const std::size_t first = slot.find('-', 1);
                if (first == std::string::npos) break;  // a year-precision date has no month
                counts[slot.substr(0, slot.find('-', first + 1))] += documents;
                break;
            }
        }
    }
    return counts;
}

namespace {

struct Merged {
    std::string key;  // the normalised value
    std::size_t count = 0;
    std::string shown;
    std::size_t shown_count = 0;  // how many documents wrote it as `shown`
};

}  // namespace

Facet facet_result(std::string_view name, const std::map<std::string, std::size_t>& raw_counts,
                   const Analyzer& analyzer, std::size_t size) {
    std::map<std::string, Merged> by_key;
    // raw_counts iterates in ascending order, so on a tie the form seen first is the smaller.
    for (const auto& [raw, count] : raw_counts) {
        std::string key = analyzer.normalize_value(raw);
        if (key.empty()) continue;
        Merged& merged = by_key[key];
        if (merged.key.empty()) merged.key = std::move(key);
        merged.count += count;
        if (count > merged.shown_count) {
            merged.shown = raw;
            merged.shown_count = count;
        }
    }
    std::vector<Merged> values;
    values.reserve(by_key.size());
    for (auto& entry : by_key) values.push_back(std::move(entry.second));
    std::stable_sort(values.begin(), values.end(), [](const Merged& a, const Merged& b) {
        if (a.count != b.count) return a.count > b.count;
        return a.key < b.key;
    });
    if (size != 0 && values.size() > size) values.resize(size);

    Facet facet;
    facet.name = std::string(name);
    facet.values.reserve(values.size());
    for (auto& value : values) facet.values.push_back({std::move(value.shown), value.count});
    return facet;
}

}  // namespace newsdex
