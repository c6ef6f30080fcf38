#include "eval/trec_eval.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "util/errors.h"

namespace newsdex::eval {

namespace {

struct Ranked {
    const std::string* docno;
    float score;  // trec_eval's precision: its results keep the score as a C float
};

// trec_eval's order: score descending, then docno descending by strcmp.
bool ranks_before(const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    return *a.docno > *b.docno;
}

// Relevance at each rank of the top `depth` documents; 0 for a document not judged
// (trec_eval's -1 and -2 count as not relevant in every measure here).
std::vector<int> ranked_relevance(const std::string& qid, const std::vector<Retrieved>& docs,
                                  const std::map<std::string, int>& judged, std::size_t depth) {
    std::vector<Ranked> ranked;
    ranked.reserve(docs.size());
    for (const auto& doc : docs) {
        if (std::isnan(doc.score)) {
            throw Error("query " + qid + ": document " + doc.docno + " has a score that is not a number");
        }
        ranked.push_back({&doc.docno, static_cast<float>(doc.score)});
    }
    std::sort(ranked.begin(), ranked.end(), ranks_before);
    if (ranked.size() > depth) ranked.resize(depth);

    std::vector<const std::string*> docnos;
    for (const auto& r : ranked) docnos.push_back(r.docno);
    std::sort(docnos.begin(), docnos.end(), [](const auto* a, const auto* b) { return *a < *b; });
    const auto twice = std::adjacent_find(docnos.begin(), docnos.end(),
                                          [](const auto* a, const auto* b) { return *a == *b; });
    if (twice != docnos.end()) {
        throw Error("query " + qid + ": document " + **twice + " retrieved twice");
    }

    std::vector<int> relevance;
    relevance.reserve(ranked.size());
    for (const auto& r : ranked) {
        const auto it = judged.find(*r.docno);
        relevance.push_back(it == judged.end() ? 0 : std::max(it->second, 0));
    }
    return relevance;
}

long relevant_count(const std::map<std::string, int>& judged) {
    return static_cast<long>(std::count_if(judged.begin(), judged.end(), [](const auto& j) { return j.second > 0; }));
}

// Relevant documents among the first `cutoff` ranks (fewer when fewer were retrieved).
long relevant_within(const std::vector<int>& relevance, std::size_t cutoff) {
    const std::size_t n = std::min(cutoff, relevance.size());
    return static_cast<long>(std::count_if(relevance.begin(), relevance.begin() + static_cast<std::ptrdiff_t>(n),
                                           [](int rel) { return rel > 0; }));
}

// trec_eval's ndcg_cut: gain is the judgement itself, discount log2(rank + 1); the ideal
// ranking orders every judged relevant document of the query by judgement, whether
// retrieved or not. With no relevant document both sums are 0 and so is the value.
double ndcg_at(const std::vector<int>& relevance, const std::map<std::string, int>& judged, std::size_t cutoff) {
    double dcg = 0;
    for (std::size_t i = 0; i < std::min(cutoff, relevance.size()); ++i) {
        if (relevance[i] > 0) dcg += relevance[i] / std::log2(static_cast<double>(i + 2));
    }
    std::vector<int> ideal;
    for (const auto& [docno, rel] : judged) {
        if (rel > 0) ideal.push_back(rel);
    }
    std::sort(ideal.begin(), ideal.end(), std::greater<>());
    double ideal_dcg = 0;
    for (std::size_t i = 0; i < std::min(cutoff, ideal.size()); ++i) {
        ideal_dcg += ideal[i] / std::log2(static_cast<double>(i + 2));
    }
    return ideal_dcg > 0 ? dcg / ideal_dcg : dcg;
}

Measures measure_query(const std::vector<int>& relevance, const std::map<std::string, int>& judged) {
    Measures m;
    m.num_ret = static_cast<long>(relevance.size());
    m.num_rel = relevant_count(judged);
    m.num_rel_ret = relevant_within(relevance, relevance.size());

    // Precision at each relevant document, summed in rank order as trec_eval does so the
    // rounding agrees; relevant documents not retrieved add 0.
    double precision_sum = 0;
    long seen = 0;
    for (std::size_t i = 0; i < relevance.size(); ++i) {
        if (relevance[i] > 0) {
            ++seen;
            precision_sum += static_cast<double>(seen) / static_cast<double>(i + 1);
        }
    }
    if (seen > 0) m.map = precision_sum / static_cast<double>(m.num_rel);

    // A cutoff beyond the documents retrieved counts the missing ranks as not relevant.
    m.P_5 = static_cast<double>(relevant_within(relevance, 5)) / 5.0;
    m.P_10 = static_cast<double>(relevant_within(relevance, 10)) / 10.0;
    if (m.num_rel > 0) {
        m.recall_100 = static_cast<double>(relevant_within(relevance, 100)) / static_cast<double>(m.num_rel);
        m.recall_1000 = static_cast<double>(relevant_within(relevance, 1000)) / static_cast<double>(m.num_rel);
    }
    m.ndcg_cut_10 = ndcg_at(relevance, judged, 10);
    return m;
}

}  // namespace

std::vector<MeasureValue> measure_values(const Measures& m) {
    return {
        {"num_ret", static_cast<double>(m.num_ret), true},
        {"num_rel", static_cast<double>(m.num_rel), true},
        {"num_rel_ret", static_cast<double>(m.num_rel_ret), true},
        {"map", m.map, false},
        {"P_5", m.P_5, false},
        {"P_10", m.P_10, false},
        {"recall_100", m.recall_100, false},
        {"recall_1000", m.recall_1000, false},
        {"ndcg_cut_10", m.ndcg_cut_10, false},
    };
}

Evaluation evaluate(const Run& run, const Judgements& qrels, std::size_t depth) {
    Evaluation evaluation;
    Measures& all = evaluation.all;
    // std::map orders qids as strcmp does, the order trec_eval sorts its results in.
    for (const auto& [qid, docs] : run) {
        const auto* judged = qrels.find(qid);
        // An empty list is a query a run file would not mention at all.
        if (judged == nullptr || docs.empty()) continue;
        const Measures m = measure_query(ranked_relevance(qid, docs, *judged, depth), *judged);
        evaluation.per_query.emplace_back(qid, m);
        all.num_ret += m.num_ret;
        all.num_rel_ret += m.num_rel_ret;
        all.map += m.map;
        all.P_5 += m.P_5;
        all.P_10 += m.P_10;
        all.recall_100 += m.recall_100;
        all.recall_1000 += m.recall_1000;
        all.ndcg_cut_10 += m.ndcg_cut_10;
    }
    if (evaluation.per_query.empty()) {
        throw Error("no query of the run has both retrieved documents and relevance judgements");
    }
    evaluation.num_q = static_cast<long>(qrels.queries.size());
    for (const auto& [qid, judged] : qrels.queries) all.num_rel += relevant_count(judged);
    const auto n = static_cast<double>(evaluation.num_q);
    for (double* value : {&all.map, &all.P_5, &all.P_10, &all.recall_100, &all.recall_1000, &all.ndcg_cut_10}) {
        *value /= n;
    }
    return evaluation;
}

}  // namespace newsdex::eval
