// One newsdex-index run, wired end to end: take the database's write lock, remove what a killed
// compaction left, open or create its shards, walk the paths (FolderIndexer) while the shard
// threads write (ParallelWriter), commit, group new articles with their copies (group_copies),
// compact the shards when asked or when the run changed much of the database
// (shard_compaction.h), and sync the database to disk. The command line, the Python module and
// the tests all call this.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analyzer_settings.h"
#include "index/copy_groups.h"
#include "index/shard_compaction.h"
#include "index/folder_indexer.h"
#include "index/parallel_writer.h"
#include "readers/encoding.h"
#include "util/diagnostics.h"

namespace newsdex {

// When run_index compacts the shards at the end of the run.
enum class CompactWhen {
    automatic,  // a new database, or a run that wrote kCompactAbovePercent of its articles
    always,     // --compact
    never,      // --no-compact
};

struct IndexOptions {
    std::string db;
    AnalyzerSettings settings;
    unsigned jobs = 0;       // writer threads; 0 = one per core. A new database gets this many shards.
    bool prune = false;      // delete articles whose files are gone (after a complete scan)
    bool follow_links = false;  // enter symbolic links to folders (newsdex-index --follow-links)
    // Index only the articles of this part of the collection (--part K/N, partition.h); the
    // database records it, and later runs must give the same.
    std::optional<PartOf> part;
    InputLimits limits;         // what one input may cost (newsdex-index --max-*)
    std::size_t grouping_batch = kGroupingBatch;  // marked articles the grouping pass holds at once
    bool rebuild = false;    // start from an empty database
    bool wait = false;       // wait for another indexer's lock instead of failing
    CompactWhen compact = CompactWhen::automatic;
    DecodeOptions decode;
    CommitPolicy commits;
    std::function<void(const IndexSummary&)> progress;
};

struct IndexReport {
    IndexSummary walk;
    WriteCounts writes;
    GroupingCounts groups;  // the grouping pass at the end of the run
    CompactionReport compaction;  // shards == 0: not compacted
    std::optional<PartOf> part;   // as given (IndexOptions::part)
};

// Throws LockedError when another indexer holds the database (and options.wait is off),
// Error for everything else fatal (locked, unwritable, incompatible, disk full, no path
// exists, nothing to compact); problems with single inputs are warnings through `diag`.
// `paths` may be empty: the run then finishes a killed run's grouping pass and compacts.
IndexReport run_index(const std::vector<std::string>& paths, const IndexOptions& options,
                      Diagnostics& diag);

// The line newsdex-index prints at the end (with '\n'): "indexed N articles: A added, U updated,
// ...; W warnings; S s, M MB/s, R articles/s; J joined a group of wire copies", then, when an
// archive held empty entries, "; E empty archive entries skipped", with --part "; part K/N, O
// articles left to other parts", and, when the shards were compacted, "; compacted 2 shards,
// 1329 → 836 MB".
std::string summary_line(const IndexReport& report, std::size_t warnings, double seconds);

}  // namespace newsdex
