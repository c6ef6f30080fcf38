// "did you mean": a query with its misspelt words replaced, keeping everything else the user
// typed (operators, quotes, fields, spacing) as it was.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "query/query_parser.h"

namespace newsdex {

// Returns the replacement for one word of the query (a normalised term with its prefix, as
// in QueryWord), or nullopt to keep it.
using WordCorrector = std::function<std::optional<std::string>(std::string_view prefix, const std::string& term)>;

// The query text with each of `parsed.words` that `correct` replaces rewritten; nullopt when
// no word changes. A replacement with a space for an unquoted value is quoted.
std::optional<std::string> corrected_query(const ParsedQuery& parsed, const WordCorrector& correct);

}  // namespace newsdex
