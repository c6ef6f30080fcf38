// --timing: the closing summary's nearest-rank percentiles, and what each format prints per
// query (the times themselves vary from run to run, so the end-to-end test checks shapes).
#include <gtest/gtest.h>

#include <regex>

#include "corpus_fixture.h"
#include "output/timing_summary.h"

namespace {

using namespace newsdex::test;

TEST(TimingSummary, NearestRankPercentilesAndMean) {
    EXPECT_EQ(newsdex::timing_summary({}), "timing: 0 queries");
    EXPECT_EQ(newsdex::timing_summary({42}), "timing: 1 queries, p50 42 us, p95 42 us, p99 42 us, mean 42 us");
    // 1..20 in any order: p50 is rank ceil(10) = 10, p95 rank ceil(19) = 19, p99 rank ceil(19.8)
    // = 20; the mean is 210 / 20 = 10.5, rounded to 11.
    std::vector<std::int64_t> twenty;
    for (std::int64_t i = 20; i >= 1; --i) twenty.push_back(i);
    EXPECT_EQ(newsdex::timing_summary(twenty), "timing: 20 queries, p50 10 us, p95 19 us, p99 20 us, mean 11 us");
    // Three values: p50 is rank ceil(1.5) = 2; p95 and p99 rank 3.
    EXPECT_EQ(newsdex::timing_summary({300, 100, 200}),
              "timing: 3 queries, p50 200 us, p95 300 us, p99 300 us, mean 200 us");
}

class Timing : public EndToEnd {};

TEST_F(Timing, EachFormatSaysHowLongEachQueryTook) {
    const fs::path file = tmp_ / "timed.tsv";
    write_file(file, "a\todysseus\nb\tzebra\nc\t\"unclosed\n");
    const std::regex summary("timing: 2 queries, p50 [0-9]+ us, p95 [0-9]+ us, p99 [0-9]+ us, mean [0-9]+ us\n");

    const RunResult jsonl = search({"--format", "jsonl", "--timing", "--queries", file.string()});
    EXPECT_EQ(jsonl.exit_code, 2);
    const std::vector<Json> lines = json_lines(jsonl.out);
    ASSERT_EQ(lines.size(), 3u);  // odysseus's hit and closing line; zebra's closing line
    EXPECT_EQ(lines[0].at("id"), "hw-2024-266");
    for (const auto& [index, qid, total] : {std::tuple{1, "a", 1}, std::tuple{2, "b", 0}}) {
        std::vector<std::string> keys;
        for (const auto& [key, value] : lines[index].items()) keys.push_back(key);
        EXPECT_EQ(keys, (std::vector<std::string>{"query", "qid", "time_us", "total"}));
        EXPECT_EQ(lines[index].at("qid"), qid);
        EXPECT_EQ(lines[index].at("total"), total);
        EXPECT_GT(lines[index].at("time_us").get<long>(), 0);
    }
    const std::string err = jsonl.err;
    EXPECT_TRUE(err.starts_with("error: " + file.string() + ":3 (qid c): unclosed quote at column 1\n")) << err;
    EXPECT_TRUE(std::regex_search(err, summary)) << err;
    EXPECT_TRUE(err.ends_with("timing: 1 failed queries left out\n")) << err;

    const RunResult json = search({"--format", "json", "--timing"}, {"odysseus"});
    EXPECT_GT(Json::parse(json.out).at("time_us").get<long>(), 0);

    const RunResult text = search({"--timing"}, {"odysseus"});
    EXPECT_TRUE(std::regex_match(text.err, std::regex("time: odysseus [0-9]+ us\ntiming: 1 queries, .*\n"))) << text.err;
    // Without --timing nothing of it.
    EXPECT_EQ(search({"--format", "jsonl"}, {"zebra"}).out, "");
}

}  // namespace
