// Compaction of a database's shards, crash-safe, for the holder of the write lock. Each shard
// is copied by Xapian's compactor into a fresh folder beside it (shard-0 → shard-0.1 →
// shard-0.2 …), the copy is synced to disk, the stub is replaced atomically to name it, and
// only then is the old folder removed. A kill at any moment leaves a stub naming complete
// shards with every committed article; what it may leave besides (a half-written copy, a
// replaced shard not yet removed) is named by no stub, and remove_compaction_leftovers takes it
// away under the next run's lock.
//
// Document ids are kept (DBCOMPACT_NO_RENUMBER): ties in ranking and export order follow them,
// so a query returns the same list before and after, and new articles never reuse an id.
//
// Readers: one that has the database open keeps reading the folders it opened (their files
// stay readable while open, removed or not) and sees the same articles; Searcher::reopen and
// its retries open the shards the stub names now. See docs/architecture.md, Database layout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace newsdex {

struct CompactionReport {
    std::size_t shards = 0;           // shards compacted and swapped in
    std::uintmax_t bytes_before = 0;  // their folders' sizes before
    std::uintmax_t bytes_after = 0;   // ... and after
};

// Removes the shard folders and stub temporary file the stub does not name (see
// shard_layout::unnamed_entries): leftovers of a killed compaction. Returns how many.
std::size_t remove_compaction_leftovers(const std::string& db_path);

// Compacts every shard the stub names, one after another (the disk needs room for one shard's
// compacted copy at a time). Throws Error when there is no database or a shard cannot be
// compacted or swapped in (its half-written copy is removed; shards swapped in before stay).
CompactionReport compact_shards(const std::string& db_path);

// The folder name a shard gets when compacted: "shard-0" → "shard-0.1", "shard-0.1" →
// "shard-0.2". Names only grow, so a reader holding an old folder open never finds a different
// database under its name.
std::string compacted_name(const std::string& shard_name);

// Whether a run that wrote `written` articles (added, updated or removed) into a database now
// holding `articles` changed enough of it to be worth compacting (see kCompactAbovePercent).
bool worth_compacting(std::size_t written, std::size_t articles);

// Automatic compaction after a run that wrote at least this share of the database's articles
// (a new database too). Compacting takes about as long whatever the run wrote (the whole
// database is copied: 0.3 s for Reuters, 3.5-4 s for ten times its size), while any run into a
// compacted database, small or large, grows it back to 1.5-1.9 times its compacted size
// (docs/performance.md). So the share only bounds the cost: measured, compaction adds a quarter
// to a third to a run that wrote a fifth of the articles, and doubles one that wrote 3-6 %.
inline constexpr std::size_t kCompactAbovePercent = 20;

}  // namespace newsdex
