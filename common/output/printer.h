// Output formats: one printer per format, listed in one table (printer_table()) that the
// option check and --help read. The search logic never formats text; it hands results to a
// printer. A format that cannot show some kind of output says so in its row, and the command
// line refuses that combination before any query runs.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "eval/trec_eval.h"
#include "search/results.h"

namespace newsdex {

enum class OutputFormat { text, json, jsonl, trec, tsv, csv };

// What a printer is asked to print; a format row lists the kinds it supports.
enum class OutputKind { hits, count, facets, stats, article, timeline, concordance, evaluation };

struct PrintOptions {
    OutputFormat format = OutputFormat::text;
    bool color = false;  // resolved by the caller from --color, NO_COLOR and isatty
    // tsv/csv: the columns (table_field_names()); empty = the default set (with qid first
    // when the queries have ids).
    std::vector<std::string> fields;
    std::string run_tag = "newsdex";  // trec: the last column
    std::size_t width = 60;           // text: columns of the terminal (timeline bars)
};

// The number of articles one query matches (--count).
struct CountResult {
    std::string query;
    std::optional<std::string> qid;
    std::size_t count = 0;
};

class Printer {
public:
    virtual ~Printer() = default;
    // One query's results.
    virtual void print_results(const SearchResults& results) = 0;
    // One stored article, whole (--show).
    virtual void print_article(const Article& article) = 0;
    virtual void print_count(const CountResult& count) = 0;
    // What the database holds (--stats).
    virtual void print_stats(const DatabaseStats& stats) = 0;
    // One query's counts per period (--timeline).
    virtual void print_timeline(const TimelineResults& timeline) = 0;
    // One query's occurrences in context (--kwic).
    virtual void print_concordance(const ConcordanceResults& concordance) = 0;
    // A run's evaluation against judgements (--qrels).
    virtual void print_evaluation(const eval::Evaluation& evaluation) = 0;
};

struct FormatRow {
    std::string_view name;  // as given to --format
    OutputFormat format;
    std::string_view help;
    std::vector<OutputKind> kinds;  // what it can print
};

// Every format, in the order --help lists them.
const std::vector<FormatRow>& format_table();
// nullptr for an unknown name.
const FormatRow* find_format(std::string_view name);
std::vector<std::string> format_names();
bool supports(OutputFormat format, OutputKind kind);

// The columns tsv and csv can print, in the order --help lists them.
const std::vector<std::string>& table_field_names();
// The default columns: rank,id,score,date,source,title, with qid first when `with_qid`.
std::vector<std::string> default_table_fields(bool with_qid);

std::unique_ptr<Printer> make_printer(const PrintOptions& options, std::ostream& out);

// The docno a TREC run (and an evaluation) gives an article: its id with every white-space
// character made '_', since a docno is one field of a line.
std::string trec_docno(const std::string& id);

// One article as --export writes it, whatever --format says: a JSON object on one line ending
// in '\n' with "qid" (from a batch), "rank" and "score" (when the export is ranked) first,
// then every field --show prints in JSON, the whole text included.
std::string export_json_line(const Hit& hit, bool ranked, const std::optional<std::string>& qid);

}  // namespace newsdex
