// End-to-end tests of wire copies: the real indexer groups near-copies of one story written
// for these tests (near_duplicate_stories.h), and the searcher collapses them (--collapse) and
// lists an article's copies (--duplicates), while totals and facets still count articles.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus_fixture.h"
#include "near_duplicate_stories.h"

namespace {

using namespace newsdex::test;
namespace stories = newsdex::test::stories;

class WireCopies : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        tmp_ = make_temp_dir("newsdex-wire");
        const fs::path folder = tmp_ / "wire";
        fs::create_directories(folder);
        // Four outlets run the agency's strike story: as sent, with their own headline and
        // source, trimmed by a paragraph, extended by one. Another agency's story on the same
        // strike, and a harvest story, are different stories.
        const std::vector<Json> articles = {
            {{"id", "agency"}, {"title", "Rotterdam dockers strike"}, {"source", "Agency"}, {"body", stories::kStrike}},
            {{"id", "herald"}, {"title", "Port of Rotterdam at a standstill"}, {"source", "Herald"}, {"body", stories::kStrike}},
            {{"id", "courier"}, {"title", "Rotterdam dockers strike"}, {"source", "Courier"}, {"body", stories::kStrikeTrimmed}},
            {{"id", "gazette"}, {"title", "Rotterdam dockers strike over cranes"}, {"source", "Gazette"}, {"body", stories::kStrikeExtended}},
            {{"id", "rival"}, {"title", "Strike shuts Rotterdam terminals"}, {"source", "Rival Wire"}, {"body", stories::kStrikeOtherStory}},
            {{"id", "harvest"}, {"title", "Harvest news"}, {"source", "Agency"}, {"body", stories::kHarvest}},
        };
        std::string lines;
        for (const Json& a : articles) lines += a.dump() + "\n";
        write_file(folder / "wire.jsonl", lines);
        db_ = (tmp_ / "wire.db").string();
        index_ = run(kIndexBin, {"-q", "-d", db_, folder.string()});
    }

    static void TearDownTestSuite() {
        std::error_code ignored;
        fs::remove_all(tmp_, ignored);
    }

    void SetUp() override { ASSERT_EQ(index_.exit_code, 0) << index_.err; }

    static RunResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {"-d", db_});
        return run(kSearchBin, args);
    }

    static inline fs::path tmp_;
    static inline std::string db_;
    static inline RunResult index_;
};

TEST_F(WireCopies, CollapseShowsEachStoryOnce) {
    const Json all = Json::parse(search({"--format", "json", "-n", "20", "rotterdam"}).out);
    EXPECT_EQ(sorted(result_ids(all)), sorted({"agency", "herald", "courier", "gazette", "rival"}));
    const Json collapsed = Json::parse(search({"--format", "json", "-n", "20", "--collapse", "rotterdam"}).out);
    // The strike story once (whichever copy ranks best) and the rival agency's story.
    const Ids ids = result_ids(collapsed);
    ASSERT_EQ(ids.size(), 2u) << collapsed.dump();
    EXPECT_EQ(collapsed.at("total"), 5);  // totals count articles, not groups
    for (const Json& hit : collapsed.at("results")) {
        if (hit.at("id") == "rival") {
            EXPECT_EQ(hit.at("copies"), 0);
        } else {
            EXPECT_TRUE(hit.at("id") == "agency" || hit.at("id") == "herald" || hit.at("id") == "courier" ||
                        hit.at("id") == "gazette");
            EXPECT_EQ(hit.at("copies"), 3);
        }
    }
    // Copies counted are those the query matches: only two copies carry "cranes" in the title.
    const Json titled = Json::parse(search({"--format", "json", "--collapse", "title:cranes OR title:standstill"}).out);
    ASSERT_EQ(titled.at("results").size(), 1u);
    EXPECT_EQ(titled.at("results")[0].at("copies"), 1);
    // Without --collapse there is no "copies" key.
    EXPECT_FALSE(all.at("results")[0].contains("copies"));
}

TEST_F(WireCopies, CollapsedTextSaysHowManyCopies) {
    const RunResult r = search({"--collapse", "--snippet-chars", "20", "source:herald"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("1. Port of Rotterdam at a standstill\n")) << r.out;
    const RunResult all = search({"--collapse", "--snippet-chars", "20", "dock workers"});
    EXPECT_NE(all.out.find(" (+3 copies)\n"), std::string::npos) << all.out;
}

TEST_F(WireCopies, FacetsStillCountArticles) {
    const Json plain = Json::parse(search({"--format", "json", "--facet", "source", "rotterdam"}).out);
    const Json collapsed = Json::parse(search({"--format", "json", "--facet", "source", "--collapse", "rotterdam"}).out);
    EXPECT_EQ(collapsed.at("facets"), plain.at("facets"));
    EXPECT_EQ(collapsed.at("facets").at("source").size(), 5u);
}

TEST_F(WireCopies, DuplicatesListsAnArticlesCopies) {
    const RunResult r = search({"--format", "jsonl", "--duplicates", "courier"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(sorted(ids_of(json_lines(r.out))), sorted({"agency", "herald", "gazette"}));
    const RunResult alone = search({"--duplicates", "rival"});
    EXPECT_EQ(alone.exit_code, 1);
    EXPECT_EQ(alone.out, "");
    const RunResult missing = search({"--duplicates", "nobody"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_EQ(missing.err, "error: no article with id 'nobody'\n");
    const RunResult mixed = search({"--duplicates", "courier", "rotterdam"});
    EXPECT_EQ(mixed.exit_code, 2);
    EXPECT_EQ(mixed.err, "error: --duplicates ID lists that article's copies; it takes no query or other action\n");
}

}  // namespace
