// A search request from the keyword arguments of the Python API (newsdex/__init__.py passes
// them on as one dict), with the command line's defaults, and the same checks as its options:
// a value the command line would refuse raises ValueError naming the argument.
#pragma once

#include <pybind11/pybind11.h>

#include "search/searcher.h"

namespace newsdex::python {

// Known keys: query, qid, limit, offset, match, sort, since, until, snippet_chars, snippets,
// facets, facet_size, suggest, max_expansions, bm25 (dict of k1, k2, k3, b, min_normlen),
// expand (bool, or dict of docs, terms, weight), like, collapse. A key left out or None keeps
// the default; an unknown key raises TypeError (a misspelt option must not pass silently).
SearchRequest request_from(const pybind11::dict& options);

// A count that must be 0 or more ("limit", "width", ...): ValueError otherwise.
std::size_t count_arg(const pybind11::handle& value, const char* name);

}  // namespace newsdex::python
