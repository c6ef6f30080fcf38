// newsdex-search: the command line around common/'s Searcher and printers. Reads the options
// (search_options.h), gathers the queries, runs each, hands the results to the chosen printer,
// and turns the outcome into an exit code like grep's: 0 something matched, 1 nothing
// matched, 2 error.
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <iostream>

#include "eval/qrels.h"
#include "eval/run_from_results.h"
#include "eval/trec_eval.h"
#include "output/printer.h"
#include "output/timing_summary.h"
#include "query/date_filter.h"
#include "search/query_batch.h"
#include "search/searcher.h"
#include "search_options.h"
#include "util/errors.h"
#include "util/version.h"

namespace {

using newsdex::BatchQuery;
using newsdex::cli::SearchCommand;

constexpr const char* kDescription =
    "newsdex-search - ranked keyword and phrase search over a Newsdex database\n\n"
    "Query syntax (docs/query-language.md has all of it):\n"
    "  north korean soldiers     all words must match (inflections too: soldier = soldiers)\n"
    "  \"prisoners of war\"        a phrase: these words, in this order, as written\n"
    "  oil -crude  -\"crude oil\"  exclude a word or a phrase (NOT word is the same)\n"
    "  cocoa OR sugar ghana      OR binds tighter than AND: (cocoa OR sugar) AND ghana\n"
    "  +word  AND  ( )           required word (with --match any), explicit AND, grouping\n"
    "  oil NEAR/3 opec           at most 3 words between, either order (NEAR = NEAR/10)\n"
    "  \"oil price\"~2             the words in any order within their count + 2 positions\n"
    "  sanction*                 words starting so (the --max-expansions most frequent)\n"
    "  title:kursk  title:\"north korea\"  title:(oil OR gas)     title words; ranks\n"
    "  source:reuters  source:\"new york times\"  place:el-salvador  author:  topic:\n"
    "  org:  lang:de  id:        filters on the whole value, case and accents aside\n"
    "  date:2025  date:2024-11..2025-01-31  date:..1987-03-01      dates, ends included\n"
    "Precedence, tightest first: NEAR, then - + NOT, then OR, then AND.\n"
    "Case, accents, width and apostrophes do not matter; 20-year-old is a phrase of its parts;\n"
    "Chinese and Japanese words are found as written.\n\n"
    "Output: text shows rank, title, date, source, path or URL and a snippet with the matched\n"
    "words highlighted (colour on a terminal); json prints one object per query with \"total\"\n"
    "and \"results\" (each hit: rank, id, score, title, date, source, path, url, topics, ...,\n"
    "snippet, highlights as [start, end) code-point offsets); jsonl one hit per line, then\n"
    "one {\"query\", \"facets\", \"suggestion\", \"warnings\"} line when there are any; trec,\n"
    "tsv and csv print runs and tables for other tools (docs/research.md).\n\n"
    "Result controls:\n"
    "  --sort date / -date    oldest / newest first; undated articles last; equal dates by\n"
    "                         relevance. Paging (--offset, -n) follows the sorted list.\n"
    "  --facet topic          count a field's values over ALL matches (not just the page):\n"
    "                         a table after the hits; json \"facets\": {\"topic\": [{\"value\",\n"
    "                         \"count\"}, ...]}. Case, accents and hyphens do not split a value.\n"
    "  --count                only the exact number of matches (json: {\"query\", \"count\"})\n"
    "  --stats                what the database holds; needs no query\n"
    "  --since/--until DATE   only articles dated in that range, ends included\n"
    "When few articles match, a corrected query may be suggested (\"did you mean: ...\").\n"
    "More in docs/query-language.md; research runs, evaluation and the rest in docs/research.md.\n\n"
    "Several databases: -d A -d B searches them as one ranking (an article scores as in one\n"
    "database holding both); -d also takes a stub file naming databases, one a line: 'auto\n"
    "PATH', 'remote HOST:PORT' (a xapian-tcpsrv), '#' comments. --timeout MS bounds a remote\n"
    "part; --partial answers from the parts that can be opened.\n\n"
    "Exit status: 0 something matched, 1 nothing matched, 2 error (bad query, no database).\n\n"
    "Examples:\n"
    "  newsdex-search -d news.db 'north korean soldiers'\n"
    "  newsdex-search -d news.db '\"prisoners of war\" kursk'\n"
    "  newsdex-search -d news.db --format json -n 5 'crude oil' | jq .\n"
    "  newsdex-search -d news.db --format trec -n 1000 --queries topics.txt > run.trec\n"
    "  newsdex-search -d news.db --queries topics.txt --qrels qrels.txt\n"
    "  newsdex-search -d news.db --sort -date --facet topic --facet year cocoa\n"
    "  newsdex-search -d news.db --count 'crude oil'\n"
    "  newsdex-search -d news.db --stats\n"
    "  newsdex-search -d 1987.db -d 1988.db 'crude oil'\n";

// The command line's query (if any) and then the file's, in order.
std::vector<BatchQuery> gather_queries(const SearchCommand& c) {
    std::vector<BatchQuery> queries;
    if (!c.words.empty()) {
        std::string joined;
        for (const auto& w : c.words) joined += (joined.empty() ? "" : " ") + w;
        queries.push_back({joined, std::nullopt, "", false});
    }
    if (!c.query_file.empty()) {
        const auto field = newsdex::parse_topic_field(c.topic_field).value_or(newsdex::TopicField::title);
        auto more = newsdex::read_query_file(c.query_file, field, c.plain);
        queries.insert(queries.end(), more.begin(), more.end());
    }
    return queries;
}

// "FILE:LINE (qid T17): " before a message about one query of a batch.
std::string where(const BatchQuery& query) {
    if (query.origin.empty()) return "";
    return query.origin + (query.qid ? " (qid " + *query.qid + ")" : "") + ": ";
}

// Thrown from inside the export's callback when the output stops taking lines.
struct OutputClosed {};

// --export: every match of each query as JSON Lines, to a file or standard output, with a
// progress line on a terminal.
struct Exported {
    std::size_t written = 0;
    std::size_t matched = 0;  // what the queries match: more than written when a pipe closed
};
Exported export_articles(newsdex::Searcher& searcher, const SearchCommand& c, const std::vector<BatchQuery>& queries) {
    std::ofstream file;
    if (c.export_file != "-") {
        file.open(c.export_file, std::ios::binary | std::ios::trunc);
        if (!file) throw newsdex::Error("cannot write " + c.export_file);
    }
    std::ostream& out = c.export_file == "-" ? std::cout : file;
    const bool progress = isatty(STDERR_FILENO) != 0;
    const bool ranked = c.sort_given || c.expand || !c.like.empty();
    Exported exported;
    try {
        for (const auto& query : queries) {
            std::size_t total = 0, done = 0;
            newsdex::SearchRequest request = newsdex::cli::make_request(c, query);
            request.empty_matches_all = true;
            searcher.export_matches(
                request, ranked,
                [&](std::size_t n) {
                    total = n;
                    exported.matched += n;
                },
                [&](const newsdex::Hit& hit) {
                    out << newsdex::export_json_line(hit, ranked, query.qid);
                    if (!out) throw OutputClosed{};
                    ++done;
                    if (progress && (done % 1000 == 0 || done == total)) {
                        std::cerr << "\rexported " << done << " of " << total << " articles" << std::flush;
                    }
                });
            exported.written += done;
        }
    } catch (const OutputClosed&) {
        // A closed pipe (| head) ends standard output quietly; a file that cannot be written
        // (disk full) is an error.
        if (c.export_file != "-") throw newsdex::Error("cannot write " + c.export_file);
    }
    if (progress && exported.written > 0) std::cerr << "\r\x1b[K";
    out.flush();
    if (c.export_file != "-" && !out) throw newsdex::Error("cannot write " + c.export_file);
    return exported;
}

// --qrels: each query's top --depth hits as a run (docnos as --format trec prints them, each
// once), evaluated as trec_eval -c would. A failed query is reported and retrieves nothing.
// Returns 2 when a query failed, else 0.
int evaluate_batch(newsdex::Searcher& searcher, const SearchCommand& c, const std::vector<BatchQuery>& queries,
                   newsdex::Printer& printer) {
    const newsdex::eval::Judgements qrels = newsdex::eval::read_qrels(c.qrels);
    newsdex::eval::Run run;
    bool failed = false;
    for (const auto& query : queries) {
        newsdex::SearchRequest request = newsdex::cli::make_request(c, query);
        request.offset = 0;
        request.limit = c.depth;
        request.snippets = false;
        request.suggest = false;
        const std::string qid = query.qid.value_or("1");
        auto& retrieved = run[qid];
        try {
            const newsdex::SearchResults results = searcher.search(request);
            for (const auto& warning : results.warnings) std::cerr << "warning: " << where(query) << warning << "\n";
            for (auto& doc : newsdex::eval::retrieved_from(results)) retrieved.push_back(std::move(doc));
        } catch (const newsdex::QueryError& e) {
            std::cerr << "error: " << where(query) << e.what() << "\n";
            failed = true;
        }
    }
    printer.print_evaluation(newsdex::eval::evaluate(run, qrels, c.depth));
    return failed ? 2 : 0;
}

int run(const SearchCommand& c) {
    const std::vector<BatchQuery> queries = gather_queries(c);
    if (queries.empty() && c.show_id.empty() && !c.stats && c.like.empty() && c.export_file.empty() &&
        c.duplicates.empty()) {
        std::cerr << "error: no query given (try --help)\n";
        return 2;
    }
    const bool with_qids = !c.query_file.empty();
    std::ios::sync_with_stdio(false);
    auto printer = newsdex::make_printer(newsdex::cli::print_options(c, with_qids), std::cout);

    // Checked once here, so a bad --since is one error, not one per line of --queries.
    newsdex::date_limits_query(c.since, c.until);

    newsdex::Searcher searcher(newsdex::cli::database_sources(c), newsdex::cli::open_options(c));
    // Parts --partial left out: said once here, and in each JSON result's "warnings".
    for (const auto& warning : searcher.warnings()) std::cerr << "warning: " << warning << "\n";
    const auto with_part_warnings = [&searcher](std::vector<std::string>& warnings) {
        warnings.insert(warnings.end(), searcher.warnings().begin(), searcher.warnings().end());
    };
    if (c.stats) {
        printer->print_stats(searcher.stats());
        return 0;
    }
    if (!c.duplicates.empty()) {
        const newsdex::SearchResults copies = searcher.duplicates(c.duplicates, c.snippet_chars);
        printer->print_results(copies);
        return copies.hits.empty() ? 1 : 0;
    }
    bool matched = false;
    bool failed = false;
    if (!c.show_id.empty()) {
        const auto articles = searcher.find_by_id(c.show_id);
        for (const auto& article : articles) printer->print_article(article);
        if (articles.empty()) std::cerr << "no article with id '" << c.show_id << "'\n";
        matched = !articles.empty();
    }
    std::vector<BatchQuery> runs = queries;
    if (runs.empty() && (!c.like.empty() || !c.export_file.empty())) runs.push_back({"", std::nullopt, "", false});
    if (!c.qrels.empty()) return evaluate_batch(searcher, c, runs, *printer);
    if (!c.export_file.empty()) {
        const Exported exported = export_articles(searcher, c, runs);
        if (c.export_file != "-") std::cerr << "exported " << exported.written << " articles to " << c.export_file << "\n";
        return exported.matched > 0 ? 0 : 1;
    }
    std::vector<std::int64_t> times;  // --timing: microseconds of each query that ran
    for (const auto& query : runs) {
        const newsdex::SearchRequest request = newsdex::cli::make_request(c, query);
        const auto start = std::chrono::steady_clock::now();
        const auto elapsed_us = [&start] {
            return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
        };
        bool ran = false;
        try {
            if (c.kwic) {
                newsdex::ConcordanceResults results = searcher.concordance(request, c.kwic_width);
                for (const auto& warning : results.warnings) std::cerr << "warning: " << where(query) << warning << "\n";
                with_part_warnings(results.warnings);
                printer->print_concordance(results);
                for (const auto& article : results.articles) matched = matched || !article.lines.empty();
            } else if (!c.timeline.empty()) {
                const auto period = newsdex::parse_timeline_period(c.timeline).value_or(newsdex::TimelinePeriod::month);
                newsdex::TimelineResults results = searcher.timeline(request, period);
                for (const auto& warning : results.warnings) std::cerr << "warning: " << where(query) << warning << "\n";
                with_part_warnings(results.warnings);
                printer->print_timeline(results);
                std::size_t found = results.timeline.undated;
                for (const auto& bucket : results.timeline.buckets) found += bucket.count;
                matched = matched || found > 0;
            } else if (c.count) {
                const newsdex::SearchResults results = searcher.count(request);
                for (const auto& warning : results.warnings) std::cerr << "warning: " << where(query) << warning << "\n";
                printer->print_count({results.query, results.qid, results.total});
                matched = matched || results.total > 0;
            } else {
                newsdex::SearchResults results = searcher.search(request);
                for (const auto& warning : results.warnings) std::cerr << "warning: " << where(query) << warning << "\n";
                with_part_warnings(results.warnings);
                // The object JSON prints cannot hold the time of its own writing: its
                // time_us ends where printing starts; the stderr line and the summary include it.
                if (c.timing) results.time_us = elapsed_us();
                printer->print_results(results);
                matched = matched || results.total > 0;  // a page past the end still matched
            }
            ran = true;
        } catch (const newsdex::QueryError& e) {
            std::cerr << "error: " << where(query) << e.what() << "\n";
            failed = true;
        }
        std::cout.flush();
        if (!std::cout) return 0;  // the reader went away
        if (c.timing && ran) {
            times.push_back(elapsed_us());
            if (c.format == "text") std::cerr << "time: " << query.qid.value_or(query.text) << " " << times.back() << " us\n";
        }
    }
    if (c.timing) {
        std::cerr << newsdex::timing_summary(times) << "\n";
        if (times.size() < runs.size()) std::cerr << "timing: " << runs.size() - times.size() << " failed queries left out\n";
    }
    if (failed) return 2;
    return matched ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe (| head) ends the output quietly instead of killing us mid-line.
    std::signal(SIGPIPE, SIG_IGN);

    CLI::App app{kDescription};
    app.get_formatter()->column_width(30);
    app.set_version_flag("--version", newsdex::version_line("newsdex-search"));
    SearchCommand command;
    newsdex::cli::add_search_options(app, command);
    try {
        std::vector<std::string> args = newsdex::cli::query_safe_args(argc, argv, app);
        std::vector<char*> arg_ptrs;
        for (auto& a : args) arg_ptrs.push_back(a.data());
        app.parse(static_cast<int>(arg_ptrs.size()), arg_ptrs.data());
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    try {
        newsdex::cli::check_combinations(command);
        return run(command);
    } catch (const newsdex::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const Xapian::Error& e) {  // not a std::exception; a last line of defence
        std::cerr << "error: " << e.get_description() << "\n";
        return 2;
    }
}
