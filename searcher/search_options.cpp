#include "search_options.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "search/facets.h"
#include "util/errors.h"

namespace newsdex::cli {

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

// The terminal's columns when standard output is one, else 60 (what timeline bars fill).
std::size_t terminal_width() {
    winsize size{};
    if (isatty(STDOUT_FILENO) != 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) {
        return size.ws_col;
    }
    return 60;
}

std::string format_help() {
    std::string help = "Output format:";
    for (const auto& row : format_table()) help += "\n  " + std::string(row.name) + ": " + std::string(row.help);
    return help;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
    return out;
}

}  // namespace

void add_search_options(CLI::App& app, SearchCommand& c) {
    app.add_option("query", c.words, "The query (several arguments are joined with spaces)");
    app.add_option("-d,--db", c.dbs,
                   "Database folder or stub file (default: $NEWSDEX_DB, else ./newsdex.db); give -d again to "
                   "search several databases as one")
        ->type_name("DB")
        ->take_all()
        ->allow_extra_args(false);
    app.add_option("--timeout", c.timeout_ms,
                   "Milliseconds allowed for connecting to a remote part and for each exchange with it")
        ->type_name("MS")
        ->check(CLI::Range(1u, 3600000u))
        ->capture_default_str();
    app.add_flag("--partial", c.partial,
                 "Answer from the parts that can be opened, naming the others in a warning (scores then use "
                 "the statistics of the parts that answered)");
    app.add_option("-n,--limit", c.limit, "Results to show (with --qrels: see --depth)")
        ->type_name("N")
        ->capture_default_str()
        ->each([&c](const std::string&) { c.limit_given = true; });
    app.add_option("--offset", c.offset, "Results to skip first (for paging)")->type_name("N")->capture_default_str();
    app.add_option("--match", c.match, "all: every word must match; any: rank articles matching any word")
        ->check(CLI::IsMember({"all", "any"}))
        ->capture_default_str();
    app.add_option("--format", c.format, format_help())
        ->check(CLI::IsMember(format_names()))
        ->capture_default_str();
    app.add_option("--color", c.color, "Highlight in colour: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_option("--snippet-chars", c.snippet_chars, "Snippet length in characters")
        ->check(CLI::Range(std::size_t{20}, std::size_t{100000}))
        ->type_name("N")
        ->capture_default_str();
    app.add_option("--show", c.show_id, "Print the stored article with this id, whole")->type_name("ID");

    auto* batch = app.add_option_group("Query files");
    batch->add_option("--queries", c.query_file,
                      "Run each query of FILE ('-': standard input): one a line, or qid<TAB>query; "
                      "blank and '#' lines skipped; a TREC topic file (<top>) is read as topics")
        ->type_name("FILE");
    batch->add_option("--topic-field", c.topic_field, "Which part of a TREC topic is the query")
        ->check(CLI::IsMember({"title", "desc", "title+desc"}))
        ->capture_default_str();
    batch->add_flag("--plain", c.plain,
                    "Read every query of the file as plain words: quotes, operators, '-' and name: are ignored");

    auto* tools = app.add_option_group("Output for tools");
    tools->add_option("--fields", c.fields,
                      "Columns of tsv and csv, from: " + join(table_field_names(), ",") +
                          " (default rank,id,score,date,source,title; qid first with --queries)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->check(CLI::IsMember(table_field_names()))
        ->type_name("LIST");
    tools->add_option("--export", c.export_file,
                      "Write every matching article (all fields, whole text) to FILE ('-': standard output) "
                      "as JSON Lines; in database order unless --sort, --expand or --like rank it (no query: every article)")
        ->type_name("FILE");
    tools->add_flag("--timing", c.timing,
                    "Each query's time in microseconds (stderr; json: \"time_us\", jsonl: a closing line per "
                    "query), then p50/p95/p99/mean over the run on stderr");
    tools->add_option("--run-tag", c.run_tag, "The last column of --format trec")->type_name("TAG")->capture_default_str();

    auto* controls = app.add_option_group("Result controls");
    controls->add_option("--sort", c.sort, "relevance, date (oldest first) or -date (newest first); undated last")
        ->check(CLI::IsMember({"relevance", "date", "-date"}))
        ->capture_default_str()
        ->each([&c](const std::string&) { c.sort_given = true; });
    controls->add_option("--facet", c.facets, "Count a field's values over all matches (repeatable, or comma-separated)")
        ->check(CLI::IsMember(facet_names()))
        ->allow_extra_args(false)
        ->delimiter(',')
        ->type_name("NAME");
    controls->add_option("--facet-size", c.facet_size, "Values shown per facet, largest counts first (0: all)")
        ->type_name("N")
        ->capture_default_str();
    controls->add_flag("--count", c.count, "Print only the exact number of matching articles");
    controls->add_flag("--kwic", c.kwic,
                       "Concordance: every occurrence of the query's words and phrases in the top -n "
                       "articles, in context (title first, then body)");
    controls->add_option("--kwic-width", c.kwic_width, "Code points of context either side of a --kwic match")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000}))
        ->type_name("N")
        ->capture_default_str();
    controls->add_option("--timeline", c.timeline,
                         "Count all matching articles per day, week (ISO), month or year, empty periods "
                         "as 0: bars in text, buckets in json, period,count in csv/tsv")
        ->check(CLI::IsMember({"day", "week", "month", "year"}))
        ->type_name("PERIOD");
    controls->add_flag("--stats", c.stats,
                       "Print what the database holds: articles, dates, sources, languages, topics, size");
    controls->add_option("--since", c.since, "Only articles dated on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD, inclusive")
        ->type_name("DATE");
    controls->add_option("--until", c.until, "Only articles dated on or before DATE: YYYY, YYYY-MM or YYYY-MM-DD, inclusive")
        ->type_name("DATE");
    controls->add_flag("--no-suggest", c.no_suggest, "Do not suggest a corrected query when few articles match");
    controls->add_option("--max-expansions", c.max_expansions,
                         "Words a wildcard (sanction*) may expand to, the most frequent first; "
                         "a warning says when more match")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
        ->type_name("N")
        ->capture_default_str();

    auto* ranking = app.add_option_group("Ranking");
    ranking->add_option("--bm25", c.bm25,
                        "BM25 parameters, e.g. k1=1.2,b=0.75 (also k2, k3, min_normlen; Xapian's defaults: "
                        "k1=1,k2=0,k3=1,b=0.5,min_normlen=0.5)")
        ->type_name("K=V,...");
    ranking->add_flag("--expand", c.expand,
                      "Pseudo-relevance feedback: terms from the top articles are added to the query");
    ranking->add_option("--expand-docs", c.expand_docs, "Top articles that give the terms")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000}))
        ->type_name("N")
        ->capture_default_str();
    ranking->add_option("--expand-terms", c.expand_terms, "Terms added")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}))
        ->type_name("M")
        ->capture_default_str();
    ranking->add_option("--expand-weight", c.expand_weight, "Weight of the added terms against the query's")
        ->check(CLI::Range(0.0, 100.0))
        ->type_name("W")
        ->capture_default_str();
    ranking->add_option("--like", c.like,
                        "Rank articles similar to the one with this id (a query, filters and dates restrict them)")
        ->type_name("ID");

    auto* copies = app.add_option_group("Wire copies");
    copies->add_flag("--collapse", c.collapse,
                     "Show each group of near-copies of one story (wire copies) once, at its best-ranked "
                     "article, with how many other copies match; totals and facets still count articles");
    copies->add_option("--duplicates", c.duplicates, "List the copies of the article with this id")->type_name("ID");

    auto* evaluation = app.add_option_group("Evaluation");
    evaluation->add_option("--qrels", c.qrels,
                           "With --queries: evaluate the ranking against TREC judgements (qid iter docno rel) "
                           "as trec_eval -c would, instead of printing hits")
        ->type_name("FILE");
    evaluation->add_option("--depth", c.depth, "Hits per query evaluated (trec_eval's -M)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->type_name("N")
        ->capture_default_str();
}

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

void check_combinations(const SearchCommand& c) {
    const FormatRow* format = find_format(c.format);
    const auto refuse = [&](const std::string& what) {
        throw Error("--format " + c.format + " cannot print " + what + " (use text, json or jsonl)");
    };
    if (!c.facets.empty() && !supports(format->format, OutputKind::facets)) refuse("--facet counts");
    if (c.stats && !supports(format->format, OutputKind::stats)) refuse("--stats");
    if (!c.show_id.empty() && !supports(format->format, OutputKind::article)) refuse("--show");
    if (!c.fields.empty() && format->format != OutputFormat::tsv && format->format != OutputFormat::csv) {
        throw Error("--fields chooses the columns of --format tsv or csv, not of --format " + c.format);
    }
    if (c.stats && (!c.words.empty() || !c.query_file.empty() || !c.show_id.empty() || c.count)) {
        throw Error("--stats takes no query, --queries, --show or --count");
    }
    if (c.count && !c.show_id.empty()) throw Error("--count and --show cannot be combined");
    if (!c.duplicates.empty() && (!c.words.empty() || !c.query_file.empty() || !c.show_id.empty() || c.count ||
                                  c.stats || c.kwic || !c.timeline.empty() || !c.export_file.empty() || !c.like.empty())) {
        throw Error("--duplicates ID lists that article's copies; it takes no query or other action");
    }
    if (c.kwic && !supports(format->format, OutputKind::concordance)) refuse("--kwic");
    if (c.kwic && (c.count || !c.timeline.empty() || !c.show_id.empty() || !c.facets.empty() || !c.qrels.empty() ||
                   !c.export_file.empty() || c.stats)) {
        throw Error("--kwic lists matches in context; it takes no --count, --timeline, --show, --facet, --qrels, "
                    "--export or --stats");
    }
    if (!c.timeline.empty() && (c.count || !c.show_id.empty() || !c.facets.empty() || !c.qrels.empty())) {
        throw Error("--timeline counts per period; it takes no --count, --show, --facet or --qrels");
    }
    if (!c.qrels.empty() && c.query_file.empty()) throw Error("--qrels evaluates the queries of --queries FILE");
    if (!c.qrels.empty() && c.count) throw Error("--qrels and --count cannot be combined");
    if (!c.qrels.empty() && !supports(format->format, OutputKind::evaluation)) refuse("--qrels evaluations");
    if (!c.bm25.empty()) parse_bm25(c.bm25);
    if (!c.export_file.empty() &&
        (c.count || c.stats || !c.show_id.empty() || !c.facets.empty() || !c.qrels.empty() || !c.timeline.empty())) {
        throw Error("--export writes articles; it takes no --count, --stats, --show, --facet, --timeline or --qrels");
    }
}

Bm25Params parse_bm25(const std::string& text) {
    Bm25Params p;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, ',');) {
        const auto eq = part.find('=');
        const std::string name = part.substr(0, eq);
        double* target = bm25_parameter(p, name);
        if (eq == std::string::npos || target == nullptr) {
            throw Error("--bm25: '" + part + "' is not one of k1=, k2=, k3=, b=, min_normlen= with a number");
        }
        const std::string value = part.substr(eq + 1);
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        if (value.empty() || end == nullptr || *end != '\0' || !(number >= 0)) {
            throw Error("--bm25: " + name + " needs a number of 0 or more, not '" + value + "'");
        }
        if (name == "b" && number > 1) throw Error("--bm25: b is between 0 and 1, not " + value);
        *target = number;
    }
    return p;
}

std::vector<std::string> database_sources(const SearchCommand& c) {
    return c.dbs.empty() ? std::vector<std::string>{default_db()} : c.dbs;
}

OpenOptions open_options(const SearchCommand& c) {
    OpenOptions options;
    options.timeout_ms = c.timeout_ms;
    options.partial = c.partial;
    return options;
}

SearchRequest make_request(const SearchCommand& c, const BatchQuery& query) {
    SearchRequest request;
    request.query = query.text;
    request.qid = query.qid;
    request.mode = c.match == "any" ? MatchMode::any : MatchMode::all;
    request.offset = c.offset;
    request.limit = c.limit;
    request.snippet_chars = c.snippet_chars;
    request.sort = parse_sort_order(c.sort);
    request.facets = c.facets;
    request.facet_size = c.facet_size;
    request.since = c.since;
    request.until = c.until;
    request.suggest = !c.no_suggest;
    request.max_expansions = c.max_expansions;
    if (!c.bm25.empty()) request.bm25 = parse_bm25(c.bm25);
    request.expand = ExpandParams{c.expand, c.expand_docs, c.expand_terms, c.expand_weight};
    request.like = c.like;
    request.collapse = c.collapse;
    // Snippets are the costly part of a hit; formats and columns that show none skip them.
    const FormatRow* format = find_format(c.format);
    if (format->format == OutputFormat::trec) request.snippets = false;
    if (format->format == OutputFormat::tsv || format->format == OutputFormat::csv) {
        request.snippets = std::find(c.fields.begin(), c.fields.end(), "snippet") != c.fields.end();
    }
    return request;
}

PrintOptions print_options(const SearchCommand& c, bool with_qids) {
    PrintOptions options;
    options.format = find_format(c.format)->format;
    options.color = use_color(c.color);
    options.fields = c.fields.empty() ? default_table_fields(with_qids) : c.fields;
    options.run_tag = c.run_tag;
    options.width = terminal_width();
    return options;
}

}  // namespace newsdex::cli
