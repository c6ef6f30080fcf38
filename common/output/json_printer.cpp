// The machine formats: one JSON object per query (json) or per hit (jsonl), each on one line;
// {"query", "count"} for --count and one object for --stats, in both.
// Every field is always present, so consumers never test for a key: an empty string is null
// and an empty list is []. (Except "facets", "suggestion" and "warnings": see add_extras.)
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "output/printer.h"
#include "eval/evaluation_output.h"
#include "output/timeline_output.h"

namespace newsdex {
namespace {

using Json = nlohmann::ordered_json;  // keys stay in the documented order

Json string_or_null(const std::string& value) {
    return value.empty() ? Json(nullptr) : Json(value);
}

Json list(const std::vector<std::string>& values) {
    Json array = Json::array();
    for (const std::string& value : values) array.push_back(value);
    return array;
}

Json date_or_null(const std::optional<ArticleDate>& date) {
    return date ? Json(format_date(*date)) : Json(nullptr);
}

// Four decimals order the hits just as well, and keep scores from looking more exact than
// BM25 weights are.
double rounded_score(double score) {
    return std::round(score * 10000.0) / 10000.0;
}

// The fields a hit and a whole article share, in the documented order.
void add_article_fields(Json& object, const Article& article) {
    object["title"] = string_or_null(article.title);
    object["date"] = date_or_null(article.date);
    object["source"] = string_or_null(article.source);
    object["path"] = string_or_null(article.path);
    object["url"] = string_or_null(article.url);
    object["authors"] = list(article.authors);
    object["language"] = string_or_null(article.language);
    object["topics"] = list(article.topics);
    object["places"] = list(article.places);
    object["organisations"] = list(article.organisations);
}

// Appends rather than returns, so jsonl can put "query" first in the same object.
void add_hit_fields(Json& object, const Hit& hit) {
    const Article& article = hit.article;
    object["rank"] = hit.rank;
    object["id"] = string_or_null(article.id);
    object["score"] = rounded_score(hit.score);
    add_article_fields(object, article);
    object["snippet"] = string_or_null(hit.snippet.text);
    Json highlights = Json::array();
    // Code-point offsets into "snippet", passed through as the snippet builder made them.
    for (const auto& [start, end] : hit.snippet.highlights) highlights.push_back({start, end});
    object["highlights"] = std::move(highlights);
    if (hit.copies) object["copies"] = *hit.copies;
}

Json article_object(const Article& article) {
    Json object = Json::object();
    object["id"] = string_or_null(article.id);
    add_article_fields(object, article);
    object["body"] = string_or_null(article.body);
    return object;
}

Json counts_array(const std::vector<FacetCount>& counts) {
    Json array = Json::array();
    for (const auto& entry : counts) {
        Json object = Json::object();
        object["value"] = entry.value;
        object["count"] = entry.count;
        array.push_back(std::move(object));
    }
    return array;
}

// {"topic": [{"value": "crude", "count": 566}, ...], ...}, in the order the facets were asked for.
Json facets_object(const std::vector<Facet>& facets) {
    Json object = Json::object();
    for (const Facet& facet : facets) object[facet.name] = counts_array(facet.values);
    return object;
}

// Facets, a suggestion and warnings are added only when there are any: "facets" when facets
// were asked for, "suggestion" when one was found, "warnings" when the query drew any (also
// printed on stderr) — the exceptions to "every field is always present", so that output
// without them stays as it was.
bool has_extras(const SearchResults& results) {
    return !results.facets.empty() || results.suggestion || !results.warnings.empty();
}

void add_extras(Json& object, const SearchResults& results) {
    if (!results.facets.empty()) object["facets"] = facets_object(results.facets);
    if (results.suggestion) object["suggestion"] = *results.suggestion;
    if (!results.warnings.empty()) object["warnings"] = results.warnings;
}

// The query and, in a batch, its id: the first keys of every object a query produces.
void add_query(Json& object, const std::string& query, const std::optional<std::string>& qid) {
    object["query"] = query;
    if (qid) object["qid"] = *qid;
}

Json ranking_object(const Ranking& ranking) {
    Json object = Json::object();
    object["model"] = ranking.model;
    object["k1"] = ranking.k1;
    object["k2"] = ranking.k2;
    object["k3"] = ranking.k3;
    object["b"] = ranking.b;
    object["min_normlen"] = ranking.min_normlen;
    object["sort"] = ranking.sort;
    if (ranking.like) object["like"] = *ranking.like;
    if (ranking.expand) {
        Json expand = Json::object();
        expand["docs"] = ranking.expand->docs;
        expand["max_terms"] = ranking.expand->max_terms;
        expand["weight"] = ranking.expand->weight;
        expand["terms"] = ranking.expand->terms;
        object["expand"] = std::move(expand);
    }
    return object;
}

Json day_or_null(const std::optional<std::int64_t>& unix_seconds) {
    return unix_seconds ? Json(format_date(ArticleDate{*unix_seconds, DatePrecision::day})) : Json(nullptr);
}

Json stats_object(const DatabaseStats& stats) {
    Json object = Json::object();
    object["database"] = stats.path;
    object["articles"] = stats.articles;
    object["earliest"] = day_or_null(stats.earliest);
    object["latest"] = day_or_null(stats.latest);
    object["undated"] = stats.undated;
    object["shards"] = stats.shards;
    object["size_bytes"] = stats.bytes;
    Json analyzer = Json::object();
    analyzer["language"] = stats.language;
    analyzer["accents"] = stats.accents;
    analyzer["metadata_text"] = stats.metadata_text;
    analyzer["format"] = stats.format;
    object["analyzer"] = std::move(analyzer);
    object["sources"] = counts_array(stats.sources);
    object["languages"] = counts_array(stats.languages);
    object["topics"] = counts_array(stats.topics);
    return object;
}

class JsonPrinter final : public Printer {
public:
    JsonPrinter(std::ostream& out, bool line_per_hit) : out_(out), line_per_hit_(line_per_hit) {}

    void print_results(const SearchResults& results) override {
        if (line_per_hit_) {
            // No hits, no hit lines. Facets, a suggestion and warnings go on one more line after
            // the hits, {"query": …, "facets": …, "suggestion": …, "warnings": …}, told apart by
            // having no "rank".
            for (const Hit& hit : results.hits) {
                Json line = Json::object();
                add_query(line, results.query, results.qid);
                add_hit_fields(line, hit);
                write(line);
            }
            // With --timing the closing line is there for every query, and says its time and total.
            if (has_extras(results) || results.time_us) {
                Json line = Json::object();
                add_query(line, results.query, results.qid);
                if (results.time_us) {
                    line["time_us"] = *results.time_us;
                    line["total"] = results.total;
                }
                add_extras(line, results);
                write(line);
            }
            return;
        }
        Json object = Json::object();
        add_query(object, results.query, results.qid);
        object["total"] = results.total;
        object["offset"] = results.offset;
        object["ranking"] = ranking_object(results.ranking);
        Json hits = Json::array();
        for (const Hit& hit : results.hits) {
            Json entry = Json::object();
            add_hit_fields(entry, hit);
            hits.push_back(std::move(entry));
        }
        object["results"] = std::move(hits);
        add_extras(object, results);
        if (results.time_us) object["time_us"] = *results.time_us;
        write(object);
    }

    void print_article(const Article& article) override { write(article_object(article)); }

    void print_count(const CountResult& count) override {
        Json object = Json::object();
        add_query(object, count.query, count.qid);
        object["count"] = count.count;
        write(object);
    }

    void print_stats(const DatabaseStats& stats) override { write(stats_object(stats)); }

    void print_evaluation(const eval::Evaluation& evaluation) override {
        out_ << eval::evaluation_json(evaluation) << '\n';
    }

    // jsonl: one line per occurrence; json: one object per query with every line in "lines".
    void print_concordance(const ConcordanceResults& c) override {
        Json lines = Json::array();
        for (const auto& article : c.articles) {
            for (const auto& l : article.lines) {
                Json line = Json::object();
                if (line_per_hit_) add_query(line, c.query, c.qid);
                line["id"] = article.id;
                line["field"] = l.field;
                line["offset"] = l.offset;
                line["left"] = l.left;
                line["match"] = l.match;
                line["right"] = l.right;
                if (line_per_hit_) write(line);
                else lines.push_back(std::move(line));
            }
        }
        if (line_per_hit_) return;
        Json object = Json::object();
        add_query(object, c.query, c.qid);
        object["lines"] = std::move(lines);
        write(object);
    }

    // One object per query in both json and jsonl: a timeline is one answer, not a list.
    void print_timeline(const TimelineResults& t) override {
        Json object = Json::object();
        add_query(object, t.query, t.qid);
        object.update(timeline_json(t.timeline));
        write(object);
    }

private:
    void write(const Json& value) {
        // Raw UTF-8 rather than \u escapes; the inputs are valid UTF-8, and replacing (not
        // throwing) keeps one bad byte from losing a whole result list if that ever breaks.
        out_ << value.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    }

    std::ostream& out_;
    bool line_per_hit_;
};

}  // namespace

std::string export_json_line(const Hit& hit, bool ranked, const std::optional<std::string>& qid) {
    Json object = Json::object();
    if (qid) object["qid"] = *qid;
    if (ranked) {
        object["rank"] = hit.rank;
        object["score"] = rounded_score(hit.score);
    }
    object.update(article_object(hit.article));
    return object.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Declared in printer.cpp, the only caller.
namespace detail {
std::unique_ptr<Printer> make_json_printer(std::ostream& out, bool line_per_hit) {
    return std::make_unique<JsonPrinter>(out, line_per_hit);
}
}  // namespace detail

}  // namespace newsdex
