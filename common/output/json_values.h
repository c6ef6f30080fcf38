// The JSON values Newsdex prints, built in one place: the json and jsonl printers write them,
// and the Python module (python/) hands the same values to Python, so a hit dict there has
// exactly the keys and values of a JSON Lines hit here. Keys are in the documented order
// (ordered_json). Every field is always present, so consumers never test for a key: an empty
// string is null and an empty list is []. The exceptions, "facets", "suggestion" and
// "warnings", are there only when there are any (see results_extras).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "output/printer.h"
#include "search/results.h"

namespace newsdex::json {

using Value = nlohmann::ordered_json;

// One hit: rank, id, score (4 decimals), title, date, source, path, url, authors, language,
// topics, places, organisations, snippet, highlights ([start, end) code points into the
// snippet), and "copies" with --collapse.
Value hit(const Hit& hit);
// A JSON Lines hit line: "query" (and "qid" in a batch) first, then the hit.
Value hit_line(const SearchResults& results, const Hit& hit);
// The same line as dump(hit_line(...)) gives it, written straight to text: the jsonl
// printer's hot path (building a Value costs more than the rest of a hit).
std::string hit_line_text(const SearchResults& results, const Hit& hit);
// The line jsonl prints after a query's hits: {"query", "qid"?, "time_us"?, "total"?,
// "facets"?, "suggestion"?, "warnings"?}; null when the query has none of these to say.
Value closing_line(const SearchResults& results);
// The object json prints per query: query, qid?, total, offset, ranking, results, then the
// extras and "time_us" when there are any.
Value results_object(const SearchResults& results);

// {"model", "k1", "k2", "k3", "b", "min_normlen", "sort", "like"?, "expand"?}.
Value ranking(const Ranking& ranking);
// {"topic": [{"value": "crude", "count": 566}, ...], ...}, in the order the facets were asked for.
Value facets(const std::vector<Facet>& facets);

// A stored article whole (--show): id, the hit's article fields, body.
Value article(const Article& article);
// {"query", "qid"?, "count"} (--count).
Value count(const CountResult& count);
// --stats.
Value stats(const DatabaseStats& stats);
// {"query", "qid"?, "period", "buckets": [{"period", "count"}], "undated", "warnings"?} (--timeline;
// "warnings" when there are any).
Value timeline(const TimelineResults& timeline);
// The lines of --kwic: {"query"?, "qid"?, "id", "field", "offset", "left", "match", "right"},
// with the query first when `with_query` (jsonl prints each line alone).
std::vector<Value> concordance_lines(const ConcordanceResults& concordance, bool with_query);
// One article as --export writes it: "qid" (from a batch), "rank" and "score" (when ranked)
// first, then article().
Value export_record(const Hit& hit, bool ranked, const std::optional<std::string>& qid);

// `value` on one line, without a newline: raw UTF-8 rather than \u escapes, and a byte that
// is not UTF-8 replaced rather than thrown on, so one bad byte never loses a result list.
std::string dump(const Value& value);

}  // namespace newsdex::json
