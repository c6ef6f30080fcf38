#include "output/json_values.h"

#include <cmath>
#include <cstdint>

#include "output/timeline_output.h"

namespace newsdex::json {
namespace {

Value string_or_null(const std::string& value) {
    return value.empty() ? Value(nullptr) : Value(value);
}

Value list(const std::vector<std::string>& values) {
    Value array = Value::array();
    for (const std::string& value : values) array.push_back(value);
    return array;
}

Value date_or_null(const std::optional<ArticleDate>& date) {
    return date ? Value(format_date(*date)) : Value(nullptr);
}

// Four decimals order the hits just as well, and keep scores from looking more exact than
// BM25 weights are.
double rounded_score(double score) {
    return std::round(score * 10000.0) / 10000.0;
}

// The fields a hit and a whole article share, in the documented order.
void add_article_fields(Value& object, const Article& article) {
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

// Appends rather than returns, so a jsonl line can put "query" first in the same object.
void add_hit_fields(Value& object, const Hit& hit) {
    const Article& article = hit.article;
    object["rank"] = hit.rank;
    object["id"] = string_or_null(article.id);
    object["score"] = rounded_score(hit.score);
    add_article_fields(object, article);
    object["snippet"] = string_or_null(hit.snippet.text);
    Value highlights = Value::array();
    // Code-point offsets into "snippet", passed through as the snippet builder made them.
    for (const auto& [start, end] : hit.snippet.highlights) highlights.push_back({start, end});
    object["highlights"] = std::move(highlights);
    if (hit.copies) object["copies"] = *hit.copies;
}

Value counts_array(const std::vector<FacetCount>& counts) {
    Value array = Value::array();
    for (const auto& entry : counts) {
        Value object = Value::object();
        object["value"] = entry.value;
        object["count"] = entry.count;
        array.push_back(std::move(object));
    }
    return array;
}

// Facets, a suggestion and warnings are added only when there are any: "facets" when facets
// were asked for, "suggestion" when one was found, "warnings" when the query drew any (also
// printed on stderr), so that output without them stays as it was.
bool has_extras(const SearchResults& results) {
    return !results.facets.empty() || results.suggestion || !results.warnings.empty();
}

void add_extras(Value& object, const SearchResults& results) {
    if (!results.facets.empty()) object["facets"] = facets(results.facets);
    if (results.suggestion) object["suggestion"] = *results.suggestion;
    if (!results.warnings.empty()) object["warnings"] = results.warnings;
}

// The query and, in a batch, its id: the first keys of every object a query produces.
void add_query(Value& object, const std::string& query, const std::optional<std::string>& qid) {
    object["query"] = query;
    if (qid) object["qid"] = *qid;
}

Value day_or_null(const std::optional<std::int64_t>& unix_seconds) {
    return unix_seconds ? Value(format_date(ArticleDate{*unix_seconds, DatePrecision::day})) : Value(nullptr);
}

}  // namespace

Value hit(const Hit& hit) {
    Value object = Value::object();
    add_hit_fields(object, hit);
    return object;
}

Value hit_line(const SearchResults& results, const Hit& hit) {
    Value line = Value::object();
    add_query(line, results.query, results.qid);
    add_hit_fields(line, hit);
    return line;
}

Value closing_line(const SearchResults& results) {
    // With --timing the closing line is there for every query, and says its time and total.
    if (!has_extras(results) && !results.time_us) return Value(nullptr);
    Value line = Value::object();
    add_query(line, results.query, results.qid);
    if (results.time_us) {
        line["time_us"] = *results.time_us;
        line["total"] = results.total;
    }
    add_extras(line, results);
    return line;
}

Value results_object(const SearchResults& results) {
    Value object = Value::object();
    add_query(object, results.query, results.qid);
    object["total"] = results.total;
    object["offset"] = results.offset;
    object["ranking"] = ranking(results.ranking);
    Value hits = Value::array();
    for (const Hit& h : results.hits) hits.push_back(hit(h));
    object["results"] = std::move(hits);
    add_extras(object, results);
    if (results.time_us) object["time_us"] = *results.time_us;
    return object;
}

Value ranking(const Ranking& ranking) {
    Value object = Value::object();
    object["model"] = ranking.model;
    object["k1"] = ranking.k1;
    object["k2"] = ranking.k2;
    object["k3"] = ranking.k3;
    object["b"] = ranking.b;
    object["min_normlen"] = ranking.min_normlen;
    object["sort"] = ranking.sort;
    if (ranking.like) object["like"] = *ranking.like;
    if (ranking.expand) {
        Value expand = Value::object();
        expand["docs"] = ranking.expand->docs;
        expand["max_terms"] = ranking.expand->max_terms;
        expand["weight"] = ranking.expand->weight;
        expand["terms"] = ranking.expand->terms;
        object["expand"] = std::move(expand);
    }
    return object;
}

Value facets(const std::vector<Facet>& facets) {
    Value object = Value::object();
    for (const Facet& facet : facets) object[facet.name] = counts_array(facet.values);
    return object;
}

Value article(const Article& article) {
    Value object = Value::object();
    object["id"] = string_or_null(article.id);
    add_article_fields(object, article);
    object["body"] = string_or_null(article.body);
    return object;
}

Value count(const CountResult& count) {
    Value object = Value::object();
    add_query(object, count.query, count.qid);
    object["count"] = count.count;
    return object;
}

Value stats(const DatabaseStats& stats) {
    Value object = Value::object();
    object["database"] = stats.path;
    object["articles"] = stats.articles;
    object["earliest"] = day_or_null(stats.earliest);
    object["latest"] = day_or_null(stats.latest);
    object["undated"] = stats.undated;
    object["shards"] = stats.shards;
    object["size_bytes"] = stats.bytes;
    Value analyzer = Value::object();
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

Value timeline(const TimelineResults& t) {
    Value object = Value::object();
    add_query(object, t.query, t.qid);
    object.update(timeline_json(t.timeline));
    return object;
}

std::vector<Value> concordance_lines(const ConcordanceResults& c, bool with_query) {
    std::vector<Value> lines;
    for (const auto& article : c.articles) {
        for (const auto& l : article.lines) {
            Value line = Value::object();
            if (with_query) add_query(line, c.query, c.qid);
            line["id"] = article.id;
            line["field"] = l.field;
            line["offset"] = l.offset;
            line["left"] = l.left;
            line["match"] = l.match;
            line["right"] = l.right;
            lines.push_back(std::move(line));
        }
    }
    return lines;
}

Value export_record(const Hit& hit, bool ranked, const std::optional<std::string>& qid) {
    Value object = Value::object();
    if (qid) object["qid"] = *qid;
    if (ranked) {
        object["rank"] = hit.rank;
        object["score"] = rounded_score(hit.score);
    }
    object.update(article(hit.article));
    return object;
}

std::string dump(const Value& value) {
    return value.dump(-1, ' ', false, Value::error_handler_t::replace);
}

}  // namespace newsdex::json
