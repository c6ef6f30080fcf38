// The format table, and the factory that picks a printer for a format. Each printer lives in
// its own file behind a factory function; they are declared here, not in printer.h, because
// no other code names them.
#include <algorithm>
#include <memory>
#include <ostream>

#include "output/printer.h"
#include "util/errors.h"

namespace newsdex {

namespace detail {
std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color, std::size_t width);
std::unique_ptr<Printer> make_json_printer(std::ostream& out, bool line_per_hit);
std::unique_ptr<Printer> make_trec_printer(std::ostream& out, const std::string& tag);
std::unique_ptr<Printer> make_table_printer(std::ostream& out, bool csv, std::vector<std::string> fields);
}  // namespace detail

const std::vector<FormatRow>& format_table() {
    using K = OutputKind;
    static const std::vector<FormatRow> table = {
        {"text", OutputFormat::text, "for people: ranked blocks with highlighted snippets (colour on a terminal)",
         {K::hits, K::count, K::facets, K::stats, K::article, K::timeline, K::concordance, K::evaluation}},
        {"json", OutputFormat::json, "one JSON object per query",
         {K::hits, K::count, K::facets, K::stats, K::article, K::timeline, K::concordance, K::evaluation}},
        {"jsonl", OutputFormat::jsonl, "JSON Lines: one line per hit, then one for facets and suggestions",
         {K::hits, K::count, K::facets, K::stats, K::article, K::timeline, K::concordance, K::evaluation}},
        {"trec", OutputFormat::trec, "TREC run lines: qid Q0 docno rank score tag (--run-tag)", {K::hits, K::count, K::timeline}},
        {"tsv", OutputFormat::tsv, "tab-separated columns with a header (--fields)", {K::hits, K::count, K::timeline, K::concordance}},
        {"csv", OutputFormat::csv, "comma-separated columns with a header, RFC 4180 (--fields)", {K::hits, K::count, K::timeline, K::concordance}},
    };
    return table;
}

const FormatRow* find_format(std::string_view name) {
    for (const auto& row : format_table()) {
        if (row.name == name) return &row;
    }
    return nullptr;
}

std::vector<std::string> format_names() {
    std::vector<std::string> names;
    for (const auto& row : format_table()) names.emplace_back(row.name);
    return names;
}

bool supports(OutputFormat format, OutputKind kind) {
    for (const auto& row : format_table()) {
        if (row.format == format) return std::find(row.kinds.begin(), row.kinds.end(), kind) != row.kinds.end();
    }
    return false;
}

const std::vector<std::string>& table_field_names() {
    static const std::vector<std::string> names = {"qid",  "rank", "id",    "score",  "date",   "source", "author",
                                                   "title", "url", "path", "topics", "places", "lang",   "snippet"};
    return names;
}

std::vector<std::string> default_table_fields(bool with_qid) {
    std::vector<std::string> fields = {"rank", "id", "score", "date", "source", "title"};
    if (with_qid) fields.insert(fields.begin(), "qid");
    return fields;
}

std::unique_ptr<Printer> make_printer(const PrintOptions& options, std::ostream& out) {
    // No default case, so a new OutputFormat is a compiler warning here.
    switch (options.format) {
        case OutputFormat::text: return detail::make_text_printer(out, options.color, options.width);
        case OutputFormat::json: return detail::make_json_printer(out, false);
        case OutputFormat::jsonl: return detail::make_json_printer(out, true);
        case OutputFormat::trec: return detail::make_trec_printer(out, options.run_tag);
        case OutputFormat::tsv:
        case OutputFormat::csv:
            return detail::make_table_printer(out, options.format == OutputFormat::csv,
                                              options.fields.empty() ? default_table_fields(false) : options.fields);
    }
    throw Error("unknown output format");
}

}  // namespace newsdex
