// Answers queries against a Newsdex database: reads the analyzer settings the database was
// built with, parses the query with that analyzer, ranks with BM25 (or sorts by date), counts
// facets over all matches, and builds each hit's snippet from the stored text. Also counts
// matches exactly (--count) and describes the database (--stats). Returns data; printing is
// the printers' job.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "database/shard_set.h"
#include "query/query_parser.h"
#include "search/match_cursor.h"
#include "search/results.h"
#include "search/sort_order.h"

namespace newsdex {

// Xapian::BM25Weight's parameters (--bm25); the defaults are Xapian's.
struct Bm25Params {
    double k1 = 1.0, k2 = 0.0, k3 = 1.0, b = 0.5, min_normlen = 0.5;
};
// The parameter of `params` called `name` (k1, k2, k3, b, min_normlen, as --bm25 names them);
// nullptr for any other name.
double* bm25_parameter(Bm25Params& params, std::string_view name);

// Pseudo-relevance feedback (--expand): the top `docs` articles of the query are taken as
// relevant, and the `terms` best terms of Xapian's expansion set are added with `weight`.
struct ExpandParams {
    bool enabled = false;
    std::size_t docs = 10;
    std::size_t terms = 20;
    double weight = 0.2;  // 0.5 lowered map, P_10 and nDCG on the Reuters study (docs/research.md)
};

struct SearchRequest {
    std::string query;  // may be empty with `like` (then every article is a candidate)
    std::optional<std::string> qid;  // passed through to the results
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
    bool snippets = true;  // build each hit's snippet (a TREC run or an evaluation needs none)
    Bm25Params bm25;
    ExpandParams expand;
    // --like: rank articles similar to the one with this id instead; the query (if any),
    // filters and dates restrict the candidates. Throws Error when no article or several
    // have the id.
    std::string like;
    // --collapse: each wire-copy group (index/copy_groups.h) is listed once, at its best-ranked
    // member, whose `copies` says how many other members match. Totals and facets still count
    // articles.
    bool collapse = false;
    // An empty query matches every article (--export of a whole database) instead of being
    // an error.
    bool empty_matches_all = false;
};

class Searcher {
public:
    // Throws Error when there is no database at the path, it cannot be opened, or it was not
    // made by a compatible newsdex-index.
    explicit Searcher(const std::string& db_path);
    // Searches every database the sources name (folders, stub files: see ShardSet) as one
    // ranking over their combined statistics. Throws Error as ShardSet does.
    Searcher(std::vector<std::string> sources, OpenOptions options);

    // Throws QueryError for a malformed query, Error for an unknown facet name.
    SearchResults search(const SearchRequest& request);

    // Results without hits whose `total` is the exact number of articles matching the
    // request's query (paging, sorting and facets do not matter). Throws QueryError for a
    // malformed query.
    SearchResults count(const SearchRequest& request);

    // Calls `each` with every article the request's query matches (no snippets; paging
    // ignored), for --export. `ranked` false: database order, read in pages, so memory stays
    // flat however many match; true: the request's order (relevance or --sort), holding the
    // ranking (ids and scores) in memory but never more than one article. `total` is called
    // once, first, with the exact number of matches. Throws Error when an indexer's commit
    // changes the database midway (the output so far would be inconsistent).
    void export_matches(const SearchRequest& request, bool ranked, const std::function<void(std::size_t)>& total,
                        const std::function<void(const Hit&)>& each);
    // The same matches as a cursor to pull pages from (the caller decides when); it reads this
    // Searcher's database, so the Searcher must outlive it and not be used by another thread
    // meanwhile.
    MatchCursor export_cursor(const SearchRequest& request, bool ranked);

    // How many articles the request's query matches per period, over all matches (paging and
    // sorting do not matter); the range follows --since/--until when given. Throws QueryError
    // for a malformed query, Error for a range of more periods than a timeline may list.
    TimelineResults timeline(const SearchRequest& request, TimelinePeriod period);

    // Every occurrence of the query's positive words and phrases (as snippets highlight them)
    // in the title and body of its top `request.limit` articles from `request.offset`, in
    // rank order, with `width` code points of context (--kwic). Throws QueryError.
    ConcordanceResults concordance(const SearchRequest& request, std::size_t width);

    // The copies of the article with this id (its wire-copy group's other members), in docid
    // order, as hits without scores; `query` is the id. Throws Error when no article or
    // several have the id.
    SearchResults duplicates(const std::string& id, std::size_t snippet_chars);

    // What the database holds (--stats).
    DatabaseStats stats();

    // The stored articles whose id is `id` (exact matches first, then matches up to case and
    // accents), for --show.
    std::vector<Article> find_by_id(const std::string& id);

    const AnalyzerSettings& settings() const { return analyzer_.settings(); }
    // The parts --partial left out, one message each.
    const std::vector<std::string>& warnings() const { return set_.warnings(); }

    // Moves to the database's latest committed revision (Xapian::Database::reopen): until
    // then a Searcher answers from the revision it opened, as every Xapian reader does. After
    // a compaction swapped shards, opens the ones the stub names now.
    void reopen();

private:
    ShardSet set_;
    Analyzer analyzer_;

    Xapian::Database& db() { return set_.whole(); }
    const Xapian::Database& db() const { return set_.whole(); }

    // `patterns`, when given, gets the query's match patterns (for --kwic, which needs them
    // and the hits: parsing twice reads the stem tables twice, an exchange each over a remote part).
    SearchResults run(const SearchRequest& request, std::vector<MatchPattern>* patterns = nullptr);
    SearchResults run_count(const SearchRequest& request);
    ParsedQuery parse(const SearchRequest& request);
    Xapian::docid only_article(const std::string& id, const std::string& option);
    std::size_t matching_copies(const Xapian::Query& query, const Xapian::Document& doc);
    Xapian::Query like_query(const std::string& id);
    Xapian::Query expand(const ParsedQuery& parsed, const SearchRequest& request, Expansion& report);
    // A corrected query that finds more than `found` articles, if the speller has one.
    std::optional<std::string> suggest(const ParsedQuery& parsed, const SearchRequest& request, std::size_t found);
    // Each pattern's weight for the snippets: the rarer its terms in `mset`'s statistics, the
    // heavier.
    void weigh(std::vector<MatchPattern>& patterns, const Xapian::MSet& mset) const;
    // reopen() without turning Xapian's errors into Error: for the retries.
    void refresh();
    // Runs `attempt`, reopening and retrying when an indexer's commit got in the way.
    template <typename Attempt>
    auto retrying(Attempt&& attempt);
};

}  // namespace newsdex
