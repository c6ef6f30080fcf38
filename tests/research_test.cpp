// End-to-end tests of the research workflows on the sample corpus (docs/research.md): query
// files with ids and TREC topics, the formats for tools (trec, tsv, csv), evaluation against
// judgements, ranking knobs, timelines, concordances, related articles and export. The real
// binaries run on the corpus; every expected id, offset and measure comes from reading the
// corpus text (docs/corpus.md) and working the arithmetic by hand.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "corpus_fixture.h"

namespace {

using namespace newsdex::test;

// Articles with one sure match each (see e2e_test): the Greek shipping listing is the only
// article naming Odysseus, the Istanbul council story the only one naming Istanbul.
const std::string kOdysseus = "hw-2024-266";
const std::string kIstanbul = "hw-2024-090";
const std::string kSwap = "dm-2025-004";  // world/prisoner-swap.txt

class Research : public EndToEnd {
protected:
    fs::path write(const std::string& name, const std::string& text) {
        const fs::path path = tmp_ / name;
        write_file(path, text);
        return path;
    }

    static std::vector<std::string> lines_of(const std::string& text) {
        std::vector<std::string> lines;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        return lines;
    }
};

// ---- query files with ids -------------------------------------------------------------------

TEST_F(Research, QueryFileLinesCarryTheirQids) {
    const fs::path file = write("ids.tsv", "T1\todysseus\n# a comment\n\nistanbul\n");
    const RunResult r = search({"--format", "jsonl", "--queries", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<Json> hits = json_lines(r.out);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].at("qid"), "T1");
    EXPECT_EQ(hits[0].at("id"), kOdysseus);
    EXPECT_EQ(hits[1].at("qid"), "4");  // no tab: its line number
    EXPECT_EQ(hits[1].at("id"), kIstanbul);
    std::vector<std::string> keys;
    for (const auto& [key, value] : hits[0].items()) keys.push_back(key);
    EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 3), (std::vector<std::string>{"query", "qid", "rank"}));
    // Without --queries there is no "qid" at all.
    const Json single = json_lines(search({"--format", "json"}, {"odysseus"}).out).front();
    EXPECT_FALSE(single.contains("qid"));
}

TEST_F(Research, EmptyStandardInputIsNoQuery) {
    const RunResult r = run(kSearchBin, {"-d", db_, "--format", "trec", "--queries", "-"}, {});
    // run() gives the child no input: an empty batch is "no query".
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: no query given (try --help)\n");
}

TEST_F(Research, TrecTopicsAreReadAsPlainWords) {
    // The description is full of what would be syntax errors as a query: a lone quote, a
    // field-like label, NOT and a dangling '-'.
    const fs::path file = write("topics.txt",
                                "<top>\n<num> Number: 301\n<title> Odysseus\n"
                                "<desc> Description:\n\"Istanbul council NOT -\n</top>\n");
    const RunResult title = search({"--format", "trec", "--queries", file.string()});
    EXPECT_EQ(title.exit_code, 0) << title.err;
    ASSERT_EQ(lines_of(title.out).size(), 1u);
    EXPECT_TRUE(title.out.starts_with("301 Q0 " + kOdysseus + " 1 ")) << title.out;
    const RunResult both = search(
        {"--format", "jsonl", "--match", "any", "--topic-field", "title+desc", "--queries", file.string()});
    EXPECT_EQ(both.exit_code, 0) << both.err;
    const Ids ids = ids_of(json_lines(both.out));
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), kOdysseus) != ids.end());
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), kIstanbul) != ids.end());
    EXPECT_EQ(json_lines(both.out).front().at("query"), "Odysseus Istanbul council not");
}

TEST_F(Research, PlainTurnsSyntaxIntoWords) {
    const fs::path file = write("plain.tsv", "q1\t\"unclosed odysseus\n");
    EXPECT_EQ(search({"--queries", file.string()}).exit_code, 2);
    const RunResult plain = search({"--format", "trec", "--plain", "--queries", file.string(), "--match", "any"});
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_TRUE(plain.out.starts_with("q1 Q0 " + kOdysseus + " 1 ")) << plain.out;
}

// ---- output for tools -----------------------------------------------------------------------

TEST_F(Research, TrecRunFollowsTheJsonRanking) {
    const fs::path file = write("run.tsv", "A\tcrude oil\nB\t\"prisoners of war\"\n");
    const RunResult trec = search({"--format", "trec", "--run-tag", "test-run", "-n", "5", "--queries", file.string()});
    ASSERT_EQ(trec.exit_code, 0) << trec.err;
    const RunResult json = search({"--format", "json", "-n", "5", "--queries", file.string()});
    std::vector<std::string> expected;
    for (const Json& object : json_lines(json.out)) {
        for (const Json& hit : object.at("results")) {
            expected.push_back(object.at("qid").get<std::string>() + " Q0 " + hit.at("id").get<std::string>() + " " +
                               std::to_string(hit.at("rank").get<int>()) + " test-run");
        }
    }
    std::vector<std::string> got;
    std::map<std::string, double> last_score;
    for (const std::string& line : lines_of(trec.out)) {
        std::istringstream in(line);
        std::string qid, q0, docno, rank, score, tag;
        in >> qid >> q0 >> docno >> rank >> score >> tag;
        got.push_back(qid + " " + q0 + " " + docno + " " + rank + " " + tag);
        const double value = std::stod(score);
        if (last_score.count(qid)) {
            EXPECT_LE(value, last_score[qid]) << line;  // our order is the score order
        }
        last_score[qid] = value;
    }
    EXPECT_EQ(got, expected);
    EXPECT_EQ(sorted(ids_of(json_lines(search({"--format", "jsonl"}, {"\"prisoners of war\""}).out))),
              sorted({"hw-2025-007", kSwap, "hw-2025-031"}));
}

TEST_F(Research, CsvColumnsChosenWithFields) {
    const RunResult r = search({"--format", "csv", "--fields", "id,title,source,author,topics,places,date"}, {"odysseus"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "id,title,source,author,topics,places,date\n"
              "hw-2024-266,Greek tanker owner Odysseus Maritime plans Athens listing,Harbor Wire,Eleni Papadaki,"
              "shipping;IPO;finance,Athens;Piraeus,2024-09-30\n");
    const RunResult tsv = search({"--format", "tsv", "--queries", write("t.tsv", "Q\todysseus\n").string()});
    EXPECT_EQ(lines_of(tsv.out).front(), "qid\trank\tid\tscore\tdate\tsource\ttitle");
    EXPECT_TRUE(lines_of(tsv.out).at(1).starts_with("Q\t1\thw-2024-266\t")) << tsv.out;
}

TEST_F(Research, CountsAsCsv) {
    const fs::path file = write("counts.tsv", "T1\todysseus\nT2\tzebra\n");
    const RunResult r = search({"--count", "--format", "csv", "--queries", file.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "qid,count\nT1,1\nT2,0\n");
    EXPECT_EQ(search({"--count", "--format", "tsv"}, {"odysseus"}).out, "count\n1\n");
}

TEST_F(Research, FormatsRefuseWhatTheyCannotPrint) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> rows = {
        {{"--format", "trec", "--facet", "topic", "oil"}, "error: --format trec cannot print --facet counts (use text, json or jsonl)\n"},
        {{"--format", "csv", "--stats"}, "error: --format csv cannot print --stats (use text, json or jsonl)\n"},
        {{"--format", "tsv", "--show", kOdysseus}, "error: --format tsv cannot print --show (use text, json or jsonl)\n"},
        {{"--format", "trec", "--kwic", "oil"}, "error: --format trec cannot print --kwic (use text, json or jsonl)\n"},
        {{"--format", "json", "--fields", "id", "oil"}, "error: --fields chooses the columns of --format tsv or csv, not of --format json\n"},
        {{"--qrels", "q.txt", "oil"}, "error: --qrels evaluates the queries of --queries FILE\n"},
        {{"--bm25", "k1=fast", "oil"}, "error: --bm25: k1 needs a number of 0 or more, not 'fast'\n"},
        {{"--bm25", "k4=1", "oil"}, "error: --bm25: 'k4=1' is not one of k1=, k2=, k3=, b=, min_normlen= with a number\n"},
        {{"--bm25", "b=1.5", "oil"}, "error: --bm25: b is between 0 and 1, not 1.5\n"},
    };
    for (const auto& [args, error] : rows) {
        std::vector<std::string> full = {"-d", db_};
        full.insert(full.end(), args.begin(), args.end());
        const RunResult r = run(kSearchBin, full);
        EXPECT_EQ(r.exit_code, 2) << args.front();
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(r.err, error);
    }
}

TEST_F(Research, VersionNamesTheLibrariesRunning) {
    const std::string xapian = Xapian::version_string();
    for (const auto& [bin, name] : {std::pair{kSearchBin, "newsdex-search"}, std::pair{kIndexBin, "newsdex-index"}}) {
        const RunResult r = run(bin, {"--version"});
        EXPECT_EQ(r.exit_code, 0);
        EXPECT_TRUE(r.out.starts_with(std::string(name) + " 0.4.0 (Xapian " + xapian + ", ICU ")) << r.out;
        EXPECT_TRUE(r.out.ends_with(")\n")) << r.out;
        EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
    }
}

// ---- evaluation -----------------------------------------------------------------------------

// Q1 'odysseus' retrieves only the listing (relevant); the Istanbul story is judged relevant
// too but not retrieved. Q2 'zebra' is judged and retrieves nothing. Q3 is not judged.
//   Q1: AP = (1/1) / 2 = 0.5; P_5 = 1/5; P_10 = 1/10; recall = 1/2;
//       nDCG@10 = (1/log2 2) / (1/log2 2 + 1/log2 3) = 1 / 1.6309298 = 0.6131
//   Q2: every measure 0, num_rel 1
//   all: num_q 2, means over both judged queries: map 0.25, P_5 0.1, P_10 0.05,
//        recall 0.25, nDCG 0.3066 (0.30657); num_ret 1, num_rel 3, num_rel_ret 1
TEST_F(Research, EvaluationAgainstHandJudgedQrels) {
    const fs::path queries = write("eval-queries.tsv", "Q1\todysseus\nQ2\tzebra\nQ3\tistanbul\n");
    const fs::path qrels = write("eval-qrels.txt",
                                 "Q1 0 hw-2024-266 1\nQ1 0 hw-2024-090 1\nQ1 0 nl-2024-210 0\nQ2 0 hw-2024-266 1\n");
    const RunResult r = search({"--queries", queries.string(), "--qrels", qrels.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "num_ret               \tQ1\t1\n"
              "num_rel               \tQ1\t2\n"
              "num_rel_ret           \tQ1\t1\n"
              "map                   \tQ1\t0.5000\n"
              "P_5                   \tQ1\t0.2000\n"
              "P_10                  \tQ1\t0.1000\n"
              "recall_100            \tQ1\t0.5000\n"
              "recall_1000           \tQ1\t0.5000\n"
              "ndcg_cut_10           \tQ1\t0.6131\n"
              "num_q                 \tall\t2\n"
              "num_ret               \tall\t1\n"
              "num_rel               \tall\t3\n"
              "num_rel_ret           \tall\t1\n"
              "map                   \tall\t0.2500\n"
              "P_5                   \tall\t0.1000\n"
              "P_10                  \tall\t0.0500\n"
              "recall_100            \tall\t0.2500\n"
              "recall_1000           \tall\t0.2500\n"
              "ndcg_cut_10           \tall\t0.3066\n");
    const Json json = Json::parse(search({"--format", "json", "--queries", queries.string(), "--qrels", qrels.string()}).out);
    EXPECT_EQ(json.at("all").at("num_q"), 2);
    EXPECT_EQ(json.at("all").at("map"), 0.25);
    EXPECT_EQ(json.at("per_query").at("Q1").at("ndcg_cut_10"), 0.6131);
    EXPECT_FALSE(json.at("per_query").contains("Q3"));
}

TEST_F(Research, EvaluationReportsBadQrelsAndBadQueries) {
    const fs::path queries = write("bad-queries.tsv", "Q1\todysseus\nQ2\t\"unclosed\n");
    const fs::path bad = write("bad-qrels.txt", "Q1 0 hw-2024-266\n");
    const RunResult r = search({"--queries", queries.string(), "--qrels", bad.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: " + bad.string() + ":1: expected 4 fields (qid iter docno rel), found 3\n");
    // A query that fails is an error, and retrieves nothing in the evaluation.
    const fs::path qrels = write("ok-qrels.txt", "Q1 0 hw-2024-266 1\nQ2 0 hw-2024-090 1\n");
    const RunResult failed = search({"--format", "json", "--queries", queries.string(), "--qrels", qrels.string()});
    EXPECT_EQ(failed.exit_code, 2);
    EXPECT_EQ(failed.err, "error: " + queries.string() + ":2 (qid Q2): unclosed quote at column 1\n");
    EXPECT_EQ(Json::parse(failed.out).at("all").at("map"), 0.5);
}

// ---- ranking knobs --------------------------------------------------------------------------

TEST_F(Research, JsonRecordsHowAQueryWasRanked) {
    const Json tuned = Json::parse(search({"--format", "json", "--bm25", "k1=1.2,b=0.75"}, {"crude oil"}).out);
    EXPECT_EQ(tuned.at("ranking"), Json::parse(R"({"model":"bm25","k1":1.2,"k2":0.0,"k3":1.0,"b":0.75,)"
                                               R"("min_normlen":0.5,"sort":"relevance"})"));
    const Json expanded = Json::parse(
        search({"--format", "json", "--expand", "--expand-docs", "3", "--expand-terms", "5"}, {"crude oil"}).out);
    const Json& expand = expanded.at("ranking").at("expand");
    EXPECT_EQ(expand.at("docs"), 3);
    EXPECT_EQ(expand.at("max_terms"), 5);
    EXPECT_EQ(expand.at("weight"), 0.2);
    EXPECT_EQ(expand.at("terms").size(), 5u);
    // Expansion terms are words, never the query's own or prefixed (field) terms.
    for (const Json& term : expand.at("terms")) {
        const std::string t = term.get<std::string>();
        EXPECT_TRUE(t != "crude" && t != "oil" && !(t[0] >= 'A' && t[0] <= 'Z')) << t;
    }
}

TEST_F(Research, ExpansionOfAConstrainedQueryOnlyReranks) {
    const Ids plain = sorted(ids_of(json_lines(search({"--format", "jsonl", "-n", "100"}, {"oil -opec"}).out)));
    const Ids expanded =
        sorted(ids_of(json_lines(search({"--format", "jsonl", "-n", "100", "--expand"}, {"oil -opec"}).out)));
    EXPECT_FALSE(plain.empty());
    EXPECT_EQ(expanded, plain);
    // An unconstrained query may find more with its added terms, never fewer.
    const Ids base = ids_of(json_lines(search({"--format", "jsonl", "-n", "100"}, {"odysseus"}).out));
    const Ids more = ids_of(json_lines(search({"--format", "jsonl", "-n", "100", "--expand"}, {"odysseus"}).out));
    EXPECT_EQ(base, Ids{kOdysseus});
    EXPECT_GE(more.size(), base.size());
    EXPECT_EQ(more.front(), kOdysseus);
}

// ---- related articles -----------------------------------------------------------------------

TEST_F(Research, LikeRanksOthersNotTheArticleItself) {
    const RunResult r = search({"--format", "json", "-n", "100", "--like", kSwap});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json object = Json::parse(r.out);
    const Ids ids = result_ids(object);
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), kSwap) == ids.end());
    // The other two stories of prisoners in this war share many words with it (prisoners,
    // Ukraine, Kursk, exchange ...): both rank among the first three.
    ASSERT_GE(ids.size(), 3u);
    const Ids top3(ids.begin(), ids.begin() + 3);
    EXPECT_TRUE(std::find(top3.begin(), top3.end(), "hw-2025-007") != top3.end()) << object.dump();
    EXPECT_TRUE(std::find(top3.begin(), top3.end(), "hw-2025-031") != top3.end()) << object.dump();
    EXPECT_EQ(object.at("ranking").at("like"), kSwap);
    // A query restricts the candidates.
    const Ids restricted = result_ids(Json::parse(search({"--format", "json", "--like", kSwap}, {"odysseus"}).out));
    EXPECT_TRUE(restricted.empty() || restricted == Ids{kOdysseus});
}

TEST_F(Research, LikeNeedsExactlyOneArticle) {
    const RunResult none = search({"--like", "no-such-id"});
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_EQ(none.err, "error: no article with id 'no-such-id'\n");
    // Two files with an article of the same id.
    const fs::path folder = tmp_ / "twins";
    fs::create_directories(folder);
    write_file(folder / "a.json", R"({"id": "twin", "title": "Harbour cranes", "body": "Cranes at the harbour."})");
    write_file(folder / "b.json", R"({"id": "twin", "title": "Harbour tugs", "body": "Tugs at the harbour."})");
    const std::string db = (tmp_ / "twins.db").string();
    ASSERT_EQ(run(kIndexBin, {"-q", "-d", db, folder.string()}).exit_code, 0);
    const RunResult twins = run(kSearchBin, {"-d", db, "--like", "twin"});
    EXPECT_EQ(twins.exit_code, 2);
    EXPECT_EQ(twins.err, "error: id 'twin' names 2 articles (a.json, b.json); --like needs one\n");
}

// ---- counting over time ---------------------------------------------------------------------

// The timeline counts every match: the same counts as the dates of all hits, by month.
TEST_F(Research, TimelineCountsEveryMatchPerPeriod) {
    std::map<std::string, int> by_month;
    int undated = 0;
    for (const Json& hit : json_lines(search({"--format", "jsonl", "-n", "1000"}, {"oil"}).out)) {
        if (hit.at("date").is_null()) ++undated;
        else ++by_month[hit.at("date").get<std::string>().substr(0, 7)];
    }
    ASSERT_FALSE(by_month.empty());
    const Json t = Json::parse(search({"--format", "json", "--timeline", "month"}, {"oil"}).out);
    EXPECT_EQ(t.at("period"), "month");
    EXPECT_EQ(t.at("undated"), undated);
    const Json& buckets = t.at("buckets");
    EXPECT_EQ(buckets.front().at("period"), by_month.begin()->first);
    EXPECT_EQ(buckets.back().at("period"), by_month.rbegin()->first);
    int total = 0;
    for (const Json& b : buckets) {
        const std::string period = b.at("period").get<std::string>();
        EXPECT_EQ(b.at("count"), by_month.count(period) ? by_month[period] : 0) << period;
        total += b.at("count").get<int>();
    }
    EXPECT_EQ(total + undated, static_cast<int>(json_lines(search({"--format", "jsonl", "-n", "1000"}, {"oil"}).out).size()));
}

TEST_F(Research, TimelineRangeFollowsSinceAndUntil) {
    // The prisoner swap stories are dated 2025-01-04 (dm-2025-004), and two other days of
    // January 2025 or later; the range asked for runs from 2024-12 to 2025-02 whatever the hits.
    const RunResult csv = search({"--format", "csv", "--timeline", "month", "--since", "2024-12", "--until", "2025-02"},
                                 {"\"prisoners of war\""});
    EXPECT_EQ(csv.exit_code, 0) << csv.err;
    const std::vector<std::string> rows = lines_of(csv.out);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], "period,count");
    EXPECT_EQ(rows[1], "2024-12,0");
    EXPECT_TRUE(rows[2].starts_with("2025-01,")) << rows[2];
    EXPECT_TRUE(rows[3].starts_with("2025-02,")) << rows[3];
    const fs::path file = write("tl.tsv", "W\t\"prisoners of war\"\n");
    const RunResult batch = search({"--format", "tsv", "--timeline", "year", "--queries", file.string()});
    EXPECT_EQ(lines_of(batch.out).front(), "qid\tperiod\tcount");
    EXPECT_EQ(lines_of(batch.out).at(1), "W\t2025\t3");
}

// ---- reading in context ---------------------------------------------------------------------

TEST_F(Research, KwicListsEveryOccurrenceTitleFirst) {
    const RunResult r = search({"--format", "jsonl", "--kwic", "-n", "3"}, {"\"prisoners of war\""});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<Json> swap;
    for (const Json& line : json_lines(r.out)) {
        if (line.at("id") == kSwap) swap.push_back(line);
    }
    ASSERT_GE(swap.size(), 2u);
    // Title: "Ukraine and Russia swap hundreds of prisoners of war after Gulf mediation".
    EXPECT_EQ(swap[0], Json::parse(R"({"query":"\"prisoners of war\"","id":"dm-2025-004","field":"title","offset":36,)"
                                   R"("left":"Ukraine and Russia swap hundreds of","match":"prisoners of war",)"
                                   R"("right":"after Gulf mediation"})"));
    // Body: "Ukraine and Russia exchanged more than 300 prisoners of war on Saturday in the
    // largest swap in months, ..." with 40 code points each side.
    EXPECT_EQ(swap[1], Json::parse(R"({"query":"\"prisoners of war\"","id":"dm-2025-004","field":"body","offset":43,)"
                                   R"("left":"raine and Russia exchanged more than 300","match":"prisoners of war",)"
                                   R"("right":"on Saturday in the largest swap in month"})"));
    const RunResult text = search({"--kwic", "--kwic-width", "12", "-n", "3"}, {"\"prisoners of war\""});
    EXPECT_NE(text.out.find(" hundreds of prisoners of war after Gulf m  dm-2025-004\n"), std::string::npos) << text.out;
}

// ---- export ---------------------------------------------------------------------------------

TEST_F(Research, ExportWritesWholeArticles) {
    const RunResult one = search({"--export", "-"}, {"odysseus"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    const std::vector<Json> lines = json_lines(one.out);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].at("id"), kOdysseus);
    EXPECT_EQ(lines[0].at("title"), "Greek tanker owner Odysseus Maritime plans Athens listing");
    EXPECT_EQ(lines[0].at("source"), "Harbor Wire");
    EXPECT_FALSE(lines[0].contains("rank"));  // database order: no ranking
    EXPECT_NE(lines[0].at("body").get<std::string>().find("Odysseus"), std::string::npos);

    // No query: the whole database, every article once, to a file.
    const std::string file = (tmp_ / "all.jsonl").string();
    const RunResult all = search({"--export", file});
    EXPECT_EQ(all.exit_code, 0) << all.err;
    EXPECT_EQ(all.err, "exported 71 articles to " + file + "\n");
    std::set<std::string> paths;
    for (const Json& line : json_lines(read_file(file))) paths.insert(line.at("path").get<std::string>());
    EXPECT_EQ(paths.size(), 71u);

    // With --sort the export is ranked: rank and score first.
    const Json ranked = json_lines(search({"--export", "-", "--sort", "relevance"}, {"odysseus"}).out).front();
    std::vector<std::string> keys;
    for (const auto& [key, value] : ranked.items()) keys.push_back(key);
    EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 3), (std::vector<std::string>{"rank", "score", "id"}));
    EXPECT_EQ(search({"--export", "-"}, {"zebra"}).exit_code, 1);
}

}  // namespace
