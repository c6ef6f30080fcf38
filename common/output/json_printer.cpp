// The machine formats: one JSON object per query (json) or per hit (jsonl), each on one line;
// {"query", "count"} for --count and one object for --stats, in both. The values themselves
// are built in json_values.h; this file decides which go on which line.
#include <memory>
#include <ostream>
#include <string>

#include "eval/evaluation_output.h"
#include "output/json_values.h"
#include "output/printer.h"

namespace newsdex {
namespace {

class JsonPrinter final : public Printer {
public:
    JsonPrinter(std::ostream& out, bool line_per_hit) : out_(out), line_per_hit_(line_per_hit) {}

    void print_results(const SearchResults& results) override {
        if (!line_per_hit_) {
            write(json::results_object(results));
            return;
        }
        // No hits, no hit lines. Facets, a suggestion, warnings and --timing go on one more
        // line after the hits, told apart by having no "rank".
        for (const Hit& hit : results.hits) out_ << json::hit_line_text(results, hit) << '\n';
        const json::Value closing = json::closing_line(results);
        if (!closing.is_null()) write(closing);
    }

    void print_article(const Article& article) override { write(json::article(article)); }

    void print_count(const CountResult& count) override { write(json::count(count)); }

    void print_stats(const DatabaseStats& stats) override { write(json::stats(stats)); }

    void print_evaluation(const eval::Evaluation& evaluation) override {
        out_ << eval::evaluation_json(evaluation) << '\n';
    }

    // jsonl: one line per occurrence; json: one object per query with every line in "lines".
    void print_concordance(const ConcordanceResults& c) override {
        std::vector<json::Value> lines = json::concordance_lines(c, line_per_hit_);
        if (line_per_hit_) {
            for (const auto& line : lines) write(line);
            // As a search's: the warnings on one more line, when there are any.
            if (!c.warnings.empty()) {
                json::Value last = json::Value::object();
                last["query"] = c.query;
                if (c.qid) last["qid"] = *c.qid;
                last["warnings"] = c.warnings;
                write(last);
            }
            return;
        }
        json::Value object = json::Value::object();
        object["query"] = c.query;
        if (c.qid) object["qid"] = *c.qid;
        object["lines"] = std::move(lines);
        if (!c.warnings.empty()) object["warnings"] = c.warnings;
        write(object);
    }

    // One object per query in both json and jsonl: a timeline is one answer, not a list.
    void print_timeline(const TimelineResults& t) override { write(json::timeline(t)); }

private:
    void write(const json::Value& value) { out_ << json::dump(value) << '\n'; }

    std::ostream& out_;
    bool line_per_hit_;
};

}  // namespace

std::string export_json_line(const Hit& hit, bool ranked, const std::optional<std::string>& qid) {
    return json::dump(json::export_record(hit, ranked, qid)) + "\n";
}

// Declared in printer.cpp, the only caller.
namespace detail {
std::unique_ptr<Printer> make_json_printer(std::ostream& out, bool line_per_hit) {
    return std::make_unique<JsonPrinter>(out, line_per_hit);
}
}  // namespace detail

}  // namespace newsdex
