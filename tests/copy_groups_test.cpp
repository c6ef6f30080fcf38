// Copy groups made by the grouping pass at the end of every index run (index/copy_groups.h),
// end to end through run_index on JSON Lines files: which articles share a group, the group
// keys, incremental runs, a pass cut short, the same groups for any number of shards, and the
// search side's group_members().
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/copy_groups.h"
#include "index/index_run.h"
#include "index/schema.h"
#include "index/shard_layout.h"
#include "near_duplicate_stories.h"
#include "search/copies.h"
#include "test_support.h"

namespace {

using namespace newsdex;
using namespace newsdex::test;
using namespace newsdex::test::stories;
namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string record(const std::string& id, const std::string& title, const std::string& source,
                   const std::string& body) {
    return Json{{"id", id}, {"title", title}, {"source", source}, {"body", body}}.dump() + "\n";
}

// The wire file: ids in file order, so the unique keys (…#1 … #9) sort in this order too.
std::string wire_file() {
    return record("a1", "Rotterdam dockers strike", "Wire", kStrike) +
           record("a2", "Port paralysed as dockers walk out", "Daily Bugle", kStrike) +
           record("a3", "Rotterdam dockers strike", "Evening Post", kStrikeTrimmed) +
           record("a4", "Rotterdam dockers strike over automation", "Harbour Times", kStrikeExtended) +
           record("b1", "Strike idles Rotterdam terminals", "Other Agency", kStrikeOtherStory) +
           record("e1", "Photo: strikers at the gates", "Wire", "") +
           record("e2", "Photo: empty quays", "Wire", "") +
           record("s1", "Markets", "Wire", "Markets closed early.") +
           record("s2", "Markets", "Bugle", "Markets closed early.");
}

class CopyGroups : public ::testing::Test {
protected:
    void SetUp() override { tmp_ = make_temp_dir("newsdex-copy-groups"); }
    void TearDown() override { fs::remove_all(tmp_); }

    IndexReport index(const fs::path& db, const std::vector<fs::path>& paths, unsigned jobs = 2,
                      std::size_t grouping_batch = kGroupingBatch) {
        std::ostringstream warnings;
        Diagnostics diag(&warnings);
        IndexOptions options;
        options.db = db.string();
        options.jobs = jobs;
        options.grouping_batch = grouping_batch;
        std::vector<std::string> given;
        for (const auto& p : paths) given.push_back(p.string());
        IndexReport report = run_index(given, options, diag);
        EXPECT_EQ(warnings.str(), "");
        return report;
    }

    fs::path write(const std::string& name, const std::string& text) {
        fs::create_directories(tmp_ / "corpus");
        write_file(tmp_ / "corpus" / name, text);
        return tmp_ / "corpus" / name;
    }

    fs::path tmp_;
};

struct Member {
    Xapian::docid docid;
    std::string unique_term, group, signature;
};

// Article id → its docid (in the combined database), unique term and group value.
std::map<std::string, Member> members(const fs::path& db) {
    Xapian::Database database(db.string());
    std::map<std::string, Member> out;
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        const Xapian::Document doc = database.get_document(*it);
        auto t = doc.termlist_begin();
        t.skip_to(std::string(schema::kUniqueKey));
        out[schema::decode_article(doc.get_data()).id] = {*it, *t, doc.get_value(schema::kGroupSlot),
                                                          doc.get_value(schema::kSignatureSlot)};
    }
    return out;
}

// The partition as text: groups as sorted ids joined by spaces, groups sorted and joined by
// " | "; articles without a group listed after "ungrouped:".
std::string partition(const std::map<std::string, Member>& by_id) {
    std::map<std::string, std::vector<std::string>> groups;
    std::string ungrouped;
    for (const auto& [id, m] : by_id) {
        if (m.group.empty()) ungrouped += " " + id;
        else groups[m.group].push_back(id);
    }
    std::vector<std::string> texts;
    for (const auto& [key, ids] : groups) {
        std::string text;
        for (const auto& id : ids) text += (text.empty() ? "" : " ") + id;
        texts.push_back(text);
    }
    std::sort(texts.begin(), texts.end());
    std::string out;
    for (const auto& t : texts) out += (out.empty() ? "" : " | ") + t;
    return out + " / ungrouped:" + ungrouped;
}

Xapian::doccount marked(const fs::path& db) {
    return Xapian::Database(db.string()).get_value_freq(schema::kUngroupedSlot);
}

TEST_F(CopyGroups, CopiesShareAGroupAndOtherStoriesDoNot) {
    const fs::path db = tmp_ / "news.db";
    const IndexReport report = index(db, {write("wire.jsonl", wire_file())});
    // a1 a2 (changed headline and source) a3 (trimmed) a4 (extended); b1 another story on the
    // same strike; e1 e2 empty bodies, never grouped; s1 s2 short identical bodies.
    const auto by_id = members(db);
    EXPECT_EQ(partition(by_id), "a1 a2 a3 a4 | b1 | s1 s2 / ungrouped: e1 e2");
    EXPECT_EQ(report.groups.grouped, 7u);
    EXPECT_EQ(report.groups.joined, 4u);  // a2 a3 a4 s2
    EXPECT_EQ(marked(db), 0u);
    // Each group is founded by its first article in unique-key order, whose key it takes.
    const auto founded = [&](const char* id) { return new_group_key(by_id.at(id).unique_term, by_id.at(id).signature); };
    EXPECT_EQ(by_id.at("a1").group, founded("a1"));
    EXPECT_EQ(by_id.at("s1").group, founded("s1"));
    EXPECT_EQ(by_id.at("b1").group, founded("b1"));
    EXPECT_EQ(by_id.at("a1").group.size(), 16u);
    EXPECT_EQ(by_id.at("e1").signature, "");
}

TEST_F(CopyGroups, GroupMembersAreTheOtherArticlesOfTheGroupInDocidOrder) {
    const fs::path db = tmp_ / "news.db";
    index(db, {write("wire.jsonl", wire_file())}, 1);  // one shard: docids 1…9 in file order
    Xapian::Database database(db.string());
    EXPECT_EQ(group_members(database, 1), (std::vector<Xapian::docid>{2, 3, 4}));
    EXPECT_EQ(group_members(database, 3), (std::vector<Xapian::docid>{1, 2, 4}));
    EXPECT_EQ(group_members(database, 5), std::vector<Xapian::docid>{});  // b1: alone
    EXPECT_EQ(group_members(database, 6), std::vector<Xapian::docid>{});  // e1: no group
    EXPECT_EQ(group_members(database, 9), std::vector<Xapian::docid>{8});
    EXPECT_THROW(group_members(database, 10), Xapian::DocNotFoundError);
}

TEST_F(CopyGroups, AnIncrementalRunJoinsTheExistingGroup) {
    const fs::path db = tmp_ / "news.db";
    index(db, {write("wire.jsonl", record("a1", "Dockers strike", "Wire", kStrike) +
                                       record("b1", "Terminals idle", "Other Agency", kStrikeOtherStory))});
    const IndexReport second =
        index(db, {write("later.jsonl", record("c1", "Dock strike hits Rotterdam", "Gazette", kStrikeTrimmed))});
    EXPECT_EQ(second.groups.grouped, 1u);
    EXPECT_EQ(second.groups.joined, 1u);
    const auto by_id = members(db);
    EXPECT_EQ(partition(by_id), "a1 c1 | b1 / ungrouped:");
    EXPECT_EQ(by_id.at("c1").group, new_group_key(by_id.at("a1").unique_term, by_id.at("a1").signature));
    // Nothing new: nothing to group.
    EXPECT_EQ(index(db, {tmp_ / "corpus"}).groups.grouped, 0u);
}

// A second run's articles find the first run's copies by reading their signatures (the index
// has no band terms to look them up by). a2 and a4 copy a3 from the first run: a2 has a3 only
// as a candidate, a4 has a3 and a2 (before it in this run's key order), both in a3's group.
TEST_F(CopyGroups, ASecondRunFindsTheFirstRunsCopiesByTheirSignatures) {
    for (unsigned jobs : {1u, 2u}) {
        const fs::path db = tmp_ / ("news-" + std::to_string(jobs) + ".db");
        fs::remove_all(tmp_ / "corpus");
        const IndexReport first = index(db, {write("first.jsonl", record("a3", "Dockers strike", "Courier", kStrikeTrimmed) +
                                                                    record("b1", "Terminals idle", "Rival", kStrikeOtherStory))},
                                        jobs);
        EXPECT_EQ(first.groups.joined, 0u) << jobs;
        const IndexReport second =
            index(db, {write("later.jsonl", record("a2", "Port at a standstill", "Herald", kStrike) +
                                                record("a4", "Dockers strike over cranes", "Gazette", kStrikeExtended) +
                                                record("h1", "Harvest", "Farm News", kHarvest))},
                  jobs);
        EXPECT_EQ(second.groups.grouped, 3u) << jobs;
        EXPECT_EQ(second.groups.joined, 2u) << jobs;  // a2 a4
        const auto by_id = members(db);
        EXPECT_EQ(partition(by_id), "a2 a3 a4 | b1 | h1 / ungrouped:") << jobs;
        const std::string a3_group = new_group_key(by_id.at("a3").unique_term, by_id.at("a3").signature);
        EXPECT_EQ(by_id.at("a2").group, a3_group) << jobs;
        EXPECT_EQ(by_id.at("a4").group, a3_group) << jobs;
        EXPECT_EQ(by_id.at("h1").group, new_group_key(by_id.at("h1").unique_term, by_id.at("h1").signature)) << jobs;
    }
}

// Candidates come from the signature slot: the index holds no band terms, and an article's
// prefixed terms are those of its id, file, unique key, title and source only.
TEST_F(CopyGroups, TheIndexHoldsNoBandTerms) {
    const fs::path db = tmp_ / "news.db";
    index(db, {write("wire.jsonl", wire_file())});
    Xapian::Database database(db.string());
    EXPECT_TRUE(database.allterms_begin("XB") == database.allterms_end("XB"));
    const Xapian::Document a1 = database.get_document(members(db).at("a1").docid);
    std::vector<std::string> prefixed;
    for (auto t = a1.termlist_begin(); t != a1.termlist_end(); ++t) {
        if ((*t)[0] >= 'A' && (*t)[0] <= 'Z') prefixed.push_back(*t);
    }
    // Sorted: its id, file and unique key, its title's words ("Rotterdam dockers strike"), its source.
    ASSERT_EQ(prefixed.size(), 7u);
    EXPECT_EQ(prefixed[0], "Ia1");
    EXPECT_EQ(prefixed[1].substr(0, 1), "P");
    EXPECT_EQ(prefixed[2].substr(0, 1), "Q");
    EXPECT_EQ(std::vector<std::string>(prefixed.begin() + 3, prefixed.end()),
              (std::vector<std::string>{"Sdockers", "Srotterdam", "Sstrike", "XSwire"}));
    EXPECT_EQ(a1.get_value(schema::kSignatureSlot).size(), 1u + 4u + 60u * 4u);
    EXPECT_EQ(a1.get_value(schema::kUngroupedSlot), "");  // the pass removed its mark
}

TEST_F(CopyGroups, TheSameGroupsWithOneShardOrTwo) {
    const fs::path corpus = tmp_ / "corpus";
    write("wire.jsonl", wire_file());
    write("later.jsonl", record("c1", "Dock strike", "Gazette", kStrikeExtended) +
                             record("c2", "Harvest early", "Farm News", kHarvest) +
                             record("c3", "Harvest begins", "Wire", kHarvest));
    index(tmp_ / "one.db", {corpus}, 1);
    index(tmp_ / "two.db", {corpus}, 2);
    const auto one = members(tmp_ / "one.db");
    const auto two = members(tmp_ / "two.db");
    EXPECT_EQ(partition(one), "a1 a2 a3 a4 c1 | b1 | c2 c3 | s1 s2 / ungrouped: e1 e2");
    for (const auto& [id, m] : one) EXPECT_EQ(two.at(id).group, m.group) << id;
}

// A run that adds more articles than the pass holds at once groups them a batch at a time,
// the earlier batches' articles being candidates as earlier runs' are: the same groups for any
// batch size, in one run or over two.
TEST_F(CopyGroups, TheSameGroupsWhateverTheBatchSize) {
    const fs::path corpus = tmp_ / "corpus";
    write("wire.jsonl", wire_file());
    const fs::path later = tmp_ / "later" / "later.jsonl";
    fs::create_directories(later.parent_path());
    write_file(later, record("c1", "Dock strike", "Gazette", kStrikeExtended) +
                          record("c2", "Harvest early", "Farm News", kHarvest) +
                          record("c3", "Harvest begins", "Wire", kHarvest));
    index(tmp_ / "whole.db", {corpus, later.parent_path()}, 2);
    const auto whole = members(tmp_ / "whole.db");
    index(tmp_ / "two-runs.db", {corpus}, 2);
    index(tmp_ / "two-runs.db", {later.parent_path()}, 2);
    const auto two_runs = members(tmp_ / "two-runs.db");
    EXPECT_EQ(partition(whole), "a1 a2 a3 a4 c1 | b1 | c2 c3 | s1 s2 / ungrouped: e1 e2");
    for (const std::size_t batch : {1u, 2u, 5u}) {
        const fs::path db = tmp_ / ("batch" + std::to_string(batch) + ".db");
        index(db, {corpus, later.parent_path()}, 2, batch);
        const auto got = members(db);
        EXPECT_EQ(marked(db), 0u) << batch;
        for (const auto& [id, m] : whole) EXPECT_EQ(got.at(id).group, m.group) << id << " with batches of " << batch;
        // And over two runs: the second run's batches against the first run's groups.
        const fs::path two = tmp_ / ("two-runs" + std::to_string(batch) + ".db");
        index(two, {corpus}, 2, batch);
        index(two, {later.parent_path()}, 2, batch);
        const auto second = members(two);
        for (const auto& [id, m] : two_runs) EXPECT_EQ(second.at(id).group, m.group) << id << " over two runs, batches of " << batch;
    }
}

// What a pass killed part way can leave: every article still marked, some with the group the
// killed pass gave them (in each shard, those first in key order, and not as far in one shard
// as in the other), the rest without. The next run, with nothing else to do, ends with the
// groups of the uninterrupted pass.
TEST_F(CopyGroups, APassCutShortIsFinishedByTheNextRun) {
    const fs::path db = tmp_ / "news.db";
    index(db, {write("wire.jsonl", wire_file())}, 2);
    const auto complete = members(db);
    struct Cut {
        const char* name;
        std::string shard0_from, shard1_from;  // groups undone from this unique key on
    };
    const std::string never = "\x7f";  // after every unique term: no group undone
    // a1 founded the strike group; whichever shard holds it, one of the first two cuts undoes
    // its group while copies in the other shard keep theirs (and are not yet candidates).
    const std::string a1 = complete.at("a1").unique_term;
    const std::vector<Cut> cuts = {
        {"first phase, shard 0 from a1, shard 1 complete", a1, never},
        {"first phase, shard 1 from a1, shard 0 complete", never, a1},
        {"first phase, shard 0 from b1, shard 1 from a2", complete.at("b1").unique_term, complete.at("a2").unique_term},
        {"second phase: every group given", never, never},
    };
    for (const auto& cut : cuts) {
        fs::remove_all(tmp_ / "cut.db");
        fs::copy(db, tmp_ / "cut.db", fs::copy_options::recursive);
        Xapian::doccount undone = 0;
        Xapian::doccount undone_founders = 0;  // these found their group again: they join none
        // The shards as the stub names them: the first run's compaction renamed them.
        const std::vector<std::string> shards = shard_layout::shard_paths((tmp_ / "cut.db").string());
        ASSERT_EQ(shards.size(), 2u);
        for (const auto& [shard, from] : {std::pair{shards[0], cut.shard0_from}, std::pair{shards[1], cut.shard1_from}}) {
            Xapian::WritableDatabase writable(shard, Xapian::DB_OPEN);
            for (auto it = writable.postlist_begin(""); it != writable.postlist_end(""); ++it) {
                Xapian::Document doc = writable.get_document(*it);
                const std::string group = doc.get_value(schema::kGroupSlot);
                if (group.empty()) continue;
                doc.add_value(schema::kUngroupedSlot, "1");
                auto t = doc.termlist_begin();
                t.skip_to(std::string(schema::kUniqueKey));
                if (*t >= from) {
                    doc.remove_value(schema::kGroupSlot);
                    ++undone;
                    undone_founders += group == new_group_key(*t, doc.get_value(schema::kSignatureSlot));
                }
                writable.replace_document(*it, doc);
            }
            writable.commit();
        }
        ASSERT_EQ(marked(tmp_ / "cut.db"), 7u) << cut.name;  // all but the empty bodies
        const IndexReport rerun = index(tmp_ / "cut.db", {tmp_ / "corpus"}, 2);
        EXPECT_EQ(rerun.walk.files_read, 0u) << cut.name;
        EXPECT_EQ(rerun.groups.grouped, undone) << cut.name;
        // A founder must not see its copies after it in key order, though they kept their group.
        EXPECT_EQ(rerun.groups.joined, undone - undone_founders) << cut.name;
        EXPECT_EQ(rerun.groups.unmarked, 7u) << cut.name;
        EXPECT_EQ(marked(tmp_ / "cut.db"), 0u) << cut.name;
        const auto finished = members(tmp_ / "cut.db");
        for (const auto& [id, m] : complete) EXPECT_EQ(finished.at(id).group, m.group) << cut.name << ": " << id;
    }
}

// The same after an earlier run, whose articles the pass reads from the signature slot: that
// read must pass over the marked articles (a2 a3 a4 kept their groups; a1, first in key order,
// lost its own), or a1 would join its copies' group instead of founding it again.
TEST_F(CopyGroups, APassCutShortAfterAnEarlierRunShowsNoMarkedArticleEarly) {
    const fs::path db = tmp_ / "news.db";
    index(db, {write("harvest.jsonl", record("h1", "Harvest", "Farm News", kHarvest))}, 1);
    write("wire.jsonl", wire_file());
    index(db, {tmp_ / "corpus"}, 1);
    const auto complete = members(db);
    {
        Xapian::WritableDatabase writable(shard_layout::shard_paths(db.string()).at(0), Xapian::DB_OPEN);
        for (const auto& [id, m] : complete) {
            if (id == "h1" || m.group.empty()) continue;
            Xapian::Document doc = writable.get_document(m.docid);
            doc.add_value(schema::kUngroupedSlot, "1");
            if (id == "a1") doc.remove_value(schema::kGroupSlot);
            writable.replace_document(m.docid, doc);
        }
        writable.commit();
    }
    ASSERT_EQ(marked(db), 7u);
    const IndexReport rerun = index(db, {tmp_ / "corpus"}, 1);
    EXPECT_EQ(rerun.walk.files_read, 0u);
    EXPECT_EQ(rerun.groups.grouped, 1u);
    EXPECT_EQ(rerun.groups.joined, 0u);
    EXPECT_EQ(rerun.groups.unmarked, 7u);
    EXPECT_EQ(marked(db), 0u);
    const auto finished = members(db);
    for (const auto& [id, m] : complete) EXPECT_EQ(finished.at(id).group, m.group) << id;
    EXPECT_EQ(partition(finished), "a1 a2 a3 a4 | b1 | h1 | s1 s2 / ungrouped: e1 e2");
}

// An article that founded a group and then changed into another story does not keep its
// copies' group: its signature is part of its new group's key.
TEST_F(CopyGroups, AFounderThatChangedGetsANewKey) {
    const fs::path db = tmp_ / "news.db";
    const fs::path first = write("first.jsonl", record("a1", "Dockers strike", "Wire", kStrike));
    write("second.jsonl", record("a2", "Dockers strike", "Bugle", kStrike));
    index(db, {tmp_ / "corpus"});
    const auto before = members(db);
    const std::string founded = new_group_key(before.at("a1").unique_term, before.at("a1").signature);
    ASSERT_EQ(before.at("a2").group, founded);
    const auto mtime = fs::last_write_time(first);
    write_file(first, record("a1", "Harvest", "Wire", kHarvest));
    fs::last_write_time(first, mtime + std::chrono::seconds(5));
    index(db, {tmp_ / "corpus"});
    const auto after = members(db);
    EXPECT_EQ(after.at("a2").group, founded);
    EXPECT_EQ(after.at("a1").group, new_group_key(before.at("a1").unique_term, after.at("a1").signature));
    EXPECT_NE(after.at("a1").group, founded);
}

}  // namespace
