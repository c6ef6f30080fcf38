// newsdex-search's command line: every option, in groups, declared once into one struct, and
// the checks of combinations that no single option can make (a format that cannot print what
// was asked, options that need --queries). main.cpp only runs what these say.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "output/printer.h"
#include "search/query_batch.h"
#include "search/searcher.h"

namespace newsdex::cli {

struct SearchCommand {
    // Databases and queries.
    std::vector<std::string> dbs;  // -d, repeatable; empty: $NEWSDEX_DB, else ./newsdex.db
    unsigned timeout_ms = OpenOptions{}.timeout_ms;  // --timeout, for remote parts
    bool partial = false;
    std::vector<std::string> words;  // the query on the command line
    std::string query_file;          // --queries
    std::string topic_field = "title";
    bool plain = false;

    // Output.
    std::string format = "text";
    std::string color = "auto";
    std::vector<std::string> fields;  // --fields (tsv, csv)
    std::string run_tag = "newsdex";
    std::size_t limit = 10;
    bool limit_given = false;
    std::size_t offset = 0;
    std::size_t snippet_chars = 200;

    // Result controls.
    std::string match = "all";
    std::string sort = "relevance";
    bool sort_given = false;  // --export keeps database order unless a sort is asked for
    std::vector<std::string> facets;
    std::size_t facet_size = 10;
    std::string since, until;
    bool no_suggest = false;
    std::size_t max_expansions = kDefaultMaxExpansions;

    // Other things to do than listing hits.
    std::string show_id;
    bool count = false;
    bool stats = false;
    std::string timeline;  // --timeline day|week|month|year
    bool kwic = false;
    std::size_t kwic_width = 40;

    // Ranking.
    std::string bm25;  // "k1=1.2,b=0.75"
    bool expand = false;
    std::size_t expand_docs = 10;
    std::size_t expand_terms = 20;
    double expand_weight = 0.2;
    std::string like;
    bool collapse = false;
    std::string duplicates;  // --duplicates ID

    bool timing = false;  // --timing

    // Export.
    std::string export_file;  // --export FILE, "-" for standard output

    // Evaluation.
    std::string qrels;
    std::size_t depth = 1000;
};

// Declares every option on `app`, bound to `command`. Returns nothing; the app owns the options.
void add_search_options(CLI::App& app, SearchCommand& command);

// Query words that start with '-' ("-crude", '-"crude oil" opec') would be taken for options:
// moves them behind a "--" so CLI11 reads them as the query (see the definition).
std::vector<std::string> query_safe_args(int argc, char** argv, const CLI::App& app);

// Throws Error for combinations that cannot run: --format trec with --facet, --fields
// without tsv or csv, --qrels without --queries, ... Call after parsing.
void check_combinations(const SearchCommand& command);

// The request one query of the batch makes.
SearchRequest make_request(const SearchCommand& command, const BatchQuery& query);

// The databases to open: every -d, else $NEWSDEX_DB, else ./newsdex.db.
std::vector<std::string> database_sources(const SearchCommand& command);
// --timeout and --partial.
OpenOptions open_options(const SearchCommand& command);

// Parses --bm25 "k1=1.2,b=0.75" into `params`; throws Error naming the bad part.
Bm25Params parse_bm25(const std::string& text);

PrintOptions print_options(const SearchCommand& command, bool with_qids);

}  // namespace newsdex::cli
