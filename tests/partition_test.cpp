// Indexing in parts (newsdex-index --part K/N, index/partition.h): the parts of a collection
// hold every article exactly once, route the same wherever the collection is mounted, leave no
// shard of a part empty, stay right through incremental runs and --prune, and refuse a run
// with another part than the database holds.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/partition.h"
#include "index/schema.h"
#include "index/shard_layout.h"
#include "test_support.h"
#include "util/errors.h"

namespace {

using namespace newsdex::test;
namespace fs = std::filesystem;

const std::string kIndex = NEWSDEX_INDEX_BIN;
const std::string kSearch = NEWSDEX_SEARCH_BIN;

std::string part_error(const std::string& text) {
    try {
        newsdex::parse_part(text);
    } catch (const newsdex::Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(PartOption, ParsesKOfN) {
    EXPECT_EQ(newsdex::parse_part("0/1"), (newsdex::PartOf{0, 1}));
    EXPECT_EQ(newsdex::parse_part("3/4"), (newsdex::PartOf{3, 4}));
    EXPECT_EQ(newsdex::parse_part("3/4").text(), "3/4");
}

TEST(PartOption, RefusesWhatIsNotAPart) {
    const std::pair<std::string, std::string> cases[] = {
        {"4/4", "--part 4/4: parts of 4 are numbered 0 to 3"},
        {"0/0", "--part 0/0: the number of parts must be from 1 to 65536"},
        {"1/70000", "--part 1/70000: the number of parts must be from 1 to 65536"},
        {"1", "--part: expected K/N, part K (from 0) of N, such as 0/4; got '1'"},
        {"-1/4", "--part: expected K/N, part K (from 0) of N, such as 0/4; got '-1/4'"},
        {"1/4x", "--part: expected K/N, part K (from 0) of N, such as 0/4; got '1/4x'"},
        {"/4", "--part: expected K/N, part K (from 0) of N, such as 0/4; got '/4'"},
    };
    for (const auto& [text, message] : cases) EXPECT_EQ(part_error(text), message) << text;
}

// The routing is written into every part's database: a build that routed differently would
// put a changed file's articles into another part than the one holding their old versions.
TEST(PartRouting, IsTheSameOnEveryBuild) {
    EXPECT_EQ(newsdex::part_for("2019/03/crash.txt", 4), 3u);
    EXPECT_EQ(newsdex::part_for("wire.jsonl#17", 4), 2u);
    EXPECT_EQ(newsdex::part_for("feeds.tar.gz:a/b.xml#2", 7), 6u);
}

// Parts and shards are chosen by hashes that say nothing about each other: with as many parts
// as shards, every (part, shard) pair gets its share.
TEST(PartRouting, IsIndependentOfTheShards) {
    constexpr unsigned kN = 4;
    std::map<std::pair<unsigned, unsigned>, int> cells;
    for (int i = 0; i < 4000; ++i) {
        const std::string path = "wire.jsonl#" + std::to_string(i + 1);
        const std::string key = newsdex::schema::article_key("0123456789abcdef:wire.jsonl", path, path);
        ++cells[{newsdex::part_for(path, kN), newsdex::shard_layout::shard_for(key, kN)}];
    }
    ASSERT_EQ(cells.size(), kN * kN);
    for (const auto& [cell, count] : cells) EXPECT_GT(count, 4000 / int(kN * kN) / 2) << cell.first << "," << cell.second;
}

// A collection of 48 text files in folders and a JSON Lines file of 150 records.
void write_collection(const fs::path& root) {
    for (int d = 0; d < 3; ++d) fs::create_directories(root / ("desk" + std::to_string(d)));
    for (int i = 0; i < 48; ++i) {
        write_file(root / ("desk" + std::to_string(i % 3)) / ("story" + std::to_string(i) + ".txt"),
                   "Title: Harbour report " + std::to_string(i) + "\n\nThe harbour master counted " +
                       std::to_string(i) + " ships at the quay today.\n");
    }
    std::string lines;
    for (int i = 0; i < 150; ++i) {
        lines += R"({"id": "w)" + std::to_string(i) + R"(", "title": "Wire item )" + std::to_string(i) +
                 R"(", "body": "Grain shipments rose by )" + std::to_string(i) + R"( tonnes."})" + "\n";
    }
    write_file(root / "wire.jsonl", lines);
}

// Every stored article's path, by shard.
std::vector<std::set<std::string>> paths_by_shard(const std::string& db) {
    std::vector<std::set<std::string>> shards;
    for (const auto& shard_path : newsdex::shard_layout::shard_paths(db)) {
        Xapian::Database shard(shard_path);
        auto& paths = shards.emplace_back();
        for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it) {
            paths.insert(newsdex::schema::decode_article(shard.get_document(*it).get_data()).path);
        }
    }
    return shards;
}

std::set<std::string> all_paths(const std::string& db) {
    std::set<std::string> paths;
    for (const auto& shard : paths_by_shard(db)) paths.insert(shard.begin(), shard.end());
    return paths;
}

class Partition : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = make_temp_dir("newsdex-partition");
        write_collection(dir_ / "mnt-a" / "news");
    }
    void TearDown() override { fs::remove_all(dir_); }

    RunResult index(const std::string& db, const std::string& part, const fs::path& root,
                    std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"-j", "2", "-d", (dir_ / db).string()};
        if (!part.empty()) args.insert(args.end(), {"--part", part});
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(root.string());
        return run(kIndex, args);
    }
    std::string db(const std::string& name) const { return (dir_ / name).string(); }

    fs::path dir_;
};

TEST_F(Partition, PartsHoldEveryArticleOnceAndEveryShardItsShare) {
    const fs::path root = dir_ / "mnt-a" / "news";
    const RunResult whole = index("whole", "", root);
    ASSERT_EQ(whole.exit_code, 0) << whole.err;
    std::set<std::string> together;
    std::size_t total = 0;
    for (int k = 0; k < 3; ++k) {
        const RunResult r = index("part" + std::to_string(k), std::to_string(k) + "/3", root);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto shards = paths_by_shard(db("part" + std::to_string(k)));
        ASSERT_EQ(shards.size(), 2u);
        std::size_t here = 0;
        for (const auto& shard : shards) {
            EXPECT_GT(shard.size(), 198u / 3 / 2 / 2) << "part " << k;  // none empty, none starved
            here += shard.size();
            together.insert(shard.begin(), shard.end());
        }
        EXPECT_NE(r.err.find("; part " + std::to_string(k) + "/3, " + std::to_string(198 - here) +
                             " articles left to other parts"),
                  std::string::npos)
            << r.err;
        total += here;
    }
    EXPECT_EQ(total, 198u);  // no article in two parts
    EXPECT_EQ(together, all_paths(db("whole")));
}

TEST_F(Partition, RoutesTheSameWhereverTheCollectionIsMounted) {
    const fs::path elsewhere = dir_ / "mnt-b" / "deeper" / "archive";
    fs::create_directories(elsewhere.parent_path());
    fs::copy(dir_ / "mnt-a" / "news", elsewhere, fs::copy_options::recursive);
    ASSERT_EQ(index("a", "1/3", dir_ / "mnt-a" / "news").exit_code, 0);
    ASSERT_EQ(index("b", "1/3", elsewhere).exit_code, 0);
    EXPECT_EQ(all_paths(db("a")), all_paths(db("b")));
    EXPECT_FALSE(all_paths(db("a")).empty());
}

TEST_F(Partition, IncrementalRunsAndPruneKeepThePartsWhole) {
    const fs::path root = dir_ / "mnt-a" / "news";
    for (int k = 0; k < 2; ++k) ASSERT_EQ(index("part" + std::to_string(k), std::to_string(k) + "/2", root).exit_code, 0);
    // A file gone, a file changed (different records), a file added.
    fs::remove(root / "desk0" / "story0.txt");
    std::string lines;
    for (int i = 0; i < 40; ++i) lines += R"({"id": "v)" + std::to_string(i) + R"(", "body": "Revised grain figures."})" "\n";
    write_file(root / "wire.jsonl", lines);
    write_file(root / "desk1" / "late.txt", "Title: Late edition\n\nThe night editor filed a late story.\n");
    std::set<std::string> together;
    std::size_t total = 0;
    for (int k = 0; k < 2; ++k) {
        const RunResult r = index("part" + std::to_string(k), std::to_string(k) + "/2", root, {"--prune"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto paths = all_paths(db("part" + std::to_string(k)));
        total += paths.size();
        together.insert(paths.begin(), paths.end());
    }
    ASSERT_EQ(index("whole", "", root).exit_code, 0);
    EXPECT_EQ(total, 47u + 40u + 1u);
    EXPECT_EQ(together, all_paths(db("whole")));
    EXPECT_FALSE(together.contains("desk0/story0.txt"));
    EXPECT_TRUE(together.contains("desk1/late.txt"));
    EXPECT_FALSE(together.contains("wire.jsonl#41"));

    // The parts searched together find what the whole finds.
    const RunResult parts = run(kSearch, {"-d", db("part0"), "-d", db("part1"), "--count", "grain"});
    const RunResult whole = run(kSearch, {"-d", db("whole"), "--count", "grain"});
    EXPECT_EQ(parts.out, "40\n");
    EXPECT_EQ(parts.out, whole.out);
}

TEST_F(Partition, SearchingSomePartsOfACollectionSaysWhichAreMissing) {
    const fs::path root = dir_ / "mnt-a" / "news";
    for (const std::string part : {"0/3", "1/3", "2/3"}) {
        ASSERT_EQ(index("p" + part.substr(0, 1), part, root).exit_code, 0);
    }
    ASSERT_EQ(index("half", "1/2", root).exit_code, 0);
    const RunResult all = run(kSearch, {"-d", db("p0"), "-d", db("p1"), "-d", db("p2"), "--count", "harbour"});
    EXPECT_EQ(all.err, "");
    EXPECT_EQ(all.out, "48\n");
    const RunResult alone = run(kSearch, {"-d", db("p1"), "--count", "harbour"});
    EXPECT_EQ(alone.err, "");  // one part searched alone is taken as meant

    const RunResult two = run(kSearch, {"-d", db("p0"), "-d", db("p2"), "--format", "json", "harbour"});
    EXPECT_EQ(two.exit_code, 0);
    const std::string warning = "part 1/3 of the collection is not searched: its articles are not found, and scores "
                                "use the other parts' statistics";
    EXPECT_EQ(two.err, "warning: " + warning + "\n");
    EXPECT_NE(two.out.find("\"warnings\":[\"" + warning + "\"]"), std::string::npos) << two.out;

    const RunResult mixed = run(kSearch, {"-d", db("p0"), "-d", db("half"), "--count", "harbour"});
    EXPECT_EQ(mixed.err,
              "warning: the parts searched come from collections indexed in different numbers of parts (--part 0/3 "
              "and --part 1/2); each article is found at most once, but some may be missing\n");

    const RunResult stats = run(kSearch, {"-d", db("p0"), "-d", db("p2"), "--stats"});
    EXPECT_NE(stats.out.find(db("p0") + ": "), std::string::npos) << stats.out;
    EXPECT_NE(stats.out.find(", part 0/3 of a collection\n"), std::string::npos) << stats.out;
    EXPECT_NE(stats.out.find(", part 2/3 of a collection\n"), std::string::npos) << stats.out;
}

TEST_F(Partition, WriteStubNamesThePartsForASearch) {
    const fs::path root = dir_ / "mnt-a" / "news";
    for (const std::string part : {"0/2", "1/2"}) ASSERT_EQ(index("p" + part.substr(0, 1), part, root).exit_code, 0);
    fs::create_directories(dir_ / "elsewhere");
    const std::string stub = (dir_ / "all.stub").string();
    const RunResult wrote = run(kIndex, {"--write-stub", stub, db("p0"), (dir_ / "elsewhere" / ".." / "p1").string(),
                                         "127.0.0.1:6431", "[::1]:6432"});
    EXPECT_EQ(wrote.exit_code, 0) << wrote.err;
    EXPECT_EQ(wrote.err, "wrote " + stub + ": 4 parts\n");
    // Parts inside the stub's folder are named relative to it, so the two can move together.
    EXPECT_EQ(read_file(stub), "auto p0\nauto p1\nremote 127.0.0.1:6431\nremote [::1]:6432\n");

    // Rewritten with the local parts only, it searches as the whole.
    ASSERT_EQ(run(kIndex, {"-q", "--write-stub", stub, db("p0"), db("p1")}).exit_code, 0);
    EXPECT_EQ(read_file(stub), "auto p0\nauto p1\n");
    ASSERT_EQ(index("whole", "", root).exit_code, 0);
    EXPECT_EQ(run(kSearch, {"-d", stub, "--count", "harbour OR grain"}).out, "198\n");
    const RunResult outside = run(kIndex, {"-q", "--write-stub", (dir_ / "elsewhere" / "s").string(), db("p0")});
    EXPECT_EQ(outside.exit_code, 0);
    EXPECT_EQ(read_file(dir_ / "elsewhere" / "s"), "auto " + db("p0") + "\n");

    const std::pair<std::vector<std::string>, std::string> refused[] = {
        {{db("p0"), db("p1")}, "error: " + db("p0") + " is a folder; give the name of the stub file to write\n"},
        {{stub, (dir_ / "nothere").string()},
         "error: part " + (dir_ / "nothere").string() + ": no such folder or file, and not HOST:PORT of a remote part\n"},
        {{stub, (dir_ / "elsewhere").string()}, "error: " + (dir_ / "elsewhere").string() +
                                                   " holds no database (index it first: newsdex-index -d " +
                                                   (dir_ / "elsewhere").string() + " FOLDER)\n"},
        {{stub, "host:99999"}, "error: part host:99999: no such folder or file, and not HOST:PORT of a remote part\n"},
        {{stub}, "error: a stub names at least one part\n"},
    };
    for (const auto& [args, message] : refused) {
        std::vector<std::string> full{"--write-stub"};
        full.insert(full.end(), args.begin(), args.end());
        const RunResult r = run(kIndex, full);
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_EQ(r.err, message);
    }
    EXPECT_EQ(read_file(stub), "auto p0\nauto p1\n");  // a refused rewrite leaves it as it was
}

TEST_F(Partition, ARunWithAnotherPartIsRefused) {
    const fs::path root = dir_ / "mnt-a" / "news";
    ASSERT_EQ(index("p", "0/2", root).exit_code, 0);
    ASSERT_EQ(index("whole", "", root).exit_code, 0);
    const std::pair<std::pair<std::string, std::string>, std::string> cases[] = {
        {{"p", "1/2"}, "error: database " + db("p") +
                           " holds part 0/2 of a collection, not part 1/2 (give --part 0/2, or index part 1/2 into a "
                           "new database)\n"},
        {{"p", "0/3"}, "error: database " + db("p") +
                           " holds part 0/2 of a collection, not part 0/3 (give --part 0/2, or index part 0/3 into a "
                           "new database)\n"},
        {{"p", ""}, "error: database " + db("p") + " holds part 0/2 of a collection (give --part 0/2 to index into it)\n"},
        {{"whole", "0/2"}, "error: database " + db("whole") +
                               " holds a whole collection, not part 0/2 (leave out --part, or index the part into a new "
                               "database)\n"},
    };
    const auto before = all_paths(db("p"));
    for (const auto& [run_of, message] : cases) {
        const RunResult r = index(run_of.first, run_of.second, root);
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_EQ(r.err, message);
    }
    EXPECT_EQ(all_paths(db("p")), before);  // nothing written
    // --compact alone routes nothing, and needs no --part.
    EXPECT_EQ(run(kIndex, {"-q", "-d", db("p"), "--compact"}).exit_code, 0);
    const RunResult bad = run(kIndex, {"-d", db("q"), "--part", "2/2", root.string()});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_EQ(bad.err, "error: --part 2/2: parts of 2 are numbered 0 to 1\n");
    EXPECT_FALSE(fs::exists(db("q")));
}

}  // namespace
