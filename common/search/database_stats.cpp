#include "search/database_stats.h"

#include <algorithm>
#include <string_view>

#include "index/schema.h"
#include "index/shard_layout.h"

namespace newsdex {

namespace {

// The written form of the value a boolean term stands for, taken from the value slot of the
// first article that carries the term (the term holds only the normalised form). A
// single-valued slot splits into itself.
std::string written_form(const Xapian::Database& db, const std::string& term, std::string_view prefix,
                         Xapian::valueno slot, const Analyzer& analyzer) {
    const std::string normalised = term.substr(prefix.size());
    const auto posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) return normalised;
    const std::string stored = db.get_document(*posting).get_value(slot);
    for (const std::string_view value : schema::split_values(stored)) {
        if (analyzer.normalize_value(value) == normalised) return std::string(value);
    }
    return normalised;
}

// Every value of one boolean prefix with its article count (the term frequency), largest
// first, ties by the normalised value.
std::vector<FacetCount> value_counts(const Xapian::Database& db, std::string_view prefix, Xapian::valueno slot,
                                     const Analyzer& analyzer) {
    struct Entry {
        std::string term;
        std::size_t count;
    };
    std::vector<Entry> entries;
    const std::string start(prefix);
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
        entries.push_back({*it, it.get_termfreq()});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.count > b.count;  // allterms are in term order already
    });
    std::vector<FacetCount> counts;
    counts.reserve(entries.size());
    for (const auto& entry : entries) {
        counts.push_back({written_form(db, entry.term, prefix, slot, analyzer), entry.count});
    }
    return counts;
}

}  // namespace

DatabaseStats collect_stats(const ShardSet& set, const Analyzer& analyzer) {
    const Xapian::Database& db = set.whole();
    DatabaseStats stats;
    stats.path = set.description();
    stats.articles = db.get_doccount();
    const Xapian::doccount dated = db.get_value_freq(schema::kDateSlot);
    stats.undated = stats.articles - std::min<std::size_t>(dated, stats.articles);
    if (dated > 0) {
        stats.earliest = static_cast<std::int64_t>(
            Xapian::sortable_unserialise(db.get_value_lower_bound(schema::kDateSlot)));
        stats.latest = static_cast<std::int64_t>(
            Xapian::sortable_unserialise(db.get_value_upper_bound(schema::kDateSlot)));
    }
    stats.sources = value_counts(db, schema::kSource, schema::kSourceSlot, analyzer);
    stats.languages = value_counts(db, schema::kLanguage, schema::kLanguageSlot, analyzer);
    stats.topics = value_counts(db, schema::kTopic, schema::kTopicsSlot, analyzer);
    stats.shards = set.shards().size();
    stats.language = analyzer.settings().language;
    stats.accents = analyzer.settings().fold_accents ? "fold" : "keep";
    stats.metadata_text = analyzer.settings().metadata_text;
    stats.format = kDatabaseFormat;
    for (const Part& part : set.parts()) {
        PartStats figures;
        figures.label = part.label;
        figures.remote = part.remote;
        figures.shards = part.shard_count;
        if (part.of_collection) figures.of_collection = part.of_collection->text();
        for (std::size_t i = 0; i < part.shard_count; ++i) {
            figures.articles += set.shards()[part.first_shard + i].get_doccount();
        }
        if (!part.remote) {
            figures.bytes = shard_layout::folder_bytes(part.folder);
            stats.bytes += *figures.bytes;  // the local parts' folders; a remote part's size is not known here
        }
        stats.parts.push_back(std::move(figures));
    }
    return stats;
}

}  // namespace newsdex
