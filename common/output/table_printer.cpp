// tsv and csv: a header line, then one row per hit (or per count), for spreadsheets, R and
// pandas. CSV quotes as RFC 4180 says (a value holding a comma, a quote or a line break is
// quoted, quotes doubled); TSV has no quoting, so tabs and line breaks inside a value become
// spaces. Lines end with LF. Lists (authors, topics, places) are joined with ';'. A query
// without an id has an empty qid. Timelines are period,count rows. Facets, --stats and --show
// have no table form.
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "output/printer.h"
#include "output/score_format.h"
#include "util/errors.h"

namespace newsdex {
namespace {

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ";") + v;
    return out;
}

std::string field_value(const std::string& field, const SearchResults& results, const Hit& hit) {
    const Article& a = hit.article;
    if (field == "qid") return results.qid.value_or("");
    if (field == "rank") return std::to_string(hit.rank);
    if (field == "id") return a.id;
    if (field == "score") return rounded_score_text(hit.score);
    if (field == "date") return a.date ? format_date(*a.date) : "";
    if (field == "source") return a.source;
    if (field == "author") return joined(a.authors);
    if (field == "title") return a.title;
    if (field == "url") return a.url;
    if (field == "path") return a.path;
    if (field == "topics") return joined(a.topics);
    if (field == "places") return joined(a.places);
    if (field == "lang") return a.language;
    if (field == "snippet") return hit.snippet.text;
    throw Error("unknown field '" + field + "'");
}

class TablePrinter final : public Printer {
public:
    TablePrinter(std::ostream& out, bool csv, std::vector<std::string> fields)
        : out_(out), csv_(csv), fields_(std::move(fields)) {}

    void print_results(const SearchResults& results) override {
        header(fields_);
        for (const Hit& hit : results.hits) {
            std::vector<std::string> row;
            for (const auto& field : fields_) row.push_back(field_value(field, results, hit));
            write_row(row);
        }
    }

    void print_count(const CountResult& count) override {
        if (count.qid) {
            header({"qid", "count"});
            write_row({*count.qid, std::to_string(count.count)});
        } else {
            header({"count"});
            write_row({std::to_string(count.count)});
        }
    }

    // One row per occurrence: [qid,]id,field,offset,left,match,right.
    void print_concordance(const ConcordanceResults& c) override {
        std::vector<std::string> names = {"id", "field", "offset", "left", "match", "right"};
        if (c.qid) names.insert(names.begin(), "qid");
        header(names);
        for (const auto& article : c.articles) {
            for (const auto& l : article.lines) {
                std::vector<std::string> row = {article.id, l.field, std::to_string(l.offset), l.left, l.match, l.right};
                if (c.qid) row.insert(row.begin(), *c.qid);
                write_row(row);
            }
        }
    }

    // period,count rows (qid first in a batch), ready to plot; undated matches are not a
    // period and are left out (JSON and text report them).
    void print_timeline(const TimelineResults& t) override {
        if (t.qid) header({"qid", "period", "count"});
        else header({"period", "count"});
        for (const auto& bucket : t.timeline.buckets) {
            if (t.qid) write_row({*t.qid, bucket.period, std::to_string(bucket.count)});
            else write_row({bucket.period, std::to_string(bucket.count)});
        }
    }

    void print_article(const Article&) override { throw Error("--format tsv and csv cannot print an article"); }
    void print_evaluation(const eval::Evaluation&) override { throw Error("--format tsv and csv cannot print --qrels"); }
    void print_stats(const DatabaseStats&) override { throw Error("--format tsv and csv cannot print --stats"); }

private:
    void header(const std::vector<std::string>& names) {
        if (header_written_) return;
        header_written_ = true;
        write_row(names);
    }

    void write_row(const std::vector<std::string>& values) {
        std::string line;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) line += csv_ ? ',' : '\t';
            line += csv_ ? csv_value(values[i]) : tsv_value(values[i]);
        }
        line += '\n';
        out_ << line;
    }

    static std::string csv_value(const std::string& value) {
        if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
        std::string out = "\"";
        for (char c : value) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + '"';
    }

    static std::string tsv_value(std::string value) {
        for (char& c : value) {
            if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        }
        return value;
    }

    std::ostream& out_;
    bool csv_;
    std::vector<std::string> fields_;
    bool header_written_ = false;
};

}  // namespace

// Declared in printer.cpp, the only caller.
namespace detail {
std::unique_ptr<Printer> make_table_printer(std::ostream& out, bool csv, std::vector<std::string> fields) {
    return std::make_unique<TablePrinter>(out, csv, std::move(fields));
}
}  // namespace detail

}  // namespace newsdex
