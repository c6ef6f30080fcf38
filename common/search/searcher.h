// Answers queries against a Newsdex database: reads the analyzer settings the database was
// built with, parses the query with that analyzer, ranks with BM25 (or sorts by date), counts
// facets over all matches, and builds each hit's snippet from the stored text. Also counts
// matches exactly (--count) and describes the database (--stats). Returns data; printing is
// the printers' job.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "query/query_parser.h"
#include "search/results.h"
#include "search/sort_order.h"

namespace newsdex {

struct SearchRequest {
    std::string query;
    MatchMode mode = MatchMode::all;
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::size_t snippet_chars = 200;
    SortOrder sort = SortOrder::relevance;
    std::vector<std::string> facets;  // facet names (facets.h), counted over all matches; repeats ignored
    std::size_t facet_size = 10;      // values per facet; 0 = all
    // Only articles dated on or after `since` / on or before `until` ("YYYY", "YYYY-MM" or
    // "YYYY-MM-DD", inclusive; empty = open). Throws QueryError for a bad date.
    std::string since, until;
    bool suggest = true;  // suggest a corrected query when fewer than 3 articles match
    std::size_t max_expansions = kDefaultMaxExpansions;  // words a wildcard may expand to
};

class Searcher {
public:
    // Throws Error when there is no database at the path, it cannot be opened, or it was not
    // made by a compatible newsdex-index.
    explicit Searcher(const std::string& db_path);

    // Throws QueryError for a malformed query, Error for an unknown facet name.
    SearchResults search(const SearchRequest& request);

    // Results without hits whose `total` is the exact number of articles matching the
    // request's query (paging, sorting and facets do not matter). Throws QueryError for a
    // malformed query.
    SearchResults count(const SearchRequest& request);

    // What the database holds (--stats).
    DatabaseStats stats();

    // The stored articles whose id is `id` (exact matches first, then matches up to case and
    // accents), for --show.
    std::vector<Article> find_by_id(const std::string& id);

    const AnalyzerSettings& settings() const { return analyzer_.settings(); }

private:
    std::string path_;
    std::vector<Xapian::Database> shards_;  // declared before db_: open_readable fills it
    Xapian::Database db_;
    Analyzer analyzer_;

    SearchResults run(const SearchRequest& request);
    SearchResults run_count(const SearchRequest& request);
    ParsedQuery parse(const SearchRequest& request);
    // A corrected query that finds more than `found` articles, if the speller has one.
    std::optional<std::string> suggest(const ParsedQuery& parsed, const SearchRequest& request, std::size_t found);
    void weigh(std::vector<MatchPattern>& patterns) const;
    // Runs `attempt`, reopening and retrying when an indexer's commit got in the way.
    template <typename Attempt>
    auto retrying(Attempt&& attempt);
};

}  // namespace newsdex
