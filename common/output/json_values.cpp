#include "output/json_values.h"

#include <charconv>
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

// Four decimals order the hits just as well, and keep scores from looking more exact than
// BM25 weights are.
double rounded_score(double score) {
    return std::round(score * 10000.0) / 10000.0;
}

// The two places a hit is written to: a Value (json, the Python module) and, for JSON Lines,
// straight to text, the hot path of a search. The fields are listed once, in the templates
// below, for both.
class ValueSink {
public:
    explicit ValueSink(Value& object) : object_(object) {}
    void string_or_null(const char* key, const std::string& value) { object_[key] = json::string_or_null(value); }
    void count(const char* key, std::uint64_t value) { object_[key] = value; }
    void number(const char* key, double value) { object_[key] = value; }
    void strings(const char* key, const std::vector<std::string>& values) { object_[key] = list(values); }
    void spans(const char* key, const std::vector<std::pair<std::size_t, std::size_t>>& values) {
        Value array = Value::array();
        for (const auto& [start, end] : values) array.push_back({start, end});
        object_[key] = std::move(array);
    }

private:
    Value& object_;
};

// Appends `"key":value` pairs to a JSON object being written as text, byte for byte as
// dump() would write the same Value (tests/json_values_test.cpp holds them to it).
class TextSink {
public:
    explicit TextSink(std::string& out) : out_(out) {}
    void string_or_null(const char* key, const std::string& value) {
        put_key(key);
        if (value.empty()) out_ += "null";
        else put_string(value);
    }
    void string(const char* key, const std::string& value) {
        put_key(key);
        put_string(value);
    }
    void count(const char* key, std::uint64_t value) {
        put_key(key);
        put_uint(value);
    }
    void number(const char* key, double value) {
        put_key(key);
        out_ += Value(value).dump();  // nlohmann's own float format; one number a hit
    }
    void strings(const char* key, const std::vector<std::string>& values) {
        put_key(key);
        out_ += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) out_ += ',';
            put_string(values[i]);
        }
        out_ += ']';
    }
    void spans(const char* key, const std::vector<std::pair<std::size_t, std::size_t>>& values) {
        put_key(key);
        out_ += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            out_ += i > 0 ? ",[" : "[";
            put_uint(values[i].first);
            out_ += ',';
            put_uint(values[i].second);
            out_ += ']';
        }
        out_ += ']';
    }
    void put_string(const std::string& value) {
        if (!valid_utf8(value)) {  // dump() replaces bad bytes; let it
            out_ += Value(value).dump(-1, ' ', false, Value::error_handler_t::replace);
            return;
        }
        out_ += '"';
        std::size_t plain = 0;  // start of the run not yet copied
        for (std::size_t i = 0; i < value.size(); ++i) {
            const auto c = static_cast<unsigned char>(value[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(value, plain, i - plain);
            plain = i + 1;
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default: {
                    static const char* const kHex = "0123456789abcdef";
                    out_ += "\\u00";
                    out_ += kHex[c >> 4];
                    out_ += kHex[c & 0xF];
                }
            }
        }
        out_.append(value, plain, value.size() - plain);
        out_ += '"';
    }

private:
    void put_uint(std::uint64_t value) {
        char digits[24];  // 20 digits at most
        out_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
    }

    void put_key(const char* key) {
        out_ += ",\"";
        out_ += key;
        out_ += "\":";
    }

    static bool valid_utf8(std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c < 0x80) {
                ++i;
                continue;
            }
            const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
            if (n == 0 || c > 0xF4 || i + n > s.size()) return false;
            for (std::size_t k = 1; k < n; ++k) {
                if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
            }
            const auto d = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F)) {
                return false;  // overlong, surrogate or beyond U+10FFFF
            }
            i += n;
        }
        return true;
    }

    std::string& out_;
};

// The fields a hit and a whole article share, in the documented order.
template <typename Sink>
void article_fields(Sink& out, const Article& article) {
    out.string_or_null("title", article.title);
    out.string_or_null("date", article.date ? format_date(*article.date) : std::string());
    out.string_or_null("source", article.source);
    out.string_or_null("path", article.path);
    out.string_or_null("url", article.url);
    out.strings("authors", article.authors);
    out.string_or_null("language", article.language);
    out.strings("topics", article.topics);
    out.strings("places", article.places);
    out.strings("organisations", article.organisations);
}

// Appends rather than returns, so a jsonl line can put "query" first in the same object.
template <typename Sink>
void hit_fields(Sink& out, const Hit& hit) {
    out.count("rank", hit.rank);
    out.string_or_null("id", hit.article.id);
    out.number("score", rounded_score(hit.score));
    article_fields(out, hit.article);
    out.string_or_null("snippet", hit.snippet.text);
    // Code-point offsets into "snippet", passed through as the snippet builder made them.
    out.spans("highlights", hit.snippet.highlights);
    if (hit.copies) out.count("copies", *hit.copies);
}

void add_article_fields(Value& object, const Article& article) {
    ValueSink sink(object);
    article_fields(sink, article);
}

void add_hit_fields(Value& object, const Hit& hit) {
    ValueSink sink(object);
    hit_fields(sink, hit);
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

std::string hit_line_text(const SearchResults& results, const Hit& hit) {
    std::string out = "{\"query\":";
    TextSink sink(out);
    sink.put_string(results.query);
    if (results.qid) sink.string("qid", *results.qid);
    hit_fields(sink, hit);
    out += '}';
    return out;
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
    Value parts = Value::array();
    for (const PartStats& part : stats.parts) {
        Value entry = Value::object();
        entry["part"] = part.label;
        entry["remote"] = part.remote;
        entry["articles"] = part.articles;
        entry["shards"] = part.shards;
        entry["size_bytes"] = part.bytes ? Value(*part.bytes) : Value(nullptr);
        entry["of_collection"] = part.of_collection.empty() ? Value(nullptr) : Value(part.of_collection);
        parts.push_back(std::move(entry));
    }
    object["parts"] = std::move(parts);
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
