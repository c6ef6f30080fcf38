// Output formats: one printer per format. The search logic never formats text; it hands
// results to a printer.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

#include "search/results.h"

namespace newsdex {

enum class OutputFormat { text, json, jsonl };

struct PrintOptions {
    OutputFormat format = OutputFormat::text;
    bool color = false;  // resolved by the caller from --color, NO_COLOR and isatty
};

class Printer {
public:
    virtual ~Printer() = default;
    // One query's results.
    virtual void print_results(const SearchResults& results) = 0;
    // One stored article, whole (--show).
    virtual void print_article(const Article& article) = 0;
    // The number of articles one query matches (--count).
    virtual void print_count(const std::string& query, std::size_t count) = 0;
    // What the database holds (--stats).
    virtual void print_stats(const DatabaseStats& stats) = 0;
};

std::unique_ptr<Printer> make_printer(const PrintOptions& options, std::ostream& out);

}  // namespace newsdex
