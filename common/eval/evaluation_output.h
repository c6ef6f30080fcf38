// An Evaluation as text laid out as `trec_eval -q` prints it, or as one line of JSON.
// Both show a float with 4 decimals, rounded as printf's %.4f rounds, so they agree.
#pragma once

#include <string>

#include "eval/trec_eval.h"

namespace newsdex::eval {

// One line per measure: the name left-justified in 22 characters, a tab, the qid, a tab,
// the value (%6.4f, or an integer for a count). Every per-query block first (measures in
// measure_values order, no num_q), then the `all` rows with num_q first.
std::string evaluation_text(const Evaluation& evaluation);

// {"all": {"num_q": N, "num_ret": ..., "map": 0.5839, ...}, "per_query": {"qid": {...}}}
// on one line with no trailing newline; keys in measure_values order, per_query in the
// order of evaluation.per_query; counts as integers, floats rounded to 4 decimals.
std::string evaluation_json(const Evaluation& evaluation);

}  // namespace newsdex::eval
