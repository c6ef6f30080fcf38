// newsdex-search: the command line around common/'s Searcher and printers. Parses options,
// runs each query, prints with the chosen printer, and turns the outcome into an exit code
// like grep's: 0 something matched, 1 nothing matched, 2 error.
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "output/printer.h"
#include "query/date_filter.h"
#include "search/facets.h"
#include "search/searcher.h"
#include "util/errors.h"

namespace {

std::string default_db() {
    const char* env = std::getenv("NEWSDEX_DB");
    return (env != nullptr && *env != '\0') ? env : "newsdex.db";
}

bool use_color(const std::string& when) {
    if (when == "always") return true;
    if (when == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color != nullptr && *no_color != '\0') return false;
    return isatty(STDOUT_FILENO) != 0;
}

struct Query {
    std::string text;
    std::string origin;  // "" for the command line, "FILE:LINE" for a batch file
};

std::vector<Query> read_query_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw newsdex::Error("cannot read query file " + path);
    std::vector<Query> queries;
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        queries.push_back({line.substr(first), path + ":" + std::to_string(n)});
    }
    return queries;
}

// Query words that start with '-' ("-crude", '-"crude oil" opec') would be taken for options.
// Anything starting with a single '-' that is not one of our short options is moved behind a
// "--", where CLI11 reads it as part of the query; except the value of a long option that
// takes one, such as "--sort -date".
std::vector<std::string> query_safe_args(int argc, char** argv, const CLI::App& app) {
    std::vector<std::string> options, query_words;
    bool after_separator = false;
    bool option_value = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (after_separator) {
            query_words.push_back(arg);
            continue;
        }
        if (option_value) {
            options.push_back(arg);
            option_value = false;
            continue;
        }
        if (arg == "--") {
            after_separator = true;
            continue;
        }
        if (arg.starts_with("--") && arg.find('=') == std::string::npos) {
            const CLI::Option* option = app.get_option_no_throw(arg);
            option_value = option != nullptr && option->get_type_size_max() > 0;
        }
        const bool short_option = arg.size() >= 2 && arg[0] == '-' && arg[1] != '-' &&
                                  std::string_view("dnh").find(arg[1]) != std::string_view::npos &&
                                  (arg.size() == 2 || arg[1] == 'd' ||
                                   arg.find_first_not_of("0123456789", 2) == std::string::npos);
        if (arg.size() >= 2 && arg[0] == '-' && arg[1] != '-' && !short_option) {
            query_words.push_back(arg);
        } else {
            options.push_back(arg);
        }
    }
    std::vector<std::string> out{argv[0]};
    out.insert(out.end(), options.begin(), options.end());
    if (!query_words.empty()) {
        out.push_back("--");
        out.insert(out.end(), query_words.begin(), query_words.end());
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe (| head) ends the output quietly instead of killing us mid-line.
    std::signal(SIGPIPE, SIG_IGN);

    CLI::App app{
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
        "one {\"query\", \"facets\", \"suggestion\", \"warnings\"} line when there are any.\n\n"
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
        "More in docs/query-language.md.\n\n"
        "Exit status: 0 something matched, 1 nothing matched, 2 error (bad query, no database).\n\n"
        "Examples:\n"
        "  newsdex-search -d news.db 'north korean soldiers'\n"
        "  newsdex-search -d news.db '\"prisoners of war\" kursk'\n"
        "  newsdex-search -d news.db --format json -n 5 'crude oil' | jq .\n"
        "  newsdex-search -d news.db --format jsonl --queries topics.txt > runs.jsonl\n"
        "  newsdex-search -d news.db --sort -date --facet topic --facet year cocoa\n"
        "  newsdex-search -d news.db --count 'crude oil'\n"
        "  newsdex-search -d news.db --stats\n"};
    app.get_formatter()->column_width(30);

    std::string db = default_db();
    std::vector<std::string> words;
    std::string match = "all";
    std::string format = "text";
    std::string color = "auto";
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::size_t snippet_chars = 200;
    std::string show_id;
    std::string query_file;
    auto* query_option = app.add_option("query", words, "The query (several arguments are joined with spaces)");
    app.add_option("-d,--db", db, "Database folder (default: $NEWSDEX_DB, else ./newsdex.db)")->type_name("DIR");
    app.add_option("-n,--limit", limit, "Results to show")->type_name("N")->capture_default_str();
    app.add_option("--offset", offset, "Results to skip first (for paging)")->type_name("N")->capture_default_str();
    app.add_option("--match", match, "all: every word must match; any: rank articles matching any word")
        ->check(CLI::IsMember({"all", "any"}))
        ->capture_default_str();
    app.add_option("--format", format, "text, json (one object per query) or jsonl (one line per hit)")
        ->check(CLI::IsMember({"text", "json", "jsonl"}))
        ->capture_default_str();
    app.add_option("--color", color, "Highlight in colour: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_option("--snippet-chars", snippet_chars, "Snippet length in characters")
        ->check(CLI::Range(std::size_t{20}, std::size_t{100000}))->type_name("N")
        ->capture_default_str();
    auto* show_option = app.add_option("--show", show_id, "Print the stored article with this id, whole")->type_name("ID");
    auto* queries_option =
        app.add_option("--queries", query_file, "Run each line of FILE as a query ('#' lines skipped)")->type_name("FILE");

    std::string sort = "relevance";
    std::vector<std::string> facets;
    std::size_t facet_size = 10;
    bool count_only = false;
    bool stats = false;
    std::string since, until;
    bool no_suggest = false;
    std::size_t max_expansions = newsdex::kDefaultMaxExpansions;
    auto* controls = app.add_option_group("Result controls");
    controls->add_option("--sort", sort, "relevance, date (oldest first) or -date (newest first); undated last")
        ->check(CLI::IsMember({"relevance", "date", "-date"}))
        ->capture_default_str();
    controls->add_option("--facet", facets, "Count a field's values over all matches (repeatable, or comma-separated)")
        ->check(CLI::IsMember(newsdex::facet_names()))
        ->allow_extra_args(false)
        ->delimiter(',')
        ->type_name("NAME");
    controls->add_option("--facet-size", facet_size, "Values shown per facet, largest counts first (0: all)")
        ->type_name("N")
        ->capture_default_str();
    auto* count_option =
        controls->add_flag("--count", count_only, "Print only the exact number of matching articles");
    auto* stats_option = controls->add_flag(
        "--stats", stats, "Print what the database holds: articles, dates, sources, languages, topics, size");
    controls->add_option("--since", since,
                         "Only articles dated on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD, inclusive")
        ->type_name("DATE");
    controls->add_option("--until", until,
                         "Only articles dated on or before DATE: YYYY, YYYY-MM or YYYY-MM-DD, inclusive")
        ->type_name("DATE");
    controls->add_flag("--no-suggest", no_suggest, "Do not suggest a corrected query when few articles match");
    controls->add_option("--max-expansions", max_expansions,
                         "Words a wildcard (sanction*) may expand to, the most frequent first; "
                         "a warning says when more match")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))->type_name("N")->capture_default_str();
    stats_option->excludes(query_option)->excludes(queries_option)->excludes(show_option)->excludes(count_option);
    count_option->excludes(show_option);

    try {
        std::vector<std::string> args = query_safe_args(argc, argv, app);
        std::vector<char*> arg_ptrs;
        for (auto& a : args) arg_ptrs.push_back(a.data());
        app.parse(static_cast<int>(arg_ptrs.size()), arg_ptrs.data());
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    try {
        newsdex::PrintOptions print_options;
        print_options.format = format == "json"    ? newsdex::OutputFormat::json
                               : format == "jsonl" ? newsdex::OutputFormat::jsonl
                                                   : newsdex::OutputFormat::text;
        print_options.color = use_color(color);
        std::ios::sync_with_stdio(false);
        auto printer = newsdex::make_printer(print_options, std::cout);

        std::vector<Query> queries;
        if (!words.empty()) {
            std::string joined;
            for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
            queries.push_back({joined, ""});
        }
        if (!query_file.empty()) {
            auto more = read_query_file(query_file);
            queries.insert(queries.end(), more.begin(), more.end());
        }
        if (queries.empty() && show_id.empty() && !stats) {
            std::cerr << "error: no query given (try --help)\n";
            return 2;
        }

        // Checked once here, so a bad --since is one error, not one per line of --queries.
        newsdex::date_limits_query(since, until);

        newsdex::Searcher searcher(db);
        if (stats) {
            printer->print_stats(searcher.stats());
            return 0;
        }
        bool matched = false;
        bool failed = false;
        if (!show_id.empty()) {
            const auto articles = searcher.find_by_id(show_id);
            for (const auto& article : articles) printer->print_article(article);
            if (articles.empty()) std::cerr << "no article with id '" << show_id << "'\n";
            matched = !articles.empty();
        }
        for (const auto& query : queries) {
            newsdex::SearchRequest request;
            request.query = query.text;
            request.mode = match == "any" ? newsdex::MatchMode::any : newsdex::MatchMode::all;
            request.offset = offset;
            request.limit = limit;
            request.snippet_chars = snippet_chars;
            request.sort = newsdex::parse_sort_order(sort);
            request.facets = facets;
            request.facet_size = facet_size;
            request.since = since;
            request.until = until;
            request.suggest = !no_suggest;
            request.max_expansions = max_expansions;
            const std::string where = query.origin.empty() ? "" : query.origin + ": ";
            try {
                const newsdex::SearchResults results = count_only ? searcher.count(request) : searcher.search(request);
                for (const auto& warning : results.warnings) std::cerr << "warning: " << where << warning << "\n";
                if (count_only) {
                    printer->print_count(results.query, results.total);
                } else {
                    printer->print_results(results);
                }
                matched = matched || results.total > 0;  // a page past the end still matched
            } catch (const newsdex::QueryError& e) {
                std::cerr << "error: " << where << e.what() << "\n";
                failed = true;
            }
            std::cout.flush();
            if (!std::cout) return 0;  // the reader went away
        }
        if (failed) return 2;
        return matched ? 0 : 1;
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
