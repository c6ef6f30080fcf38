// Evaluation of a ranked run against TREC judgements with the values `trec_eval -c -q -M N`
// of trec_eval 9.0.8 prints for num_q, num_ret, num_rel, num_rel_ret, map, P_5, P_10,
// recall_100, recall_1000 and ndcg_cut_10 (checked against its source, measure by measure).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "eval/qrels.h"

namespace newsdex::eval {

struct Retrieved {
    std::string docno;
    double score;
};

// A run: per qid, the documents retrieved (docnos unique per qid). The order given does not
// matter: as trec_eval, documents are ranked by score descending, ties by docno descending
// in byte order. trec_eval keeps a score as a C float, so scores are compared after
// conversion to float; a run file that prints fewer digits can tie more documents.
using Run = std::map<std::string, std::vector<Retrieved>>;

// One query's values, or the summary: the float measures averaged over num_q, the counts
// summed.
struct Measures {
    long num_ret = 0;
    long num_rel = 0;
    long num_rel_ret = 0;
    double map = 0;
    double P_5 = 0;
    double P_10 = 0;
    double recall_100 = 0;
    double recall_1000 = 0;
    double ndcg_cut_10 = 0;
};

// A measure's name as trec_eval prints it, its value, and whether it is a count
// (printed as an integer).
struct MeasureValue {
    const char* name;
    double value;
    bool is_count;
};

// The measures in the order trec_eval prints them (the order of its measure table:
// num_ret, num_rel, num_rel_ret, map, P_5, P_10, recall_100, recall_1000, ndcg_cut_10).
// num_q is not among them: trec_eval prints it only in the summary, first.
std::vector<MeasureValue> measure_values(const Measures& measures);

struct Evaluation {
    // The queries trec_eval 9 prints with -q: those both judged and retrieving at least one
    // document, by qid in byte order. A judged query the run misses is not listed (trec_eval
    // 10 would list it with zeros) but counts in `all` and num_q.
    std::vector<std::pair<std::string, Measures>> per_query;
    // With -c: every judged query counts. A float measure is the sum over per_query divided
    // by num_q; num_ret and num_rel_ret sum per_query; num_rel sums the relevant documents of
    // every judged query.
    Measures all;
    long num_q = 0;  // judged queries, those with no relevant document included
};

// `depth` is trec_eval's -M: only the top `depth` documents of each query are evaluated.
// A query whose judgements are all negative scores 0 with num_rel 0 (trec_eval 9 fails on
// it: it sizes its table of relevance levels by the greatest judgement).
// Throws newsdex::Error when no query of the run has judgements (trec_eval: "No queries with
// both results and relevance info"), when a query's top `depth` documents hold one docno
// twice (trec_eval: "duplicate docs"), or for a score that is not a number.
Evaluation evaluate(const Run& run, const Judgements& qrels, std::size_t depth);

}  // namespace newsdex::eval
