// Newsdex's query language, parsed with the same Analyzer that built the index, into a
// Xapian::Query plus the patterns the snippet builder highlights.
//
// Grammar (precedence, tightest first: unary, OR, then AND / juxtaposition):
//   query   := and_expr
//   and_expr:= or_expr ( ["AND"] or_expr )*
//   or_expr := unary ( "OR" unary )*
//   unary   := "-" primary | "+" primary | "NOT" unary | primary
//   primary := WORD | "\"" words "\"" | "(" and_expr ")"
// A WORD that analyses to several tokens (20-year-old, 北京) is searched as a phrase of them.
// A single-token WORD matches every indexed word with its stem; a quoted phrase matches words
// exactly as written (up to case and accents).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "query/match_pattern.h"

namespace newsdex {

enum class MatchMode { all, any };

struct ParsedQuery {
    Xapian::Query query;
    std::vector<MatchPattern> patterns;  // positive keywords and phrases, in query order
};

class QueryParser {
public:
    // Returns the indexed words a keyword (already normalised) matches; see expand_keyword().
    using Expander = std::function<std::vector<std::string>(const std::string& word)>;

    QueryParser(Analyzer& analyzer, Expander expander)
        : analyzer_(analyzer), expander_(std::move(expander)) {}

    // Throws QueryError (with a code-point column from 1) for an unclosed quote or parenthesis,
    // a dangling operator, an empty query, or a query made only of exclusions.
    ParsedQuery parse(std::string_view query, MatchMode mode = MatchMode::all) const;

private:
    Analyzer& analyzer_;
    Expander expander_;
};

}  // namespace newsdex
