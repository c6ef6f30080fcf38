// Every article a query matches, handed out a page at a time: --export writes them as they
// come, and the Python module's export() yields them, so neither holds more than a page of
// articles. Made by Searcher::export_cursor, which has parsed the query and set up the
// ranking; the cursor only walks the matches.
#pragma once

#include <cstddef>
#include <unordered_set>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/results.h"

namespace newsdex {

class MatchCursor {
public:
    // `ranked` false: database order, read from `enquire` (boolean weights, docid order) in
    // pages, so a page costs the postings up to it and only its docids are held. True: the
    // enquire's own order, all of whose ranking (ids and scores, not articles) is read at
    // once. `total` is the exact number of matches; `path` names the database in errors.
    MatchCursor(Xapian::Enquire enquire, bool ranked, std::size_t total, Xapian::doccount doccount,
                std::string path);

    // Several parts may hold the same article (sources that overlap): hand out each article
    // once, at its first place (by the hash of its unique key, schema::kArticleKeySlot).
    // Costs 8 bytes a match handed out; total() still counts every copy.
    void one_per_article() { one_per_article_ = true; }

    std::size_t total() const { return total_; }

    // Up to `max` (≥ 1) more hits, in order, ranks counting from 1; empty at the end. No
    // snippets. Throws Error when an indexer's commit changed the database since the cursor
    // was made (what was handed out so far and what would follow would not agree).
    std::vector<Hit> next(std::size_t max);

private:
    Xapian::Enquire enquire_;
    bool ranked_;
    std::size_t total_;
    Xapian::doccount doccount_;
    std::string path_;
    Xapian::MSet page_;
    Xapian::doccount page_first_ = 0;  // rank - 1 of the page's first hit
    Xapian::doccount in_page_ = 0;     // the next hit's place in the page
    bool started_ = false;
    std::size_t rank_ = 0;
    bool one_per_article_ = false;
    std::unordered_set<std::string> keys_seen_;  // kArticleKeySlot values handed out (8 bytes each)
};

}  // namespace newsdex
