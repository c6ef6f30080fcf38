// newsdex-index --metadata-text yes|no, end to end on the real binaries: with "no", topic,
// place, organisation, author and source labels are filters only, not keywords; the setting is
// part of the database, and re-indexing with the other one is refused with the way out.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace {

using namespace newsdex::test;
namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kIndexBin = NEWSDEX_INDEX_BIN;
const std::string kSearchBin = NEWSDEX_SEARCH_BIN;

class MetadataText : public ::testing::Test {
protected:
    void SetUp() override {
        tmp_ = make_temp_dir("newsdex-metadata-text");
        fs::create_directories(tmp_ / "corpus");
        // "cocoa" is only its topic; "ghana" only its place; "reuters" only its source.
        write_file(tmp_ / "corpus" / "a.jsonl",
                   Json{{"id", "c1"}, {"title", "Harvest outlook"}, {"body", "The crop looks good this year."},
                        {"topics", {"cocoa"}}, {"places", {"ghana"}}, {"source", "Reuters"}}
                           .dump() + "\n");
    }
    void TearDown() override { fs::remove_all(tmp_); }

    RunResult index(const std::string& db, const std::vector<std::string>& extra) {
        std::vector<std::string> args{"-q", "-j", "1", "-d", db};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back((tmp_ / "corpus").string());
        return run(kIndexBin, args);
    }

    int count(const std::string& db, const std::string& query) {
        const RunResult r = run(kSearchBin, {"-d", db, "--count", "--format", "json", query});
        EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
        return Json::parse(r.out).at("count").get<int>();
    }

    fs::path tmp_;
};

struct Row {
    const char* query;
    int with_text, without_text;
};

TEST_F(MetadataText, LabelsAreKeywordsOnlyWithYes) {
    const std::string on = (tmp_ / "on.db").string();
    const std::string off = (tmp_ / "off.db").string();
    ASSERT_EQ(index(on, {}).exit_code, 0);
    ASSERT_EQ(index(off, {"--metadata-text", "no"}).exit_code, 0);
    const std::vector<Row> rows = {
        {"topic:cocoa", 1, 1},
        {"cocoa", 1, 0},
        {"place:ghana", 1, 1},
        {"ghana", 1, 0},
        {"source:reuters", 1, 1},
        {"reuters", 1, 0},
        {"crop", 1, 1},  // the text itself is searchable either way
    };
    for (const auto& row : rows) {
        EXPECT_EQ(count(on, row.query), row.with_text) << row.query;
        EXPECT_EQ(count(off, row.query), row.without_text) << row.query;
    }
}

TEST_F(MetadataText, ReindexingWithTheOtherSettingIsRefused) {
    const std::string db = (tmp_ / "news.db").string();
    ASSERT_EQ(index(db, {"--metadata-text", "yes"}).exit_code, 0);
    const RunResult refused = index(db, {"--metadata-text", "no"});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(refused.err, "error: database " + db +
                               " was indexed with --metadata-text yes, not --metadata-text no (use the same "
                               "setting, or index into a new database)\n");
    // The default is yes: a run without the option goes on.
    EXPECT_EQ(index(db, {}).exit_code, 0);
    const RunResult bad = index((tmp_ / "other.db").string(), {"--metadata-text", "maybe"});
    EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
