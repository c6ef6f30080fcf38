// The third stage of the query parser: the syntax tree into a Xapian::Query.
//
// Text words match every indexed word with their stem (OP_SYNONYM); phrases match words as
// written (case and accents aside); title: does the same on title terms. Metadata fields
// (source:, topic:, ...) and date: are filters: they restrict without adding weight, and
// they always apply, whatever --match says. Throws QueryError for a query made only of
// exclusions, an exclusion as an alternative of OR, NEAR over something not a word or
// phrase, a field without a value, and bad dates.
#pragma once

#include <cstddef>

#include "query/query_parser.h"
#include "query/query_syntax.h"

namespace newsdex::query {

ParsedQuery build_query(const Node& root, Analyzer& analyzer, const QueryVocabulary& vocabulary,
                        MatchMode mode, std::size_t max_expansions);

}  // namespace newsdex::query
