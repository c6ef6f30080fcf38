// The stem → words table. The index holds words as written (positional), not stems: a keyword
// query expands its word to every indexed word with the same stem, joined with OP_SYNONYM so
// BM25 weighs the forms as one term. That gives stemmed matching without doubling postings.
//
// Stored in the database metadata under "stem:<stem>" as '\n'-separated words. Only words that
// differ from their stem are listed; the stem itself is always a candidate at query time.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"

namespace newsdex {

class StemTableWriter {
public:
    explicit StemTableWriter(const Analyzer& analyzer) : analyzer_(analyzer) {}

    // Records an indexed word; cheap for words already seen in this run.
    void add(const std::string& term);

    // Merges the words recorded since the last flush into the database's table
    // (to be committed with the documents that use them).
    void flush(Xapian::WritableDatabase& db);

private:
    const Analyzer& analyzer_;
    std::unordered_set<std::string> seen_;
    std::unordered_map<std::string, std::vector<std::string>> pending_;
};

// The words a keyword query for `word` (already normalised) should match: the word itself,
// its stem, and every indexed word with that stem. Sorted, without duplicates.
// Each shard keeps the table of its own words, so all shards are asked.
std::vector<std::string> expand_keyword(const std::vector<Xapian::Database>& shards,
                                        const Analyzer& analyzer, const std::string& word);

}  // namespace newsdex
