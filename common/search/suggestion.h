// "did you mean": a query with its misspelt words replaced, keeping everything else the user
// typed (operators, quotes, fields, spacing) as it was.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/query_parser.h"

namespace newsdex {

// The replacements for one word of the query (a normalised term with its prefix, as in
// QueryWord), best first; empty to keep the word.
using WordCandidates = std::function<std::vector<std::string>(std::string_view prefix, const std::string& term)>;

// How many articles a query text finds.
using QueryCounter = std::function<std::size_t(const std::string& text)>;

// The query text with its words replaced by their candidates; nullopt when no word has one.
// Where a word has several, the one with which the query finds most articles wins, so the
// choice fits the rest of the query; on a tie, the one sharing a longer start with the typed
// word (slips come late in a word more often than at its start: "nort korean soldiers" becomes
// "north korean soldiers", not "not korean soldiers"), then the first. Words are settled left
// to right, starting from every word's first candidate, so one misspelt word does not hide the
// others. A replacement with a space for an unquoted value is quoted.
std::optional<std::string> corrected_query(const ParsedQuery& parsed, const WordCandidates& candidates,
                                           const QueryCounter& count);

}  // namespace newsdex
