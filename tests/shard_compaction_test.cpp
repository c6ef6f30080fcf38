// Compaction of a database's shards (index/shard_compaction.h), on the sample corpus: what a
// compacted database keeps (every document under its docid, unique keys, each shard's
// metadata, the same search results), the swap of stub and folders, what a killed compaction
// leaves and the next run's removal of it, a reader holding the database open across a swap,
// when run_index compacts by itself, and the command line's --compact / --no-compact.
// (Kills of the real indexer during compaction are in indexing_safety_test.cpp.)
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "index/index_run.h"
#include "index/schema.h"
#include "index/shard_compaction.h"
#include "index/shard_layout.h"
#include "search/searcher.h"
#include "test_support.h"

namespace {

using namespace newsdex;
using namespace newsdex::test;
namespace fs = std::filesystem;

const std::string kCorpus = NEWSDEX_CORPUS;
const std::string kIndexBin = NEWSDEX_INDEX_BIN;
constexpr std::size_t kCorpusArticles = 71;  // docs/corpus.md

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// ---- names and thresholds -------------------------------------------------------------------

TEST(ShardCompactionNames, EachCompactionGivesTheNextGeneration) {
    struct Row {
        std::string shard, compacted;
    };
    const std::vector<Row> rows = {
        {"shard-0", "shard-0.1"},     {"shard-1", "shard-1.1"},       {"shard-0.1", "shard-0.2"},
        {"shard-3.9", "shard-3.10"},  {"shard-12.41", "shard-12.42"}, {"shard-0.x", "shard-0.x.1"},
        {"shard-0.", "shard-0..1"},
    };
    for (const auto& row : rows) EXPECT_EQ(compacted_name(row.shard), row.compacted) << row.shard;
}

TEST(ShardCompactionThreshold, AFifthOfTheArticlesWrittenOrMore) {
    struct Row {
        std::size_t written, articles;
        bool compact;
    };
    const std::vector<Row> rows = {
        {0, 0, false},    // nothing at all
        {0, 1000, false}, // an unchanged re-run
        {199, 1000, false},
        {200, 1000, true},
        {1000, 1000, true},   // a new database
        {5, 0, true},         // every article removed
        {20, 91, true},       // 22 %
        {1, 71, false},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(worth_compacting(row.written, row.articles), row.compact) << row.written << " of " << row.articles;
    }
}

TEST(ShardCompactionSummary, ThePartAfterTheLineItAlwaysHad) {
    IndexReport report;
    report.writes.added = 3;
    const std::string plain = summary_line(report, 0, 1.0);
    ASSERT_TRUE(plain.ends_with("; 0 joined a group of wire copies\n")) << plain;
    struct Row {
        std::size_t shards;
        std::uintmax_t before, after;
        std::string part;
    };
    const std::vector<Row> rows = {
        {1, 1'500'000, 700'000, "; compacted 1 shard, 1.5 \u2192 0.7 MB"},
        {2, 1'329'013'025, 835'568'000, "; compacted 2 shards, 1329 \u2192 836 MB"},
        {2, 12'000'000, 9'960'000, "; compacted 2 shards, 12 \u2192 10 MB"},
    };
    for (const auto& row : rows) {
        report.compaction = {row.shards, row.before, row.after};
        EXPECT_EQ(summary_line(report, 0, 1.0), plain.substr(0, plain.size() - 1) + row.part + "\n");
    }
}

// ---- databases ------------------------------------------------------------------------------

// Everything a document holds, as text: data, values, terms with wdf and positions.
std::string describe(const Xapian::Document& doc) {
    std::ostringstream out;
    out << "data " << doc.get_data().size() << ":" << std::hash<std::string>{}(doc.get_data()) << "\n";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) out << "value " << v.get_valueno() << "=" << *v << "\n";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out << *t << " wdf " << t.get_wdf();
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out << " " << *p;
        out << "\n";
    }
    return out.str();
}

struct Snapshot {
    std::map<Xapian::docid, std::string> documents;           // combined docid → describe()
    std::vector<std::map<std::string, std::string>> metadata;  // per shard, in stub order
    std::vector<Xapian::docid> last_docids;                   // per shard
    bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const fs::path& db) {
    Snapshot s;
    Xapian::Database whole(db.string());
    for (auto it = whole.postlist_begin(""); it != whole.postlist_end(""); ++it) {
        s.documents[*it] = describe(whole.get_document(*it));
    }
    for (const auto& path : shard_layout::shard_paths(db.string())) {
        Xapian::Database shard(path);
        std::map<std::string, std::string> metadata;
        for (auto key = shard.metadata_keys_begin(); key != shard.metadata_keys_end(); ++key) {
            metadata[*key] = shard.get_metadata(*key);
        }
        s.metadata.push_back(metadata);
        s.last_docids.push_back(shard.get_lastdocid());
    }
    return s;
}

std::vector<std::string> folder_entries(const fs::path& db) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(db)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// What a search shows, in order: rank, id, score, snippet.
std::string shown(const SearchResults& results) {
    std::string text = "total " + std::to_string(results.total) + "\n";
    for (const Hit& hit : results.hits) {
        text += std::to_string(hit.rank) + " " + hit.article.id + " " + std::to_string(hit.score) + " " +
                hit.snippet.text + "\n";
    }
    return text;
}

const std::vector<std::string> kQueries = {
    "north korean soldiers", "\"prisoners of war\"", "title:oil", "crude OR oil OR opec", "北京",
    "sanction*",  // ties: several articles score alike, and docids order them
};

std::string search_all(Searcher& searcher) {
    std::string text;
    for (const auto& query : kQueries) {
        SearchRequest request;
        request.query = query;
        request.limit = 100;
        text += query + ": " + shown(searcher.search(request));
    }
    SearchRequest everything;  // database order: docids
    everything.empty_matches_all = true;
    everything.snippets = false;
    text += "export:";
    searcher.export_matches(everything, false, [](std::size_t) {},
                            [&text](const Hit& hit) { text += " " + hit.article.id; });
    return text;
}

class ShardCompaction : public ::testing::Test {
protected:
    void SetUp() override {
        tmp_ = make_temp_dir("newsdex-compaction");
        db_ = tmp_ / "news.db";
    }
    void TearDown() override { fs::remove_all(tmp_); }

    IndexReport index(const std::vector<std::string>& paths, CompactWhen compact) {
        std::ostringstream warnings;
        Diagnostics diag(&warnings);
        IndexOptions options;
        options.db = db_.string();
        options.jobs = 2;
        options.compact = compact;
        IndexReport report = run_index(paths, options, diag);
        EXPECT_EQ(warnings.str(), "");
        return report;
    }

    fs::path tmp_, db_;
};

TEST_F(ShardCompaction, KeepsEveryDocumentUnderItsDocidAndEveryShardsMetadata) {
    const IndexReport first = index({kCorpus}, CompactWhen::never);
    ASSERT_EQ(first.compaction.shards, 0u);
    ASSERT_EQ(folder_entries(db_), (std::vector<std::string>{"XAPIANDB", "newsdex.lock", "shard-0", "shard-1"}));
    const Snapshot before = snapshot(db_);
    ASSERT_EQ(before.documents.size(), kCorpusArticles);
    std::string results_before;
    {
        Searcher searcher(db_.string());
        results_before = search_all(searcher);
    }

    const CompactionReport report = compact_shards(db_.string());
    EXPECT_EQ(report.shards, 2u);
    EXPECT_LT(report.bytes_after, report.bytes_before);
    EXPECT_EQ(read_file(db_ / "XAPIANDB"), "auto shard-0.1\nauto shard-1.1\n");
    EXPECT_EQ(folder_entries(db_), (std::vector<std::string>{"XAPIANDB", "newsdex.lock", "shard-0.1", "shard-1.1"}));
    EXPECT_EQ(shard_layout::unnamed_entries(db_.string()), std::vector<std::string>{});
    EXPECT_TRUE(snapshot(db_) == before) << "a document, a docid or a shard's metadata changed";
    Searcher searcher(db_.string());
    EXPECT_EQ(search_all(searcher), results_before);

    // Unique keys still find their one document, so a re-run replaces rather than adds.
    Xapian::Database whole(db_.string());
    for (const auto& [docid, text] : before.documents) {
        const std::string key = schema::unique_term_of(whole, docid);
        ASSERT_FALSE(key.empty());
        std::vector<Xapian::docid> holders(whole.postlist_begin(key), whole.postlist_end(key));
        EXPECT_EQ(holders, std::vector<Xapian::docid>{docid}) << key;
    }
    // The file states came along: nothing is read again.
    const IndexReport again = index({kCorpus}, CompactWhen::automatic);
    EXPECT_EQ(again.walk.files_read, 0u);
    EXPECT_EQ(again.writes.added + again.writes.updated + again.writes.removed, 0u);
    EXPECT_EQ(again.compaction.shards, 0u);
    // A new article takes a docid after every one ever used: none is reused.
    write_file(tmp_ / "late.txt", "Title: Late harbour notice\nID: late-1\n\nxylolate harbour notice\n");
    index({(tmp_ / "late.txt").string()}, CompactWhen::never);
    const Snapshot after = snapshot(db_);
    EXPECT_EQ(after.documents.size(), kCorpusArticles + 1);
    for (const auto& [docid, text] : before.documents) EXPECT_EQ(after.documents.at(docid), text) << docid;
    std::size_t grown = 0;
    for (std::size_t i = 0; i < after.last_docids.size(); ++i) grown += after.last_docids[i] - before.last_docids[i];
    EXPECT_EQ(grown, 1u);
}

TEST_F(ShardCompaction, ACompactedDatabaseCompactsAgainUnderTheNextName) {
    index({kCorpus}, CompactWhen::always);
    EXPECT_EQ(read_file(db_ / "XAPIANDB"), "auto shard-0.1\nauto shard-1.1\n");
    const Snapshot once = snapshot(db_);
    const IndexReport again = index({}, CompactWhen::always);  // --compact alone
    EXPECT_EQ(again.compaction.shards, 2u);
    EXPECT_EQ(again.walk.files_read, 0u);
    EXPECT_EQ(read_file(db_ / "XAPIANDB"), "auto shard-0.2\nauto shard-1.2\n");
    EXPECT_EQ(folder_entries(db_), (std::vector<std::string>{"XAPIANDB", "newsdex.lock", "shard-0.2", "shard-1.2"}));
    EXPECT_TRUE(snapshot(db_) == once);
}

// A reader keeps the shard folders it opened (their files stay readable after removal, while
// open), so it answers from the articles it saw; reopening opens the folders the stub names now.
TEST_F(ShardCompaction, AReaderOpenAcrossTheSwapKeepsAnsweringAndReopensOntoTheNewShards) {
    index({kCorpus}, CompactWhen::never);
    Searcher reader(db_.string());
    const std::string before = search_all(reader);

    compact_shards(db_.string());
    ASSERT_FALSE(fs::exists(db_ / "shard-0"));
    EXPECT_EQ(search_all(reader), before);  // old folders, removed: still read through open files

    write_file(tmp_ / "late.txt", "Title: Late harbour notice\nID: late-1\n\nxylolate harbour notice\n");
    index({(tmp_ / "late.txt").string()}, CompactWhen::never);
    SearchRequest late;
    late.query = "xylolate";
    EXPECT_EQ(reader.search(late).hits.size(), 0u);  // the revision it opened, as documented
    reader.reopen();
    ASSERT_EQ(reader.search(late).hits.size(), 1u);
    EXPECT_EQ(reader.search(late).hits[0].article.id, "late-1");

    // Two more swaps with the reader between them; each reopen lands on the current shards.
    for (int round = 0; round < 2; ++round) {
        index({}, CompactWhen::always);
        EXPECT_EQ(reader.search(late).hits.size(), 1u);
        reader.reopen();
        EXPECT_EQ(reader.search(late).hits.size(), 1u);
    }
    Searcher fresh(db_.string());
    EXPECT_EQ(search_all(fresh), search_all(reader));
}

// ---- leftovers of a killed compaction --------------------------------------------------------

// The states a kill can leave, made by hand: each one opens with every article, and the next
// run (with nothing to index) removes what the stub does not name.
TEST_F(ShardCompaction, LeftoversOfAKilledCompactionAreRemovedByTheNextRun) {
    index({kCorpus}, CompactWhen::never);
    const Snapshot complete = snapshot(db_);
    const fs::path pristine = tmp_ / "pristine.db";
    fs::copy(db_, pristine, fs::copy_options::recursive);

    struct Row {
        const char* name;
        std::function<void(const fs::path&)> kill;  // turns a copy of the database into a killed state
        std::vector<std::string> leftovers;
    };
    const auto half_written = [](const fs::path& db) {
        // Xapian writes the version file last: a copy without it is what a kill mid-copy leaves.
        Xapian::Database(shard_layout::shard_paths(db.string())[0]).compact((db / "shard-0.1").string());
        fs::remove(db / "shard-0.1" / "iamglass");
        fs::resize_file(db / "shard-0.1" / "postlist.glass", 8192);
    };
    const std::vector<Row> rows = {
        {"killed while copying shard 0", half_written, {"shard-0.1"}},
        {"killed writing the stub's temporary file",
         [](const fs::path& db) {
             Xapian::Database(shard_layout::shard_paths(db.string())[0]).compact((db / "shard-0.1").string());
             write_file(db / "XAPIANDB.tmp", "auto shard-0.");
         },
         {"XAPIANDB.tmp", "shard-0.1"}},
        {"killed after the swap, before removing the old shard",
         [](const fs::path& db) {
             fs::copy(db / "shard-0", db / "shard-0.keep", fs::copy_options::recursive);
             compact_shards(db.string());
             fs::rename(db / "shard-0.keep", db / "shard-0");  // as if never removed
         },
         {"shard-0"}},
        {"killed while removing the old shard of shard 1",
         [](const fs::path& db) {
             fs::copy(db / "shard-1", db / "shard-1.keep", fs::copy_options::recursive);
             compact_shards(db.string());
             fs::rename(db / "shard-1.keep", db / "shard-1");
             fs::remove(db / "shard-1" / "iamglass");
             fs::remove(db / "shard-1" / "termlist.glass");
         },
         {"shard-1"}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        fs::remove_all(db_);
        fs::copy(pristine, db_, fs::copy_options::recursive);
        row.kill(db_);
        EXPECT_EQ(shard_layout::unnamed_entries(db_.string()), row.leftovers);
        ASSERT_TRUE(snapshot(db_) == complete) << "the killed state does not hold every article";
        Searcher searcher(db_.string());  // the folder's extra entries do not stop a reader

        const IndexReport next = index({}, CompactWhen::never);
        EXPECT_EQ(next.compaction.shards, 0u);
        EXPECT_EQ(shard_layout::unnamed_entries(db_.string()), std::vector<std::string>{});
        for (const auto& name : row.leftovers) EXPECT_FALSE(fs::exists(db_ / name)) << name;
        EXPECT_TRUE(snapshot(db_) == complete);
        // And a compaction from there ends like one that was never killed.
        index({}, CompactWhen::always);
        EXPECT_TRUE(snapshot(db_) == complete);
        EXPECT_EQ(folder_entries(db_).size(), 4u);
    }
    // A copy left under the very name the next compaction wants is replaced, not reused.
    fs::remove_all(db_);
    fs::copy(pristine, db_, fs::copy_options::recursive);
    half_written(db_);
    compact_shards(db_.string());
    EXPECT_TRUE(snapshot(db_) == complete);
}

// A first run killed before writing the stub leaves shards but no stub: nothing reads them
// yet, and the re-run opens them again, so they are no leftovers.
TEST_F(ShardCompaction, ShardsWithoutAStubAreNotLeftovers) {
    index({kCorpus}, CompactWhen::never);
    fs::remove(db_ / "XAPIANDB");
    EXPECT_EQ(shard_layout::unnamed_entries(db_.string()), std::vector<std::string>{});
    const IndexReport rerun = index({kCorpus}, CompactWhen::never);
    EXPECT_EQ(rerun.walk.files_read, 0u);  // the shards' file states were kept
    EXPECT_EQ(snapshot(db_).documents.size(), kCorpusArticles);
}

// ---- when run_index compacts ----------------------------------------------------------------

TEST_F(ShardCompaction, ANewDatabaseAndLargeRunsAreCompactedSmallRunsAreNot) {
    const IndexReport created = index({kCorpus}, CompactWhen::automatic);
    EXPECT_EQ(created.compaction.shards, 2u);
    EXPECT_LT(created.compaction.bytes_after, created.compaction.bytes_before);
    EXPECT_EQ(read_file(db_ / "XAPIANDB"), "auto shard-0.1\nauto shard-1.1\n");

    // One article of 72: not worth it.
    const fs::path extra = tmp_ / "extra";
    fs::create_directories(extra);
    write_file(extra / "one.txt", "Title: One\nID: one\n\nharbour one\n");
    EXPECT_EQ(index({extra.string()}, CompactWhen::automatic).compaction.shards, 0u);
    // 20 more of 92 (22 %): compacted.
    for (int i = 0; i < 20; ++i) {
        write_file(extra / ("n" + std::to_string(i) + ".txt"),
                   "Title: Note " + std::to_string(i) + "\nID: n" + std::to_string(i) + "\n\nharbour note\n");
    }
    const IndexReport large = index({extra.string()}, CompactWhen::automatic);
    EXPECT_EQ(large.writes.added, 20u);
    EXPECT_EQ(large.compaction.shards, 2u);
    EXPECT_EQ(read_file(db_ / "XAPIANDB"), "auto shard-0.2\nauto shard-1.2\n");
    // Removing a fifth counts as well; --no-compact never compacts.
    fs::remove_all(extra);
    fs::create_directories(extra);
    const IndexReport pruned = [&] {
        std::ostringstream warnings;
        Diagnostics diag(&warnings);
        IndexOptions options;
        options.db = db_.string();
        options.prune = true;
        options.compact = CompactWhen::never;
        return run_index({extra.string()}, options, diag);
    }();
    EXPECT_EQ(pruned.writes.removed, 21u);
    EXPECT_EQ(pruned.compaction.shards, 0u);
}

// ---- the command line -----------------------------------------------------------------------

TEST_F(ShardCompaction, CommandLineCompactAloneNoCompactAndTheSummary) {
    const RunResult created = run(kIndexBin, {"-d", db_.string(), "-j", "2", "--no-compact", kCorpus});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    EXPECT_TRUE(created.err.ends_with(" joined a group of wire copies\n")) << created.err;
    EXPECT_TRUE(fs::exists(db_ / "shard-0"));

    const RunResult compacted = run(kIndexBin, {"-d", db_.string(), "--compact"});
    EXPECT_EQ(compacted.exit_code, 0) << compacted.err;
    EXPECT_TRUE(compacted.err.starts_with("indexed 0 articles: 0 added, 0 updated, 0 unchanged, 0 removed; 0 files read,"))
        << compacted.err;
    EXPECT_TRUE(contains(compacted.err, " joined a group of wire copies; compacted 2 shards, ")) << compacted.err;
    EXPECT_TRUE(compacted.err.ends_with(" MB\n")) << compacted.err;
    EXPECT_EQ(read_file(db_ / "XAPIANDB"), "auto shard-0.1\nauto shard-1.1\n");

    struct Row {
        std::vector<std::string> args;
        std::string error;  // the first line of stderr
    };
    const std::vector<Row> rows = {
        {{"-d", db_.string()}, "error: no files or folders to index (give some, or --compact alone to compact the database)"},
        {{"-d", db_.string(), "--compact", "--no-compact", kCorpus}, "error: --compact and --no-compact exclude each other"},
        {{"-d", db_.string(), "--compact", "--rebuild"}, "error: --rebuild needs the files and folders to index"},
        {{"-d", (tmp_ / "none.db").string(), "--compact"},
         "error: no database at " + (tmp_ / "none.db").string() + " to compact (create it with: newsdex-index -d " +
             (tmp_ / "none.db").string() + " FOLDER)"},
    };
    for (const auto& row : rows) {
        const RunResult r = run(kIndexBin, row.args);
        EXPECT_EQ(r.exit_code, 2) << row.error;
        EXPECT_EQ(r.err.substr(0, r.err.find('\n')), row.error);
    }
    EXPECT_FALSE(fs::exists(tmp_ / "none.db"));  // nothing to compact creates nothing
    EXPECT_EQ(read_file(db_ / "XAPIANDB"), "auto shard-0.1\nauto shard-1.1\n");
}

}  // namespace
