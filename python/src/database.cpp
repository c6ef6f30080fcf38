#include "database.h"

#include <chrono>

#include "eval/run_from_results.h"
#include "output/json_values.h"
#include "request_args.h"
#include "search/timeline.h"
#include "to_python.h"
#include "util/errors.h"

namespace newsdex::python {

namespace py = pybind11;

namespace {

// The hits as JSON Lines hit lines, and the json printer's object without its "results".
py::tuple results_tuple(const SearchResults& results) {
    py::list hits;
    for (const Hit& hit : results.hits) hits.append(to_python(json::hit_line(results, hit)));
    json::Value meta = json::results_object(results);
    meta.erase("results");
    return py::make_tuple(std::move(hits), to_python(meta));
}

std::int64_t microseconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

ExportCursor::ExportCursor(SearcherPool::Lease lease, const SearchRequest& request, bool ranked)
    : lease_(std::move(lease)), cursor_(lease_->export_cursor(request, ranked)), ranked_(ranked), qid_(request.qid) {}

py::list ExportCursor::next(std::size_t max) {
    std::vector<Hit> hits;
    {
        py::gil_scoped_release nogil;
        hits = cursor_.next(max);
    }
    py::list records;
    for (const Hit& hit : hits) records.append(to_python(json::export_record(hit, ranked_, qid_)));
    return records;
}

Database::Database(std::vector<std::string> sources, unsigned timeout_ms, bool partial) {
    OpenOptions options;
    options.timeout_ms = timeout_ms;
    options.partial = partial;
    py::gil_scoped_release nogil;
    pool_ = std::make_shared<SearcherPool>(std::move(sources), options);
}

std::vector<std::string> Database::warnings() {
    py::gil_scoped_release nogil;
    return pool_->lease()->warnings();
}

void Database::reopen() {
    py::gil_scoped_release nogil;
    pool_->reopen();
}

py::tuple Database::search(const py::dict& options) {
    const SearchRequest request = request_from(options);
    SearchResults results;
    {
        py::gil_scoped_release nogil;
        const auto start = std::chrono::steady_clock::now();
        auto searcher = pool_->lease();
        results = searcher->search(request);
        // As --timing's: from the query reaching the parser to the results (here: before
        // they become Python objects).
        results.time_us = microseconds_since(start);
        // As newsdex-search's JSON: the parts left out after the query's own warnings.
        results.warnings.insert(results.warnings.end(), searcher->warnings().begin(), searcher->warnings().end());
    }
    return results_tuple(results);
}

py::tuple Database::duplicates(const std::string& id, std::size_t snippet_chars) {
    SearchResults results;
    {
        py::gil_scoped_release nogil;
        results = pool_->lease()->duplicates(id, snippet_chars);
    }
    return results_tuple(results);
}

std::size_t Database::count(const py::dict& options) {
    const SearchRequest request = request_from(options);
    py::gil_scoped_release nogil;
    return pool_->lease()->count(request).total;
}

py::object Database::timeline(const py::dict& options, const std::string& period_name) {
    const auto period = parse_timeline_period(period_name);
    if (!period) throw py::value_error("period must be day, week, month or year, not '" + period_name + "'");
    const SearchRequest request = request_from(options);
    TimelineResults results;
    {
        py::gil_scoped_release nogil;
        auto searcher = pool_->lease();
        results = searcher->timeline(request, *period);
        // In "warnings", as newsdex-search's timeline JSON has them.
        results.warnings.insert(results.warnings.end(), searcher->warnings().begin(), searcher->warnings().end());
    }
    return to_python(json::timeline(results));
}

py::list Database::kwic(const py::dict& options, std::size_t width) {
    const SearchRequest request = request_from(options);
    ConcordanceResults results;
    {
        py::gil_scoped_release nogil;
        results = pool_->lease()->concordance(request, width);
    }
    // The lines only: newsdex-search --format jsonl adds a last line of warnings when there
    // are any; here the parts left out are in Database.warnings.
    py::list lines;
    for (const auto& line : json::concordance_lines(results, true)) lines.append(to_python(line));
    return lines;
}

py::list Database::show(const std::string& id) {
    std::vector<Article> articles;
    {
        py::gil_scoped_release nogil;
        articles = pool_->lease()->find_by_id(id);
    }
    py::list out;
    for (const Article& article : articles) out.append(to_python(json::article(article)));
    return out;
}

py::object Database::stats() {
    DatabaseStats stats;
    {
        py::gil_scoped_release nogil;
        stats = pool_->lease()->stats();
    }
    return to_python(json::stats(stats));
}

py::dict Database::run(const std::vector<std::pair<std::string, std::string>>& queries, const py::dict& options,
                       std::size_t depth, bool skip_errors, py::list errors) {
    SearchRequest request = request_from(options);
    // As --qrels: the top `depth` from the first, no snippets and no suggestions to pay for.
    request.offset = 0;
    request.limit = depth;
    request.snippets = false;
    request.suggest = false;
    std::vector<std::vector<eval::Retrieved>> runs(queries.size());
    std::vector<std::string> failures(queries.size());
    {
        py::gil_scoped_release nogil;
        auto searcher = pool_->lease();
        for (std::size_t i = 0; i < queries.size(); ++i) {
            request.qid = queries[i].first;
            request.query = queries[i].second;
            try {
                runs[i] = eval::retrieved_from(searcher->search(request));
            } catch (const QueryError& e) {
                if (!skip_errors) throw QueryError("qid " + queries[i].first + ": " + e.what(), e.column());
                failures[i] = "qid " + queries[i].first + ": " + e.what();
            }
        }
    }
    py::dict out;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        if (!failures[i].empty()) errors.append(failures[i]);
        const py::str qid(queries[i].first);
        // A qid given twice gets both queries' documents, as a run file listing both would.
        if (!out.contains(qid)) out[qid] = py::dict();
        py::dict docs = out[qid];
        for (const auto& doc : runs[i]) {
            if (!docs.contains(doc.docno)) docs[py::str(doc.docno)] = doc.score;
        }
    }
    return out;
}

std::unique_ptr<ExportCursor> Database::export_cursor(const py::dict& options, bool ranked) {
    SearchRequest request = request_from(options);
    request.empty_matches_all = true;
    py::gil_scoped_release nogil;
    return std::make_unique<ExportCursor>(pool_->lease(), request, ranked);
}

}  // namespace newsdex::python
