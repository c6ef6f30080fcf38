// trec_eval's measures, computed by hand from small runs and judgements. Every expected
// value is worked out in the comment beside it; the conventions are those of trec_eval
// 9.0.8's source (form_res_rels.c, m_map.c, m_P.c, m_recall.c, m_ndcg_cut.c, meas_avg.c).
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>

#include "eval/evaluation_output.h"
#include "eval/qrels.h"
#include "eval/trec_eval.h"
#include "util/errors.h"

using namespace newsdex;
using namespace newsdex::eval;

namespace {

Judgements qrels_of(const std::string& text) {
    std::istringstream in(text);
    return parse_qrels(in, "qrels.txt");
}

std::string qrels_error(const std::string& text) {
    try {
        qrels_of(text);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

std::string evaluate_error(const Run& run, const Judgements& qrels, std::size_t depth) {
    try {
        evaluate(run, qrels, depth);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

// Q1: three relevant (d1 d3 d4), d2 judged not relevant.
// Q2: graded, e1 = 2, e2 = 1, e3 = 0.
// Q3: judged, absent from the run.   Q4: judged, nothing relevant.
// Q5: judged, in the run with no document (as a run file that never names it).
const char* const kQrels =
    "Q1 0 d1 1\n"
    "Q1 0 d2 0\n"
    "Q1 0 d3 1\n"
    "Q1 0 d4 1\n"
    "Q2 0 e1 2\n"
    "Q2 0 e2 1\n"
    "Q2 0 e3 0\n"
    "Q3 0 f1 1\n"
    "Q4 0 g1 0\n"
    "Q5 0 k1 1\n";

// Listed out of rank order on purpose: evaluate ranks by score itself.
Run sample_run() {
    return {
        // rank: d5 (3.0, unjudged), d2 (2.0), d1 (2.0: tie, "d2" > "d1" so d2 first), d3 (1.0)
        {"Q1", {{"d1", 2.0}, {"d3", 1.0}, {"d5", 3.0}, {"d2", 2.0}}},
        // rank: e3 (5, rel 0), e1 (4, rel 2), e2 (3, rel 1), x9 (2, unjudged)
        {"Q2", {{"x9", 2}, {"e2", 3}, {"e3", 5}, {"e1", 4}}},
        // rank: g1 (1, rel 0), h1 (0.5, unjudged)
        {"Q4", {{"h1", 0.5}, {"g1", 1}}},
        {"Q5", {}},
        // no judgements: ignored entirely
        {"Q9", {{"d1", 1}}},
    };
}

// nDCG@10 of Q1: relevant at ranks 3 and 4, gain 1 each, discount log2(rank + 1):
//   DCG  = 1/log2(4) + 1/log2(5) = 0.5 + 0.430677 = 0.930677
//   IDCG = three gains of 1 at ranks 1..3 = 1/log2(2) + 1/log2(3) + 1/log2(4) = 2.130930
//   nDCG = 0.436747
const double kNdcgQ1 = (0.5 + 1 / std::log2(5.0)) / (1 + 1 / std::log2(3.0) + 0.5);
// nDCG@10 of Q2: e1 (gain 2) at rank 2, e2 (gain 1) at rank 3:
//   DCG  = 2/log2(3) + 1/log2(4) = 1.261860 + 0.5 = 1.761860
//   IDCG = ideal order 2, 1 = 2/log2(2) + 1/log2(3) = 2 + 0.630930 = 2.630930
//   nDCG = 0.669672
const double kNdcgQ2 = (2 / std::log2(3.0) + 0.5) / (2 + 1 / std::log2(3.0));

}  // namespace

TEST(Qrels, ReadsEveryQueryAndJudgement) {
    // Tabs, several spaces, CRLF, blank and white-space-only lines, signs.
    const auto judgements = qrels_of(
        "Q1\t0\td1\t1\r\n"
        "\n"
        "Q1   0   d2   0\n"
        "   \t \n"
        "Q2 0 e1 +2\n"
        "Q2 0 e2 -1\n"
        "Q3 0 f1 0");  // no final newline
    ASSERT_EQ(judgements.queries.size(), 3u);
    EXPECT_EQ(judgements.queries.at("Q1"), (std::map<std::string, int>{{"d1", 1}, {"d2", 0}}));
    EXPECT_EQ(judgements.queries.at("Q2"), (std::map<std::string, int>{{"e1", 2}, {"e2", -1}}));
    EXPECT_EQ(judgements.queries.at("Q3"), (std::map<std::string, int>{{"f1", 0}}));
    EXPECT_NE(judgements.find("Q3"), nullptr);  // a query with nothing relevant is kept
    EXPECT_EQ(judgements.find("Q4"), nullptr);
}

TEST(Qrels, MalformedLinesNameFileAndLine) {
    const struct {
        const char* text;
        const char* error;
    } rows[] = {
        {"Q1 0 d1 1\nQ1 0 d2\n", "qrels.txt:2: expected 4 fields (qid iter docno rel), found 3"},
        {"Q1 0 d1 1 extra\n", "qrels.txt:1: expected 4 fields (qid iter docno rel), found 5"},
        {"\n\nQ1\n", "qrels.txt:3: expected 4 fields (qid iter docno rel), found 1"},
        {"Q1 0 d1 x\n", "qrels.txt:1: relevance 'x' is not an integer"},
        {"Q1 0 d1 1.5\n", "qrels.txt:1: relevance '1.5' is not an integer"},
        {"Q1 0 d1 -\n", "qrels.txt:1: relevance '-' is not an integer"},
        {"Q1 0 d1 99999999999\n", "qrels.txt:1: relevance '99999999999' is not an integer"},
        {"Q1 0 d1 1\nQ2 0 d1 1\n\nQ1 0 d1 0\n", "qrels.txt:4: document d1 judged twice for query Q1 (first at line 1)"},
    };
    for (const auto& row : rows) EXPECT_EQ(qrels_error(row.text), row.error) << row.text;
}

TEST(Qrels, UnreadableFile) {
    try {
        read_qrels("/nonexistent/qrels.txt");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "cannot read qrels file /nonexistent/qrels.txt");
    }
    try {
        read_qrels("/");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "cannot read qrels file /");
    }
}

TEST(Evaluation, MeasuresPerQueryAndSummary) {
    const auto evaluation = evaluate(sample_run(), qrels_of(kQrels), 1000);

    // Q3 and Q5 retrieve nothing and Q9 has no judgements: only Q1, Q2, Q4 are listed.
    ASSERT_EQ(evaluation.per_query.size(), 3u);
    EXPECT_EQ(evaluation.per_query[0].first, "Q1");
    EXPECT_EQ(evaluation.per_query[1].first, "Q2");
    EXPECT_EQ(evaluation.per_query[2].first, "Q4");

    // Q1 ranked: d5 (not judged), d2 (0), d1 (1), d3 (1); d4 relevant, not retrieved.
    const Measures& q1 = evaluation.per_query[0].second;
    EXPECT_EQ(q1.num_ret, 4);
    EXPECT_EQ(q1.num_rel, 3);
    EXPECT_EQ(q1.num_rel_ret, 2);
    EXPECT_NEAR(q1.map, (1.0 / 3 + 2.0 / 4) / 3, 1e-9);  // 5/18 = 0.277778
    EXPECT_NEAR(q1.P_5, 2.0 / 5, 1e-9);                  // 4 retrieved, still divided by 5
    EXPECT_NEAR(q1.P_10, 2.0 / 10, 1e-9);
    EXPECT_NEAR(q1.recall_100, 2.0 / 3, 1e-9);
    EXPECT_NEAR(q1.recall_1000, 2.0 / 3, 1e-9);
    EXPECT_NEAR(q1.ndcg_cut_10, kNdcgQ1, 1e-9);
    EXPECT_NEAR(q1.ndcg_cut_10, 0.4367467095, 1e-9);

    // Q2 ranked: e3 (0), e1 (2), e2 (1), x9 (not judged). Any grade > 0 is relevant for map.
    const Measures& q2 = evaluation.per_query[1].second;
    EXPECT_EQ(q2.num_ret, 4);
    EXPECT_EQ(q2.num_rel, 2);
    EXPECT_EQ(q2.num_rel_ret, 2);
    EXPECT_NEAR(q2.map, (1.0 / 2 + 2.0 / 3) / 2, 1e-9);  // 7/12 = 0.583333
    EXPECT_NEAR(q2.P_5, 2.0 / 5, 1e-9);
    EXPECT_NEAR(q2.P_10, 2.0 / 10, 1e-9);
    EXPECT_NEAR(q2.recall_100, 1.0, 1e-9);
    EXPECT_NEAR(q2.recall_1000, 1.0, 1e-9);
    EXPECT_NEAR(q2.ndcg_cut_10, kNdcgQ2, 1e-9);
    EXPECT_NEAR(q2.ndcg_cut_10, 0.6696718165, 1e-9);

    // Q4: nothing relevant; recall has no denominator and is 0, as every other measure.
    const Measures& q4 = evaluation.per_query[2].second;
    EXPECT_EQ(q4.num_ret, 2);
    EXPECT_EQ(q4.num_rel, 0);
    EXPECT_EQ(q4.num_rel_ret, 0);
    for (double value : {q4.map, q4.P_5, q4.P_10, q4.recall_100, q4.recall_1000, q4.ndcg_cut_10}) {
        EXPECT_EQ(value, 0.0);
    }

    // Summary over the 5 judged queries Q1..Q5 (-c): Q3 and Q5 add 0 to every float measure.
    EXPECT_EQ(evaluation.num_q, 5);
    EXPECT_EQ(evaluation.all.num_ret, 10);     // 4 + 4 + 2
    EXPECT_EQ(evaluation.all.num_rel, 7);      // 3 + 2 + 1 (Q3) + 0 + 1 (Q5)
    EXPECT_EQ(evaluation.all.num_rel_ret, 4);  // 2 + 2 + 0
    EXPECT_NEAR(evaluation.all.map, (5.0 / 18 + 7.0 / 12) / 5, 1e-9);  // 31/180 = 0.172222
    EXPECT_NEAR(evaluation.all.P_5, (0.4 + 0.4) / 5, 1e-9);            // 0.16
    EXPECT_NEAR(evaluation.all.P_10, (0.2 + 0.2) / 5, 1e-9);           // 0.08
    EXPECT_NEAR(evaluation.all.recall_100, (2.0 / 3 + 1) / 5, 1e-9);   // 1/3
    EXPECT_NEAR(evaluation.all.recall_1000, (2.0 / 3 + 1) / 5, 1e-9);
    EXPECT_NEAR(evaluation.all.ndcg_cut_10, (kNdcgQ1 + kNdcgQ2) / 5, 1e-9);  // 0.221284
}

TEST(Evaluation, DepthKeepsOnlyTheTopDocuments) {
    // -M 3 on Q1: d5, d2, d1 remain; d3 (rank 4) is cut.
    const auto evaluation = evaluate(sample_run(), qrels_of(kQrels), 3);
    const Measures& q1 = evaluation.per_query[0].second;
    EXPECT_EQ(q1.num_ret, 3);
    EXPECT_EQ(q1.num_rel, 3);  // judgements are not cut
    EXPECT_EQ(q1.num_rel_ret, 1);
    EXPECT_NEAR(q1.map, (1.0 / 3) / 3, 1e-9);  // 1/9
    EXPECT_NEAR(q1.P_5, 1.0 / 5, 1e-9);
    EXPECT_NEAR(q1.P_10, 1.0 / 10, 1e-9);
    EXPECT_NEAR(q1.recall_100, 1.0 / 3, 1e-9);
    // DCG = 1/log2(4) = 0.5 over the same ideal of three relevant documents: 0.234639
    EXPECT_NEAR(q1.ndcg_cut_10, 0.5 / (1 + 1 / std::log2(3.0) + 0.5), 1e-9);
    EXPECT_EQ(evaluation.all.num_ret, 3 + 3 + 2);  // Q2 cut to e3 e1 e2 as well
}

TEST(Evaluation, TiesInScoreGoToTheGreaterDocno) {
    const auto qrels = qrels_of("T 0 D9 1\nT 0 D10 0\nT 0 a 1\nT 0 Z 0\n");
    const struct {
        const char* what;
        eval::Run run;
        double map;  // one relevant doc of 2 (per row), retrieved at rank 1 or 2
    } rows[] = {
        // "D9" > "D10" in byte order: D9 first, map = (1/1) / 2
        {"D9 before D10", {{"T", {{"D10", 1.0}, {"D9", 1.0}}}}, 1.0 / 2},
        // 'a' (0x61) > 'Z' (0x5A): a first, map = (1/1) / 2
        {"a before Z", {{"T", {{"Z", 7.0}, {"a", 7.0}}}}, 1.0 / 2},
        // a higher score wins whatever the docno: Z, then a: map = (1/2) / 2
        {"score decides first", {{"T", {{"Z", 7.5}, {"a", 7.0}}}}, 0.5 / 2},
        // 1 + 1e-12 and 1 are one value as C floats, which trec_eval keeps: D9 first again
        {"float precision", {{"T", {{"D10", 1.0 + 1e-12}, {"D9", 1.0}}}}, 1.0 / 2},
        // with a difference a float keeps, D10 goes first: map = (1/2) / 2
        {"float difference", {{"T", {{"D10", 1.001}, {"D9", 1.0}}}}, 0.5 / 2},
    };
    for (const auto& row : rows) {
        const auto evaluation = evaluate(row.run, qrels, 1000);
        EXPECT_NEAR(evaluation.per_query[0].second.map, row.map, 1e-9) << row.what;
    }
}

TEST(Evaluation, FewerDocumentsThanTheCutoffs) {
    // One relevant document retrieved at rank 1, three relevant judged.
    const auto evaluation = evaluate({{"T", {{"r1", 0.3}}}}, qrels_of("T 0 r1 1\nT 0 r2 1\nT 0 r3 1\n"), 1000);
    const Measures& m = evaluation.per_query[0].second;
    EXPECT_NEAR(m.map, 1.0 / 3, 1e-9);   // (1/1) / 3
    EXPECT_NEAR(m.P_5, 1.0 / 5, 1e-9);   // missing ranks count as not relevant
    EXPECT_NEAR(m.P_10, 1.0 / 10, 1e-9);
    EXPECT_NEAR(m.recall_100, 1.0 / 3, 1e-9);
    // DCG = 1/log2(2) = 1; IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.130930; nDCG = 0.469278
    EXPECT_NEAR(m.ndcg_cut_10, 1 / (1 + 1 / std::log2(3.0) + 0.5), 1e-9);
}

TEST(Evaluation, CutoffsCountOnlyTheirRanks) {
    // 12 documents, relevant at ranks 1, 6 and 11 (scores 12 down to 1).
    eval::Run run;
    std::string qrels_text;
    for (int rank = 1; rank <= 12; ++rank) {
        const std::string docno = "doc" + std::to_string(100 + rank);
        run["T"].push_back({docno, 13.0 - rank});
        const bool relevant = rank == 1 || rank == 6 || rank == 11;
        qrels_text += "T 0 " + docno + (relevant ? " 1\n" : " 0\n");
    }
    qrels_text += "T 0 unretrieved 3\n";  // a fourth relevant document, grade 3
    const auto evaluation = evaluate(run, qrels_of(qrels_text), 1000);
    const Measures& m = evaluation.per_query[0].second;
    EXPECT_EQ(m.num_rel, 4);
    EXPECT_EQ(m.num_rel_ret, 3);
    EXPECT_NEAR(m.map, (1.0 / 1 + 2.0 / 6 + 3.0 / 11) / 4, 1e-9);  // 0.401515
    EXPECT_NEAR(m.P_5, 1.0 / 5, 1e-9);                              // rank 1 only
    EXPECT_NEAR(m.P_10, 2.0 / 10, 1e-9);                            // ranks 1 and 6
    EXPECT_NEAR(m.recall_100, 3.0 / 4, 1e-9);
    EXPECT_NEAR(m.recall_1000, 3.0 / 4, 1e-9);
    // DCG@10 = 1/log2(2) + 1/log2(7) (rank 11 is past the cutoff) = 1.356207
    // IDCG@10 = grades 3, 1, 1, 1 = 3/log2(2) + 1/log2(3) + 1/log2(4) + 1/log2(5) = 4.561606
    EXPECT_NEAR(m.ndcg_cut_10,
                (1 + 1 / std::log2(7.0)) / (3 + 1 / std::log2(3.0) + 0.5 + 1 / std::log2(5.0)), 1e-9);
}

TEST(Evaluation, QueriesListedInByteOrderOfQid) {
    // strcmp order, as trec_eval sorts its results: "T10" < "T2" ('1' < '2'), "T2" < "t1" ('T' < 't').
    const auto qrels = qrels_of("t1 0 a 1\nT2 0 a 1\nT10 0 a 1\n");
    const eval::Run run = {{"t1", {{"a", 1}}}, {"T2", {{"a", 1}}}, {"T10", {{"a", 1}}}};
    const auto evaluation = evaluate(run, qrels, 1000);
    ASSERT_EQ(evaluation.per_query.size(), 3u);
    EXPECT_EQ(evaluation.per_query[0].first, "T10");
    EXPECT_EQ(evaluation.per_query[1].first, "T2");
    EXPECT_EQ(evaluation.per_query[2].first, "t1");
}

TEST(Evaluation, RefusesWhatTrecEvalRefuses) {
    const auto qrels = qrels_of("Q1 0 d1 1\n");
    EXPECT_EQ(evaluate_error({{"Q9", {{"d1", 1}}}}, qrels, 1000),
              "no query of the run has both retrieved documents and relevance judgements");
    EXPECT_EQ(evaluate_error({{"Q1", {}}}, qrels, 1000),
              "no query of the run has both retrieved documents and relevance judgements");
    EXPECT_EQ(evaluate_error({{"Q1", {{"d1", 1}, {"d2", 3}, {"d1", 2}}}}, qrels, 1000),
              "query Q1: document d1 retrieved twice");
    // Beyond the depth the duplicate is never looked at (d2, d1 are the top two).
    EXPECT_EQ(evaluate_error({{"Q1", {{"d1", 2}, {"d2", 3}, {"d1", 1}}}}, qrels, 2), "(no error)");
    EXPECT_EQ(evaluate_error({{"Q1", {{"d1", std::nan("")}}}}, qrels, 1000),
              "query Q1: document d1 has a score that is not a number");
}

TEST(EvaluationOutput, TextAsTrecEvalPrintsIt) {
    // Per-query blocks in qid order, then the summary; name padded to 22, tabs, %6.4f.
    // Values as worked out in Evaluation.MeasuresPerQueryAndSummary.
    const auto evaluation = evaluate(sample_run(), qrels_of(kQrels), 1000);
    EXPECT_EQ(evaluation_text(evaluation),
              "num_ret               \tQ1\t4\n"
              "num_rel               \tQ1\t3\n"
              "num_rel_ret           \tQ1\t2\n"
              "map                   \tQ1\t0.2778\n"
              "P_5                   \tQ1\t0.4000\n"
              "P_10                  \tQ1\t0.2000\n"
              "recall_100            \tQ1\t0.6667\n"
              "recall_1000           \tQ1\t0.6667\n"
              "ndcg_cut_10           \tQ1\t0.4367\n"
              "num_ret               \tQ2\t4\n"
              "num_rel               \tQ2\t2\n"
              "num_rel_ret           \tQ2\t2\n"
              "map                   \tQ2\t0.5833\n"
              "P_5                   \tQ2\t0.4000\n"
              "P_10                  \tQ2\t0.2000\n"
              "recall_100            \tQ2\t1.0000\n"
              "recall_1000           \tQ2\t1.0000\n"
              "ndcg_cut_10           \tQ2\t0.6697\n"
              "num_ret               \tQ4\t2\n"
              "num_rel               \tQ4\t0\n"
              "num_rel_ret           \tQ4\t0\n"
              "map                   \tQ4\t0.0000\n"
              "P_5                   \tQ4\t0.0000\n"
              "P_10                  \tQ4\t0.0000\n"
              "recall_100            \tQ4\t0.0000\n"
              "recall_1000           \tQ4\t0.0000\n"
              "ndcg_cut_10           \tQ4\t0.0000\n"
              "num_q                 \tall\t5\n"
              "num_ret               \tall\t10\n"
              "num_rel               \tall\t7\n"
              "num_rel_ret           \tall\t4\n"
              "map                   \tall\t0.1722\n"
              "P_5                   \tall\t0.1600\n"
              "P_10                  \tall\t0.0800\n"
              "recall_100            \tall\t0.3333\n"
              "recall_1000           \tall\t0.3333\n"
              "ndcg_cut_10           \tall\t0.2213\n");
}

TEST(EvaluationOutput, JsonOnOneLine) {
    Evaluation evaluation;
    Measures q;
    q.num_ret = 4;
    q.num_rel = 3;
    q.num_rel_ret = 2;
    q.map = 5.0 / 18;       // 0.27777... -> 0.2778
    q.P_5 = 0.4;
    q.P_10 = 0.2;
    q.recall_100 = 2.0 / 3;  // -> 0.6667
    q.recall_1000 = 1.0;
    q.ndcg_cut_10 = 0.43675;  // half-way as written, but the double is 0.43675000000000002709 -> 0.4368
    evaluation.per_query.emplace_back("T01", q);
    evaluation.all = q;
    evaluation.all.map = 0.00004;  // -> 0 (printed as 0.0)
    evaluation.num_q = 2;
    EXPECT_EQ(evaluation_json(evaluation),
              R"({"all":{"num_q":2,"num_ret":4,"num_rel":3,"num_rel_ret":2,"map":0.0,"P_5":0.4,"P_10":0.2,)"
              R"("recall_100":0.6667,"recall_1000":1.0,"ndcg_cut_10":0.4368},)"
              R"("per_query":{"T01":{"num_ret":4,"num_rel":3,"num_rel_ret":2,"map":0.2778,"P_5":0.4,"P_10":0.2,)"
              R"("recall_100":0.6667,"recall_1000":1.0,"ndcg_cut_10":0.4368}}})");
}

TEST(EvaluationOutput, JsonWithNoQueryListed) {
    Evaluation evaluation;
    evaluation.num_q = 0;
    EXPECT_EQ(evaluation_json(evaluation),
              R"({"all":{"num_q":0,"num_ret":0,"num_rel":0,"num_rel_ret":0,"map":0.0,"P_5":0.0,"P_10":0.0,)"
              R"("recall_100":0.0,"recall_1000":0.0,"ndcg_cut_10":0.0},"per_query":{}})");
}
