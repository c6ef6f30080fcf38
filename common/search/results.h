// What a search returns: the hits of one page, facets and a suggestion, with everything the
// printers need; and what --stats reports. The printers only format these; they never query
// the database.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "article/article.h"
#include "search/timeline.h"
#include "snippet/concordance.h"
#include "snippet/snippet.h"

namespace newsdex {

struct Hit {
    std::size_t rank = 0;  // 1-based, counting from the first result of the whole list (offset + i + 1)
    double score = 0.0;
    Article article;       // decoded from the document's stored data (path and id filled)
    Snippet snippet;       // empty when the request asked for none
    // With --collapse: how many other articles of this hit's wire-copy group match the query.
    std::optional<std::size_t> copies;
};

// How a query was ranked, so a run can be reproduced and compared (--format json).
struct Expansion {
    std::size_t docs = 0;             // top articles taken as relevant
    std::size_t max_terms = 0;        // terms asked for
    double weight = 0.0;              // their weight relative to the query's
    std::vector<std::string> terms;   // the terms added, best first
};
struct Ranking {
    std::string model = "bm25";
    double k1 = 1.0, k2 = 0.0, k3 = 1.0, b = 0.5, min_normlen = 0.5;  // Xapian::BM25Weight's defaults
    std::string sort = "relevance";   // relevance, date or -date
    std::optional<Expansion> expand;
    std::optional<std::string> like;  // the article id of --like
};

// One value of a facet and the number of matching articles that carry it.
struct FacetCount {
    std::string value;  // the written form most articles use
    std::size_t count = 0;

    friend bool operator==(const FacetCount&, const FacetCount&) = default;
};

struct Facet {
    std::string name;                // as given to --facet: "topic", "year", ...
    std::vector<FacetCount> values;  // largest count first, then by value

    friend bool operator==(const Facet&, const Facet&) = default;
};

struct SearchResults {
    std::string query;          // the query as the user typed it
    std::optional<std::string> qid;  // the query's id in a batch (--queries); none on the command line
    std::size_t total = 0;      // Xapian's estimate of all matches (exact when facets were asked)
    std::size_t offset = 0;
    std::vector<Hit> hits;
    std::vector<Facet> facets;  // over all matches, in the order asked for; empty when none asked
    std::optional<std::string> suggestion;  // a corrected query, when one was found
    std::vector<std::string> warnings;      // about the query (e.g. a capped expansion); not printed by printers
    Ranking ranking;
    // --timing: microseconds from the query's text reaching the parser to its results being
    // ready to print (set by the caller; JSON prints it).
    std::optional<std::int64_t> time_us;
};

// One query's counts over time (--timeline).
struct TimelineResults {
    std::string query;
    std::optional<std::string> qid;
    Timeline timeline;
    std::vector<std::string> warnings;  // about the query; not printed by printers
};

// Every occurrence of a query's words and phrases in its top articles (--kwic).
struct ConcordanceEntry {
    std::string id;                      // the article's
    std::vector<ConcordanceLine> lines;  // title first, then body, in text order
};
struct ConcordanceResults {
    std::string query;
    std::optional<std::string> qid;
    std::size_t width = 40;                 // code points of context either side
    std::vector<ConcordanceEntry> articles;  // in rank order
    std::vector<std::string> warnings;      // about the query; not printed by printers
};

// What a database holds (--stats).
// One of the databases searched together (database/shard_set.h), as --stats lists it.
struct PartStats {
    std::string label;  // its path, or "remote HOST:PORT"
    bool remote = false;
    std::size_t articles = 0;
    std::size_t shards = 0;
    std::optional<std::uintmax_t> bytes;  // none for a remote part
    std::string of_collection;            // "K/N" for a part indexed with --part, else ""
};

struct DatabaseStats {
    std::string path;
    std::size_t articles = 0;
    std::optional<std::int64_t> earliest;  // Unix seconds, UTC; none when no article is dated
    std::optional<std::int64_t> latest;
    std::size_t undated = 0;
    std::vector<FacetCount> sources;    // each with its article count, largest first
    std::vector<FacetCount> languages;
    std::vector<FacetCount> topics;
    std::size_t shards = 0;
    std::uintmax_t bytes = 0;           // every file of the database folder
    std::string language;               // analyzer settings: stemmer name or "none"
    std::string accents;                // "fold" or "keep"
    bool metadata_text = true;          // metadata values are searchable words (--metadata-text)
    int format = 0;                     // kDatabaseFormat of the database
    std::vector<PartStats> parts;       // one a database searched; the figures above add them up
};

}  // namespace newsdex
