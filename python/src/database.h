// newsdex.Database's native half: each method runs one of common/'s Searcher calls with the
// GIL released, then turns the results into the values the JSON printers print
// (output/json_values.h), so Python sees what `newsdex-search --format jsonl` prints.
// Argument defaults and docstrings live in newsdex/__init__.py, which calls these.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>

#include "searcher_pool.h"

namespace newsdex::python {

// Pages of every match of a query (Database.export), holding its own searcher so the
// database revision stays the same from the first article to the last.
class ExportCursor {
public:
    ExportCursor(SearcherPool::Lease lease, const SearchRequest& request, bool ranked);
    std::size_t total() const { return cursor_.total(); }
    // Up to `max` more records as --export writes them; [] at the end.
    pybind11::list next(std::size_t max);

private:
    SearcherPool::Lease lease_;  // before cursor_: the cursor reads the leased searcher's database
    MatchCursor cursor_;
    bool ranked_;
    std::optional<std::string> qid_;
};

class Database {
public:
    // Opens the sources as one database (SearcherPool); throws Error as ShardSet does.
    Database(std::vector<std::string> sources, unsigned timeout_ms, bool partial);

    const std::vector<std::string>& sources() const { return pool_->sources(); }
    // The parts `partial` left out, one message each, as a searcher leased now sees them.
    std::vector<std::string> warnings();
    void reopen();

    // (hit lines, the rest of the json object: query, qid?, total, offset, ranking,
    // facets?, suggestion?, warnings?, time_us). The warnings end with the parts left out, as
    // newsdex-search's JSON has them.
    pybind11::tuple search(const pybind11::dict& options);
    pybind11::tuple duplicates(const std::string& id, std::size_t snippet_chars);
    std::size_t count(const pybind11::dict& options);
    pybind11::object timeline(const pybind11::dict& options, const std::string& period);
    pybind11::list kwic(const pybind11::dict& options, std::size_t width);
    pybind11::list show(const std::string& id);
    pybind11::object stats();
    // queries: (qid, text) pairs. {qid: {docno: score}} in rank order, each query's top
    // `depth` hits as --qrels and --format trec take them. A query that fails raises
    // QueryError naming its qid, unless `skip_errors`: then it retrieves nothing and its
    // message is appended to `errors`.
    pybind11::dict run(const std::vector<std::pair<std::string, std::string>>& queries, const pybind11::dict& options,
                       std::size_t depth, bool skip_errors, pybind11::list errors);
    std::unique_ptr<ExportCursor> export_cursor(const pybind11::dict& options, bool ranked);

private:
    std::shared_ptr<SearcherPool> pool_;
};

}  // namespace newsdex::python
