// Answers queries against a Newsdex database: reads the analyzer settings the database was
// built with, parses the query with that analyzer, ranks with BM25, and builds each hit's
// snippet from the stored text. Returns data; printing is the printers' job.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "query/query_parser.h"
#include "search/results.h"

namespace newsdex {

struct SearchRequest {
    std::string query;
    MatchMode mode = MatchMode::all;
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::size_t snippet_chars = 200;
};

class Searcher {
public:
    // Throws Error when there is no database at the path, it cannot be opened, or it was not
    // made by a compatible newsdex-index.
    explicit Searcher(const std::string& db_path);

    // Throws QueryError for a malformed query.
    SearchResults search(const SearchRequest& request);

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
    void weigh(std::vector<MatchPattern>& patterns) const;
};

}  // namespace newsdex
