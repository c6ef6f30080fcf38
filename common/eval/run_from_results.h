// The documents one query's results contribute to a run (--qrels, and the Python module's
// run()): each hit's docno as --format trec prints it (output/printer.h trec_docno), listed
// once, at its best rank, with its unrounded score. Both callers build runs this way, so an
// evaluation from Python and from the command line see the same run.
#pragma once

#include <vector>

#include "eval/trec_eval.h"
#include "search/results.h"

namespace newsdex::eval {

std::vector<Retrieved> retrieved_from(const SearchResults& results);

}  // namespace newsdex::eval
