// "Indexing at full speed, incrementally and safely", end to end: the real newsdex-index,
// killed at random points, leaves a database that a re-run completes to exactly what an
// uninterrupted run builds; one indexer at a time per database; searching while it commits;
// incremental re-runs; a full disk; bad inputs; wrong database targets. Corpora are generated
// at test time from fixed seeds into a temporary folder, so every run sees the same bytes.
#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/schema.h"
#include "index/shard_layout.h"
#include "index/write_lock.h"
#include "test_support.h"

namespace {

using namespace newsdex::test;
using namespace std::chrono_literals;
using namespace std::string_literals;
namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kIndexBin = NEWSDEX_INDEX_BIN;
const std::string kSearchBin = NEWSDEX_SEARCH_BIN;

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// ---- generated corpora ----------------------------------------------------------------------

// Relative path → file content.
using Corpus = std::map<std::string, std::string>;

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

// Made-up words from a fixed set of syllables: no stop words, and none of them contains an
// x or a q, so the marker words below ("xylo…") never occur by chance.
class Prose {
public:
    explicit Prose(std::uint64_t seed) : rng_(seed) {}

    std::string word() {
        static constexpr const char* kSyllables[] = {"ka", "re", "mo", "ti", "lu", "sa", "ne", "po",
                                                     "vi", "da", "go", "fe", "zu", "bi", "ha", "jo"};
        std::string w;
        for (std::uint64_t n = 2 + rng_() % 3; n > 0; --n) w += kSyllables[rng_() % 16];
        return w;
    }

    std::string words(std::size_t count) {
        std::string text;
        for (std::size_t i = 0; i < count; ++i) {
            if (i > 0) text += (i % 60 == 0) ? "\n\n" : " ";
            text += word();
        }
        return text;
    }

private:
    std::mt19937_64 rng_;
};

std::string numbered(const char* prefix, int n, int width) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*d", width, n);
    return std::string(prefix) + digits;
}

std::string txt_article(const std::string& title, const std::string& id, const std::string& body) {
    return "Title: " + title + "\n" + (id.empty() ? "" : "ID: " + id + "\n") + "\n" + body + "\n";
}

std::string json_line(const std::string& id, const std::string& title, const std::string& body) {
    return Json{{"id", id}, {"title", title}, {"body", body}}.dump() + "\n";
}

constexpr std::uint64_t kSeed = 20261127;
constexpr std::size_t kNewsArticles = 2000;  // in news_corpus's current version
constexpr std::size_t kBodyWords = 60;        // short bodies: the run's length is in commits, not text

// 8 JSON Lines files of 200 records and 400 small .txt files in 8 folders: 2,000 articles, so
// with 2 shards and --commit-every 100 each shard commits about ten times. Every body starts
// with "newsroom". The old version is what the folder held before: 40 .txt files and one JSON
// Lines file that are gone now, and a feed-00.jsonl with 10 more records in its middle (the
// records after them get other "#n" paths) and 5 other titles. Each file's words come from its
// own seed, so the files the versions share are byte for byte the same.
Corpus news_corpus(bool old_version) {
    Corpus corpus;
    for (int f = 0; f < 8; ++f) {
        const std::string path = numbered("feeds/feed-", f, 2) + ".jsonl";
        Prose prose(kSeed ^ fnv1a(path));
        std::string text;
        const int records = f == 0 ? 210 : 200;
        for (int r = 0; r < records; ++r) {
            std::string title = prose.words(6);
            const std::string body = "newsroom " + prose.words(kBodyWords);
            if (f == 0 && r >= 50 && r < 60 && !old_version) continue;
            if (f == 0 && r < 5 && old_version) title = "Draft " + title;
            text += json_line(numbered("f", f, 2) + numbered("-", r, 4), title, body);
        }
        corpus[path] = text;
    }
    for (int i = 0; i < 400; ++i) {
        const std::string path = numbered("notes/group-", i / 50, 1) + numbered("/n-", i, 4) + ".txt";
        Prose prose(kSeed ^ fnv1a(path));
        const std::string title = prose.words(5);
        corpus[path] = txt_article(title, numbered("t", i, 4), "newsroom " + prose.words(kBodyWords));
    }
    if (old_version) {
        for (int i = 0; i < 40; ++i) {
            const std::string path = numbered("gone/g-", i, 2) + ".txt";
            Prose prose(kSeed ^ fnv1a(path));
            const std::string title = prose.words(5);
            corpus[path] = txt_article(title, "", "newsroom " + prose.words(kBodyWords));
        }
        Prose prose(kSeed ^ fnv1a("feeds/gone.jsonl"));
        std::string text;
        for (int r = 0; r < 30; ++r) {
            const std::string title = prose.words(6);
            text += json_line(numbered("gone-", r, 2), title, "newsroom " + prose.words(kBodyWords));
        }
        corpus["feeds/gone.jsonl"] = text;
    }
    return corpus;
}

// Replaces a file's content and makes sure its mtime moves, even within the file system's
// timestamp granularity (a few milliseconds): the indexer compares size and mtime.
void rewrite(const fs::path& path, const std::string& text) {
    const auto before = fs::last_write_time(path);
    write_file(path, text);
    if (fs::last_write_time(path) <= before) fs::last_write_time(path, before + 1s);
}

// Makes `dir` hold exactly `corpus`, writing only the files that differ.
void sync_corpus(const fs::path& dir, const Corpus& corpus) {
    for (const auto& [relative, text] : corpus) {
        const fs::path path = dir / relative;
        if (!fs::exists(path)) {
            fs::create_directories(path.parent_path());
            write_file(path, text);
        } else if (read_file(path) != text) {
            rewrite(path, text);
        }
    }
    std::vector<fs::path> extra;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file() && !corpus.contains(entry.path().lexically_relative(dir).generic_string())) {
            extra.push_back(entry.path());
        }
    }
    for (const auto& path : extra) fs::remove(path);
}

// ---- reading a database ---------------------------------------------------------------------

struct Stored {
    std::string path, id, title, body;
    auto operator<=>(const Stored&) const = default;
};
using Dump = std::vector<Stored>;

// Every article stored in the database, sorted; throws when it does not open or a document's
// data does not decode.
Dump dump(const fs::path& db) {
    Xapian::Database database(db.string());
    Dump articles;
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        const newsdex::Article a = newsdex::schema::decode_article(database.get_document(*it).get_data());
        articles.push_back({a.path, a.id, a.title, a.body});
    }
    std::sort(articles.begin(), articles.end());
    return articles;
}

std::set<std::string> ids_of(const Dump& articles) {
    std::set<std::string> ids;
    for (const auto& a : articles) ids.insert(a.id);
    return ids;
}

// "" when equal, else what differs (a few articles by path and id; bodies are long).
std::string difference(const Dump& got, const Dump& want) {
    if (got == want) return "";
    Dump missing, unexpected;
    std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(missing));
    std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(unexpected));
    std::string text = std::to_string(got.size()) + " articles, expected " + std::to_string(want.size());
    auto list = [&text](const char* what, const Dump& articles) {
        if (articles.empty()) return;
        text += "; " + std::to_string(articles.size()) + " " + what + ":";
        for (std::size_t i = 0; i < articles.size() && i < 5; ++i) {
            text += " [" + articles[i].path + " " + articles[i].id + " '" + articles[i].title.substr(0, 30) + "']";
        }
    };
    list("missing (or stored more than once)", missing);
    list("unexpected", unexpected);
    return text;
}

// Articles (path and id) stored more than once.
std::string duplicates(const Dump& articles) {
    std::string text;
    for (std::size_t i = 1; i < articles.size(); ++i) {
        if (articles[i].path == articles[i - 1].path && articles[i].id == articles[i - 1].id) {
            text += "[" + articles[i].path + " " + articles[i].id + "] ";
        }
    }
    return text;
}

// The shard folders the database's XAPIANDB stub names (what a searcher opens).
std::vector<fs::path> stub_shards(const fs::path& db) {
    std::vector<fs::path> shards;
    std::istringstream stub(read_file(db / "XAPIANDB"));
    for (std::string backend, name; stub >> backend >> name;) shards.push_back(db / name);
    return shards;
}

std::optional<std::string> find_on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path != nullptr ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / program;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    return std::nullopt;
}

// xapian-check (xapian-tools, see scripts/install-deps.sh) on every shard: Xapian's own check of
// the B-trees' structure, stricter than opening and reading them. Without it, only that check
// is skipped.
void expect_xapian_check_passes(const fs::path& db) {
    static const std::optional<std::string> tool = find_on_path("xapian-check");
    if (!tool) {
        static bool told = false;
        if (!told) std::cerr << "note: xapian-check (xapian-tools) not on PATH: shard structure not checked\n";
        told = true;
        return;
    }
    const std::vector<fs::path> shards = stub_shards(db);
    EXPECT_FALSE(shards.empty()) << db << " names no shards";
    for (const auto& shard : shards) {
        const RunResult r = run(*tool, {shard.string()});
        EXPECT_EQ(r.exit_code, 0) << "xapian-check " << shard << ":\n" << r.out << r.err;
    }
}

// ---- running the programs -------------------------------------------------------------------

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

RunResult index(const fs::path& db, const std::vector<std::string>& args, const RunOptions& options = {}) {
    return run(kIndexBin, concat({"-d", db.string()}, args), options);
}

// The ids newsdex-search finds for `query` (exit 1 and none when nothing matches).
std::multiset<std::string> found(const fs::path& db, const std::string& query) {
    const RunResult r = run(kSearchBin, {"-d", db.string(), "--format", "json", "-n", "100", query});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "search " << query << ": " << r.err;
    std::multiset<std::string> ids;
    if (r.exit_code != 0) return ids;
    const Json result = Json::parse(r.out);
    for (const Json& hit : result.at("results")) ids.insert(hit.at("id").get<std::string>());
    return ids;
}

class IndexingSafety : public ::testing::Test {
protected:
    void SetUp() override { tmp_ = make_temp_dir("newsdex-safety"); }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(tmp_, ignored);
    }
    fs::path tmp_;
};

// ---- 1. a killed run, re-run, equals an uninterrupted run -----------------------------------

TEST_F(IndexingSafety, KilledRunsEndLikeUninterruptedRunsAfterARerun) {
    const fs::path corpus = tmp_ / "corpus";
    const Corpus old_version = news_corpus(true);
    const Corpus current = news_corpus(false);
    sync_corpus(corpus, old_version);
    const fs::path old_db = tmp_ / "old.db";
    const std::vector<std::string> options{"-j", "2", "--commit-every", "100"};
    ASSERT_EQ(index(old_db, concat(options, {corpus.string()})).exit_code, 0);
    sync_corpus(corpus, current);

    // The references: a fresh run, and a --prune run over the old version's database.
    const fs::path reference_db = tmp_ / "reference.db";
    const auto started = std::chrono::steady_clock::now();
    const RunResult fresh = index(reference_db, concat(options, {corpus.string()}));
    const auto run_time = std::chrono::steady_clock::now() - started;
    ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
    const Dump reference = dump(reference_db);
    ASSERT_EQ(reference.size(), kNewsArticles);
    ASSERT_EQ(duplicates(reference), "");
    const fs::path pruned_db = tmp_ / "pruned.db";
    fs::copy(old_db, pruned_db, fs::copy_options::recursive);
    const RunResult pruned = index(pruned_db, concat(options, {"--prune", corpus.string()}));
    ASSERT_EQ(pruned.exit_code, 0) << pruned.err;
    ASSERT_EQ(difference(dump(pruned_db), reference), "");

    const std::string unchanged_summary = "; 0 files read, " + std::to_string(current.size()) + " unchanged,";
    std::mt19937_64 rng(kSeed);
    constexpr int kTrials = 8;
    for (int trial = 0; trial < kTrials; ++trial) {
        const bool prune = trial % 2 == 1;  // on the old version's database, deleted files and all
        const std::vector<std::string> args =
            prune ? concat(options, {"--prune", corpus.string()}) : concat(options, {corpus.string()});
        const fs::path db = tmp_ / ("kill-" + std::to_string(trial) + ".db");
        // A point between 5% and 90% of an uninterrupted run; a run that ends before its kill
        // (a loaded machine runs unevenly) is tried again, killed twice as early.
        auto delay = std::chrono::duration_cast<std::chrono::microseconds>(
            run_time * (0.05 + 0.85 * static_cast<double>(rng() % 1000) / 1000.0));
        SCOPED_TRACE("trial " + std::to_string(trial) + (prune ? " (--prune over the old version)" : " (fresh)"));
        RunResult killed;
        for (int attempt = 0; attempt < 4; ++attempt, delay /= 2) {
            fs::remove_all(db);
            if (prune) fs::copy(old_db, db, fs::copy_options::recursive);
            auto indexer = start(kIndexBin, concat({"-d", db.string()}, args));
            std::this_thread::sleep_for(delay);
            indexer->kill(SIGKILL);
            killed = indexer->finish();
            if (killed.term_signal == SIGKILL) break;
            ASSERT_EQ(killed.exit_code, 0) << killed.err;
        }
        // The kill landed mid-run: the process had not exited, and it had not finished its work.
        ASSERT_EQ(killed.term_signal, SIGKILL) << "every run ended before its kill (last delay "
                                               << delay.count() * 2 << " µs)";
        const bool has_stub = fs::exists(db / "XAPIANDB");
        // A new database is named by its stub only once its shards exist: killed before, the
        // folder holds no database yet. One that existed always still does.
        ASSERT_TRUE(has_stub || !prune);
        Dump partial;
        if (has_stub) {
            ASSERT_NO_THROW(partial = dump(db)) << "the killed run's database does not open or decode";
            expect_xapian_check_passes(db);
            const RunResult search = run(kSearchBin, {"-d", db.string(), "--format", "json", "newsroom"});
            EXPECT_TRUE(search.exit_code == 0 || search.exit_code == 1) << search.err;
        }
        EXPECT_TRUE(!contains(killed.err, "indexed ") || partial != reference)
            << "killed after it had printed its summary with all articles written: not mid-run";

        const RunResult rerun = index(db, args);
        ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
        const Dump completed = dump(db);
        EXPECT_EQ(difference(completed, reference), "");
        EXPECT_EQ(duplicates(completed), "");
        expect_xapian_check_passes(db);
        // A kill during the run's closing compaction left nothing the re-run did not remove.
        EXPECT_EQ(newsdex::shard_layout::unnamed_entries(db.string()), std::vector<std::string>{});
        // …and its file states are complete: one more run has nothing to read.
        const RunResult again = index(db, args);
        EXPECT_TRUE(contains(again.err, unchanged_summary)) << again.err;
        fs::remove_all(db);
    }
}

// ---- 1b. killed while compacting ------------------------------------------------------------

// The folder's entries, for the state a kill left: "XAPIANDB=auto shard-0.1 auto shard-1 |
// shard-0 shard-0.1 shard-1" (the stub's lines, then every shard folder).
std::string layout(const fs::path& db) {
    std::string text = "XAPIANDB=";
    std::istringstream stub(read_file(db / "XAPIANDB"));
    for (std::string line; std::getline(stub, line);) text += line + " ";
    text += "|";
    std::set<std::string> folders;
    for (const auto& entry : fs::directory_iterator(db)) {
        if (entry.path().filename().string() != "XAPIANDB" && entry.path().filename() != "newsdex.lock") {
            folders.insert(entry.path().filename().string());
        }
    }
    for (const auto& name : folders) text += " " + name;
    return text;
}

// `newsdex-index --compact` with nothing to index is all compaction (two shards copied,
// synced, swapped in and removed one after the other), so kills at random points of it land
// in every step. After each, the database opens with every article and searches; the next run
// removes the leftovers and finishes the compaction.
TEST_F(IndexingSafety, KillsDuringCompactionKeepEveryArticleAndTheNextRunCleansUp) {
    const fs::path corpus = tmp_ / "corpus";
    sync_corpus(corpus, news_corpus(false));
    const fs::path written_db = tmp_ / "written.db";  // as indexed, before any compaction
    const std::vector<std::string> options{"-j", "2", "--commit-every", "100"};
    ASSERT_EQ(index(written_db, concat(options, {"--no-compact", corpus.string()})).exit_code, 0);
    const Dump reference = dump(written_db);
    ASSERT_EQ(reference.size(), kNewsArticles);
    ASSERT_EQ(layout(written_db), "XAPIANDB=auto shard-0 auto shard-1 | shard-0 shard-1");

    const fs::path timed_db = tmp_ / "timed.db";
    fs::copy(written_db, timed_db, fs::copy_options::recursive);
    const auto started = std::chrono::steady_clock::now();
    const RunResult uninterrupted = index(timed_db, {"--compact"});
    const auto run_time = std::chrono::steady_clock::now() - started;
    ASSERT_EQ(uninterrupted.exit_code, 0) << uninterrupted.err;
    ASSERT_EQ(layout(timed_db), "XAPIANDB=auto shard-0.1 auto shard-1.1 | shard-0.1 shard-1.1");
    ASSERT_EQ(difference(dump(timed_db), reference), "");

    std::mt19937_64 rng(kSeed + 1);
    std::set<std::string> states;  // the layouts kills left
    constexpr int kTrials = 12;
    for (int trial = 0; trial < kTrials; ++trial) {
        SCOPED_TRACE("trial " + std::to_string(trial));
        const fs::path db = tmp_ / ("kill-" + std::to_string(trial) + ".db");
        auto delay = std::chrono::duration_cast<std::chrono::microseconds>(
            run_time * (0.02 + 0.96 * static_cast<double>(rng() % 1000) / 1000.0));
        RunResult killed;
        for (int attempt = 0; attempt < 4; ++attempt, delay /= 2) {
            fs::remove_all(db);
            fs::copy(written_db, db, fs::copy_options::recursive);
            auto indexer = start(kIndexBin, {"-d", db.string(), "--compact"});
            std::this_thread::sleep_for(delay);
            indexer->kill(SIGKILL);
            killed = indexer->finish();
            if (killed.term_signal == SIGKILL) break;
            ASSERT_EQ(killed.exit_code, 0) << killed.err;
        }
        ASSERT_EQ(killed.term_signal, SIGKILL) << "every run ended before its kill";
        const std::string state = layout(db);
        states.insert(state);
        SCOPED_TRACE("killed in state " + state);

        Dump partial;
        ASSERT_NO_THROW(partial = dump(db)) << "the killed compaction's database does not open or decode";
        EXPECT_EQ(difference(partial, reference), "");
        expect_xapian_check_passes(db);
        EXPECT_EQ(found(db, "newsroom").size(), 100u);  // -n 100 of the 2,000 that match

        const RunResult rerun = index(db, {"--compact"});
        ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
        EXPECT_EQ(newsdex::shard_layout::unnamed_entries(db.string()), std::vector<std::string>{});
        EXPECT_EQ(stub_shards(db).size(), 2u);
        EXPECT_EQ(difference(dump(db), reference), "");
        expect_xapian_check_passes(db);
        // …and the file states came through: a run over the corpus has nothing to read.
        const RunResult again = index(db, {corpus.string()});
        EXPECT_TRUE(contains(again.err, "; 0 files read, " + std::to_string(news_corpus(false).size()) + " unchanged,"))
            << again.err;
        fs::remove_all(db);
    }
    // Kills landed before the first swap, between the two, or after the last, with or without
    // a folder left over: more than one of these states was seen.
    std::string seen;
    for (const auto& state : states) seen += "\n  " + state;
    EXPECT_GE(states.size(), 2u) << "every kill left the same state:" << seen;
}

// ---- 2. one indexer at a time ---------------------------------------------------------------

TEST_F(IndexingSafety, ASecondIndexerIsRefusedOrWaitsWithWait) {
    const fs::path corpus = tmp_ / "corpus";
    fs::create_directories(corpus);
    write_file(corpus / "first.txt", txt_article("First", "", "xylofirst harbour"));
    const fs::path db = tmp_ / "news.db";
    ASSERT_EQ(index(db, {corpus.string()}).exit_code, 0);
    write_file(corpus / "second.txt", txt_article("Second", "", "xylosecond harbour"));

    // fcntl locks belong to a process: the lock this test process holds blocks the indexer it
    // starts. (For the same reason nothing here may open and close newsdex.lock meanwhile: that
    // would release the lock.)
    auto lock = std::make_unique<newsdex::WriteLock>(db.string(), false);
    const RunResult refused = index(db, {corpus.string()});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(refused.err, "error: database " + db.string() + " is being written by another newsdex-index (pid " +
                               std::to_string(::getpid()) + "); use --wait to wait for it\n");
    EXPECT_TRUE(fs::exists(db / "newsdex.lock"));

    auto waiting = start(kIndexBin, {"-d", db.string(), "--wait", corpus.string()});
    std::this_thread::sleep_for(300ms);
    EXPECT_TRUE(waiting->running()) << "--wait did not wait for the lock";
    lock.reset();
    const RunResult waited = waiting->finish();
    EXPECT_EQ(waited.exit_code, 0) << waited.err;
    EXPECT_EQ(found(db, "xylosecond"), std::multiset<std::string>{"second.txt"});
    EXPECT_TRUE(fs::exists(db / "newsdex.lock"));  // never deleted, and a left-over file blocks no one
    EXPECT_EQ(index(db, {corpus.string()}).exit_code, 0);
}

// fcntl locks have a trap: closing any descriptor of the lock file releases the process's lock.
// The run's last step, syncing every file of the database, opens and closes newsdex.lock too.
TEST_F(IndexingSafety, TheLockHoldsThroughTheFinalSync) {
    const fs::path corpus = tmp_ / "corpus";
    fs::create_directories(corpus);
    write_file(corpus / "first.txt", txt_article("First", "", "xylofirst harbour"));
    const fs::path db = tmp_ / "news.db";
    ASSERT_EQ(index(db, {corpus.string()}).exit_code, 0);

    newsdex::WriteLock lock(db.string(), false);
    newsdex::shard_layout::sync_to_disk(db.string());  // as run_index does, holding the lock
    const RunResult second = index(db, {corpus.string()});
    EXPECT_EQ(second.exit_code, 2) << second.err;
    EXPECT_TRUE(contains(second.err, "is being written by another newsdex-index")) << second.err;
}

// ---- 3. searching while the indexer commits -------------------------------------------------

TEST_F(IndexingSafety, SearchesDuringCommitsSucceedWithValidJson) {
    const fs::path first = tmp_ / "first";
    fs::create_directories(first);
    write_file(first / "a.txt", txt_article("Before", "", "newsroom xylobefore"));
    const fs::path db = tmp_ / "news.db";
    ASSERT_EQ(index(db, {"-j", "2", first.string()}).exit_code, 0);  // the database exists from here on
    const fs::path corpus = tmp_ / "corpus";
    sync_corpus(corpus, news_corpus(false));

    auto indexer = start(kIndexBin, {"-d", db.string(), "--commit-every", "5", corpus.string()});
    int during = 0;
    for (int i = 0; i < 30; ++i) {
        if (indexer->running()) ++during;
        const RunResult r = run(kSearchBin, {"-d", db.string(), "--format", "json", "-n", "3", "newsroom"});
        SCOPED_TRACE("search " + std::to_string(i));
        // A commit may discard the revision a search reads; the searcher reopens and retries.
        ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << ": " << r.err;
        Json result;
        ASSERT_NO_THROW(result = Json::parse(r.out)) << r.out;
        ASSERT_TRUE(result.is_object() && result.contains("total") && result.at("results").is_array()) << r.out;
        EXPECT_GE(result.at("total").get<long>(), 1) << "the article committed before the run is always there";
    }
    const RunResult indexed = indexer->finish();
    EXPECT_EQ(indexed.exit_code, 0) << indexed.err;
    EXPECT_GT(during, 0) << "the indexer ended before the first search: nothing was tested";
    EXPECT_EQ(dump(db).size(), kNewsArticles + 1);
    expect_xapian_check_passes(db);  // what the searches saw was never real damage
}

// A compaction swaps each shard for a new folder and removes the old one while searches run:
// a search opens the old or the new stub and finds every article either way (one opening a
// folder removed under it reads the stub again).
TEST_F(IndexingSafety, SearchesDuringCompactionsFindEveryArticle) {
    const fs::path corpus = tmp_ / "corpus";
    sync_corpus(corpus, news_corpus(false));
    const fs::path db = tmp_ / "news.db";
    ASSERT_EQ(index(db, {"-j", "2", "--no-compact", corpus.string()}).exit_code, 0);

    // Compactions one after the other in a child process, until told to stop.
    auto compactor = start("/bin/sh", {"-c", "while [ ! -e \"$0/stop\" ]; do \"$1\" -q -d \"$2\" --compact || exit 1; done",
                                       tmp_.string(), kIndexBin, db.string()});
    int during = 0;
    for (int i = 0; i < 40; ++i) {
        SCOPED_TRACE("search " + std::to_string(i));
        if (compactor->running()) ++during;
        const RunResult r = run(kSearchBin, {"-d", db.string(), "--count", "newsroom"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(r.out, "2000\n");
    }
    write_file(tmp_ / "stop", "");
    const RunResult compactions = compactor->finish();
    EXPECT_EQ(compactions.exit_code, 0) << compactions.err;
    EXPECT_GT(during, 30) << "the compactions ended early: too little was tested";
    EXPECT_NE(read_file(db / "XAPIANDB"), "auto shard-0\nauto shard-1\n") << "no compaction ran";
    EXPECT_EQ(dump(db).size(), kNewsArticles);
}

// ---- 4. incremental re-runs -----------------------------------------------------------------

// 5 files, 9 articles, each with one word of its own ("xylo…") to search for.
Corpus small_corpus() {
    Corpus c;
    std::string wire;
    for (const char* name : {"one", "two", "three", "four", "five"}) {
        wire += json_line(std::string("w-") + name, std::string("Wire ") + name,
                          std::string("harbour news xylowire") + name);
    }
    c["feeds/wire.jsonl"] = wire;
    c["notes/a.txt"] = txt_article("Note A", "a", "harbour notes xyloalpha");
    c["notes/b.txt"] = txt_article("Note B", "b", "harbour notes xyloold");
    c["notes/c.txt"] = txt_article("Note C", "c", "harbour notes xylocharlie");
    c["desk.json"] = Json{{"id", "desk"}, {"title", "Desk"}, {"body", "harbour desk xylodesk"}}.dump();
    return c;
}

class IndexingSafetyIncremental : public IndexingSafety {
protected:
    void SetUp() override {
        IndexingSafety::SetUp();
        corpus_ = tmp_ / "corpus";
        db_ = tmp_ / "news.db";
        sync_corpus(corpus_, small_corpus());
        const RunResult first = index(db_, {corpus_.string()});
        ASSERT_EQ(first.exit_code, 0) << first.err;
        before_ = dump(db_);
        ASSERT_EQ(before_.size(), 9u);
    }
    RunResult reindex(const std::vector<std::string>& args = {}) {
        return index(db_, args.empty() ? std::vector<std::string>{corpus_.string()} : args);
    }
    fs::path corpus_, db_;
    Dump before_;
};

TEST_F(IndexingSafetyIncremental, UnchangedRerunReadsNoFile) {
    const RunResult r = reindex();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "indexed 0 articles: 0 added, 0 updated, 9 unchanged, 0 removed; "
                                "0 files read, 5 unchanged,"))
        << r.err;
    EXPECT_EQ(difference(dump(db_), before_), "");
}

TEST_F(IndexingSafetyIncremental, ChangedFileIsReadAgainAndReplaced) {
    rewrite(corpus_ / "notes/b.txt", txt_article("Note B", "b", "harbour notes xylonew"));
    const RunResult r = reindex();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "indexed 1 articles: 0 added, 1 updated, 8 unchanged, 0 removed; "
                                "1 files read, 4 unchanged,"))
        << r.err;
    EXPECT_EQ(found(db_, "xylonew"), std::multiset<std::string>{"b"});
    EXPECT_EQ(found(db_, "xyloold"), std::multiset<std::string>{});
    EXPECT_EQ(dump(db_).size(), 9u);
}

TEST_F(IndexingSafetyIncremental, RecordRemovedFromJsonLinesIsDeleted) {
    std::string wire;
    for (const char* name : {"one", "two", "four", "five"}) {  // "three" is gone
        wire += json_line(std::string("w-") + name, std::string("Wire ") + name,
                          std::string("harbour news xylowire") + name);
    }
    rewrite(corpus_ / "feeds/wire.jsonl", wire);
    const RunResult r = reindex();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "; 1 files read, 4 unchanged,")) << r.err;
    EXPECT_EQ(found(db_, "xylowirethree"), std::multiset<std::string>{});
    EXPECT_EQ(found(db_, "xylowirefour"), std::multiset<std::string>{"w-four"});
    const Dump after = dump(db_);
    EXPECT_EQ(after.size(), 8u);
    EXPECT_EQ(duplicates(after), "");
    EXPECT_EQ(ids_of(after), (std::set<std::string>{"w-one", "w-two", "w-four", "w-five", "a", "b", "c", "desk"}));
}

TEST_F(IndexingSafetyIncremental, DeletedFilesStayUntilPrune) {
    fs::remove(corpus_ / "notes/c.txt");
    fs::remove(corpus_ / "feeds/wire.jsonl");
    const RunResult kept = reindex();
    EXPECT_EQ(kept.exit_code, 0) << kept.err;
    EXPECT_TRUE(contains(kept.err, " 0 removed;")) << kept.err;
    EXPECT_EQ(difference(dump(db_), before_), "");

    const RunResult pruned = reindex({"--prune", corpus_.string()});
    EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
    EXPECT_TRUE(contains(pruned.err, " 6 removed;")) << pruned.err;
    EXPECT_EQ(ids_of(dump(db_)), (std::set<std::string>{"a", "b", "desk"}));
    EXPECT_EQ(found(db_, "xylocharlie"), std::multiset<std::string>{});
}

TEST_F(IndexingSafetyIncremental, PruneGivenASingleFilePrunesNothing) {
    fs::remove(corpus_ / "notes/c.txt");
    // desk.json's root is the corpus folder, as when the folder was indexed, but one file is
    // no scan of that folder: c.txt must not be taken for deleted.
    const RunResult r = reindex({"--prune", (corpus_ / "desk.json").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "indexed 0 articles: 0 added, 0 updated, 1 unchanged, 0 removed;")) << r.err;
    EXPECT_EQ(difference(dump(db_), before_), "");
}

TEST_F(IndexingSafetyIncremental, RebuildLeavesExactlyTheCurrentCorpus) {
    const fs::path other = tmp_ / "other";  // a second root, not given to --rebuild
    fs::create_directories(other);
    write_file(other / "o.txt", txt_article("Other", "o", "harbour xyloother"));
    ASSERT_EQ(index(db_, {other.string()}).exit_code, 0);
    fs::remove(corpus_ / "notes/c.txt");
    rewrite(corpus_ / "notes/b.txt", txt_article("Note B", "b", "harbour notes xylonew"));
    write_file(corpus_ / "notes/d.txt", txt_article("Note D", "d", "harbour notes xylodelta"));

    const RunResult r = reindex({"--rebuild", corpus_.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const fs::path fresh_db = tmp_ / "fresh.db";
    ASSERT_EQ(index(fresh_db, {corpus_.string()}).exit_code, 0);
    EXPECT_EQ(difference(dump(db_), dump(fresh_db)), "");
    EXPECT_EQ(ids_of(dump(db_)), (std::set<std::string>{"w-one", "w-two", "w-three", "w-four", "w-five", "a", "b",
                                                         "d", "desk"}));
}

TEST_F(IndexingSafetyIncremental, TwoRootsWithTheSameRelativePathsKeepBothSets) {
    const fs::path a = tmp_ / "a", b = tmp_ / "b";
    fs::create_directories(a);
    fs::create_directories(b);
    auto feed = [](const std::string& marker, int records) {
        Json articles = Json::array();
        for (int i = 1; i <= records; ++i) {
            const std::string n = std::to_string(i);
            articles.push_back({{"id", "r" + n}, {"title", "Story " + n}, {"body", "harbour " + marker}});
        }
        return articles.dump();
    };
    write_file(a / "x.json", feed("xylorootalpha", 3));
    write_file(b / "x.json", feed("xylorootbravo", 3));
    const fs::path db = tmp_ / "roots.db";
    const RunResult r = index(db, {a.string(), b.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(dump(db).size(), 6u);
    const std::multiset<std::string> three{"r1", "r2", "r3"};
    EXPECT_EQ(found(db, "xylorootalpha"), three);
    EXPECT_EQ(found(db, "xylorootbravo"), three);

    const RunResult again = index(db, {a.string(), b.string()});
    EXPECT_TRUE(contains(again.err, "; 0 files read, 2 unchanged,")) << again.err;
    rewrite(a / "x.json", feed("xylorootalpha", 2));  // r3 leaves a, and only a
    const RunResult changed = index(db, {"--prune", a.string()});
    EXPECT_EQ(changed.exit_code, 0) << changed.err;
    EXPECT_EQ(found(db, "xylorootalpha"), (std::multiset<std::string>{"r1", "r2"}));
    EXPECT_EQ(found(db, "xylorootbravo"), three);
}

// ---- 5. a full disk -------------------------------------------------------------------------

TEST_F(IndexingSafety, FullDiskIsAnErrorAndKeepsWhatWasCommitted) {
    const fs::path first = tmp_ / "first";
    fs::create_directories(first);
    for (int i = 0; i < 20; ++i) {
        write_file(first / numbered("f-", i, 2).append(".txt"),
                   txt_article("First " + std::to_string(i), numbered("first-", i, 2), "harbour xylofirstcorpus"));
    }
    const fs::path db = tmp_ / "news.db";
    ASSERT_EQ(index(db, {"-j", "1", first.string()}).exit_code, 0);  // one shard: it grows fastest
    const Dump committed = dump(db);
    ASSERT_EQ(committed.size(), 20u);
    const fs::path corpus = tmp_ / "corpus";
    sync_corpus(corpus, news_corpus(false));

    // 2,000 articles make a shard's position table about 2.5 MB: a 1 MiB limit on any file's
    // size is hit mid-run, after the first commits. SIGXFSZ is ignored by the indexer, so the
    // write fails with EFBIG as on a full disk.
    const RunResult r = index(db, {"--commit-every", "100", corpus.string()}, {.file_size_limit = 1 << 20});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    const std::vector<std::string> lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_TRUE(lines[0].starts_with("error: ") && contains(lines[0], db.string())) << r.err;

    Dump after;
    ASSERT_NO_THROW(after = dump(db));
    Dump kept;
    std::set_intersection(after.begin(), after.end(), committed.begin(), committed.end(), std::back_inserter(kept));
    EXPECT_EQ(difference(kept, committed), "");
    EXPECT_EQ(found(db, "xylofirstcorpus").size(), 20u);
    expect_xapian_check_passes(db);
    // With room again, a re-run completes the database.
    const RunResult rerun = index(db, {corpus.string()});
    EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_EQ(dump(db).size(), kNewsArticles + 20);
}

// ---- 6. bad inputs --------------------------------------------------------------------------

TEST_F(IndexingSafety, BadInputsAreWarningsAndTheGoodFilesAreIndexed) {
    const fs::path corpus = tmp_ / "corpus";
    fs::create_directories(corpus / "dir");
    write_file(corpus / "good.txt", txt_article("Good", "", "harbour xylogood"));
    struct Bad {
        std::string name;
        std::string content;
        std::string warning;  // after "warning: NAME: "
        bool indexed;         // what could be read of it is indexed
    };
    std::vector<Bad> bad = {
        {"damaged-utf8.txt",
         txt_article("Damaged", "", "Mostly well-formed UTF-8, caf\xC3\xA9 and na\xC3\xAFve, with one stray \xFF "
                                    "byte among enough words to tell it from legacy text xylodamaged"),
         "invalid UTF-8 replaced with U+FFFD (1 sequence)", true},
        {"binary.txt", "Title: Bin\n\nabc\0\0\0def\0"s, "looks binary (NUL bytes), skipped", false},
        {"empty.txt", "", "empty file, skipped", false},
    };
    // chmod 000 does not stop root, and CI runs as root: there, no file can be made unreadable
    // and that row is left out.
    const bool can_make_unreadable = ::geteuid() != 0;
    if (can_make_unreadable) {
        bad.push_back({"unreadable.txt", "Title: Secret\n\nxylosecret\n", "cannot read file: Permission denied", false});
    }
    for (const auto& row : bad) write_file(corpus / row.name, row.content);
    if (can_make_unreadable) fs::permissions(corpus / "unreadable.txt", fs::perms::none);
    // One article of 20 MB: far beyond any buffer or queue size. It is cut at 16 MiB of text
    // (--max-article-bytes) with a warning: its first word is found, its last is not. (100 MB takes about five times as long to index and to snippet; it would eat the
    // CI budget without exercising another code path.)
    {
        // Few distinct words: indexing time grows with a document's distinct terms, and 20 MB
        // of ever new words would take seconds more without testing anything else.
        Prose prose(kSeed);
        std::vector<std::string> vocabulary;
        for (int i = 0; i < 40; ++i) vocabulary.push_back(prose.word());
        std::string block;
        for (std::size_t i = 0; i < 1000; ++i) {
            block += vocabulary[(i * 7 + i / 40) % vocabulary.size()];
            block += i % 100 == 99 ? "\n\n" : " ";
        }
        std::string body;
        while (body.size() < 20'000'000) body += block;
        write_file(corpus / "huge.txt", txt_article("Huge", "", "xylofirstword " + body + "xylofinalword"));
    }
    fs::create_directory_symlink("..", corpus / "dir" / "loop");  // dir/loop/dir/loop/…
    const std::string missing = (tmp_ / "missing").string();

    const RunResult r = index(tmp_ / "news.db", {corpus.string(), missing});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    std::set<std::string> warnings;
    for (const auto& line : lines_of(r.err)) {
        if (line.starts_with("warning: ")) warnings.insert(line);
    }
    std::set<std::string> expected{"warning: " + missing + ": no such file or folder"};
    for (const auto& row : bad) expected.insert("warning: " + row.name + ": " + row.warning);
    expected.insert("warning: huge.txt: article cut to its first 16 MiB of text (--max-article-bytes)");
    EXPECT_EQ(warnings, expected) << r.err;
    EXPECT_TRUE(contains(r.err, "indexed 3 articles:")) << r.err;

    std::set<std::string> ids{"good.txt", "huge.txt"};
    for (const auto& row : bad) {
        if (row.indexed) ids.insert(row.name);
    }
    EXPECT_EQ(ids_of(dump(tmp_ / "news.db")), ids);  // no "dir/loop/…": folder links are not followed
    EXPECT_EQ(found(tmp_ / "news.db", "xylofirstword"), std::multiset<std::string>{"huge.txt"});
    EXPECT_EQ(found(tmp_ / "news.db", "xylofinalword"), std::multiset<std::string>{});
    EXPECT_EQ(found(tmp_ / "news.db", "xylodamaged"), std::multiset<std::string>{"damaged-utf8.txt"});
}

// ---- 7. wrong targets -----------------------------------------------------------------------

// Every file under `path` with its content (or the file itself), to check nothing changed.
std::map<std::string, std::string> snapshot(const fs::path& path) {
    std::map<std::string, std::string> files;
    if (fs::is_regular_file(path)) {
        files[""] = read_file(path);
        return files;
    }
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
        const std::string name = entry.path().lexically_relative(path).generic_string();
        files[name] = entry.is_regular_file() ? read_file(entry.path()) : "<folder>";
    }
    return files;
}

class IndexingSafetyTargets : public IndexingSafety {
protected:
    void SetUp() override {
        IndexingSafety::SetUp();
        corpus_ = tmp_ / "corpus";
        fs::create_directories(corpus_);
        write_file(corpus_ / "a.txt", txt_article("A", "a", "harbour xyloalpha"));
    }
    fs::path corpus_;
};

TEST_F(IndexingSafetyTargets, ARegularFileIsRefusedAndUntouched) {
    const fs::path target = tmp_ / "notes.db";
    write_file(target, "my notes\n");
    const RunResult r = index(target, {corpus_.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(read_file(target), "my notes\n");
    EXPECT_EQ(r.err, "error: cannot use " + target.string() + " as a database: it is a file, not a folder\n");
}

TEST_F(IndexingSafetyTargets, AFolderOfOtherFilesIsRefusedAndUntouched) {
    const fs::path target = tmp_ / "documents";
    fs::create_directories(target / "sub");
    write_file(target / "letter.txt", "dear editor\n");
    write_file(target / "sub" / "draft.md", "# draft\n");
    const auto before = snapshot(target);
    const RunResult r = index(target, {corpus_.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: cannot use " + target.string() + " as a database: the folder holds other files (" +
                         "letter.txt)\n");
    EXPECT_EQ(snapshot(target), before);
}

TEST_F(IndexingSafetyTargets, ASingleXapianDatabaseIsRefusedAndRebuildReplacesIt) {
    const fs::path target = tmp_ / "old.db";
    {
        Xapian::WritableDatabase old(target.string(), Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.add_term("Qold");
        old.add_document(doc);
        old.commit();
    }
    const RunResult r = index(target, {corpus_.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: database " + target.string() +
                         " was made by an incompatible version of Newsdex (a single Xapian database, not "
                         "shards); re-index it with --rebuild\n");
    const RunResult rebuilt = index(target, {"--rebuild", corpus_.string()});
    EXPECT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
    EXPECT_EQ(ids_of(dump(target)), std::set<std::string>{"a"});
}

// A database keeps the analyzer settings it was made with: stems and folded terms of two
// settings cannot be searched together.
TEST_F(IndexingSafetyTargets, OtherAnalyzerSettingsAreRefusedNamingTheSetting) {
    const fs::path db = tmp_ / "news.db";
    ASSERT_EQ(index(db, {corpus_.string()}).exit_code, 0);
    const Dump before = dump(db);
    write_file(corpus_ / "b.txt", txt_article("B", "b", "harbour xylobravo"));
    struct Row {
        std::vector<std::string> option;
        std::string error;
    };
    const std::vector<Row> rows = {
        {{"--language", "french"}, "--language english, not --language french"},
        {{"--accents", "keep"}, "--accents fold, not --accents keep"},
        {{"--language", "none"}, "--language english, not --language none"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.option[0] + " " + row.option[1]);
        const RunResult r = index(db, concat(row.option, {corpus_.string()}));
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_EQ(r.err, "error: database " + db.string() + " was indexed with " + row.error +
                             " (use the same setting, or index into a new database)\n");
        EXPECT_EQ(difference(dump(db), before), "");
    }
}

}  // namespace
