#include "index/index_run.h"

#include <xapian.h>

#include <cstdio>
#include <thread>

#include "index/shard_layout.h"
#include "index/shard_writer.h"
#include "index/write_lock.h"
#include "util/errors.h"

namespace newsdex {

namespace {

unsigned default_jobs() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

std::size_t article_count(const std::string& db_path) {
    try {
        return Xapian::Database(db_path).get_doccount();
    } catch (const Xapian::Error& e) {
        throw Error("cannot read database " + db_path + ": " + e.get_description());
    }
}

// Megabytes (10^6 bytes): whole ones, or with one decimal for a database under 10 MB, so that
// a small database's change shows.
std::string megabytes(std::uintmax_t bytes, bool decimal) {
    char text[32];
    std::snprintf(text, sizeof text, decimal ? "%.1f" : "%.0f", static_cast<double>(bytes) / 1e6);
    return text;
}

}  // namespace

IndexReport run_index(const std::vector<std::string>& paths, const IndexOptions& options,
                      Diagnostics& diag) {
    validate_language(options.settings.language);
    const unsigned jobs = options.jobs == 0 ? default_jobs() : options.jobs;
    // Checked before the lock, which creates the folder and its lock file: a file, or a folder
    // that is not a database, is never touched. (Checked again under the lock.)
    if (paths.empty() && options.rebuild) throw Error("a rebuild needs files or folders to index");
    if (!(options.rebuild && shard_layout::is_single_database(options.db)) &&
        shard_layout::shard_paths(options.db).empty() && paths.empty()) {
        throw Error("no database at " + options.db + " to compact (create it with: newsdex-index -d " + options.db +
                    " FOLDER)");
    }
    WriteLock lock(options.db, options.wait);
    if (options.rebuild) shard_layout::remove_single_database(options.db);
    std::vector<std::string> shards = shard_layout::shard_paths(options.db);
    if (options.rebuild && !shards.empty()) {
        shard_layout::remove_shards(options.db);
        shards.clear();
    }
    // Before anything is written: a killed compaction's half-written copy or replaced shard is
    // named by no stub, so no reader opens it any more (one that opened it before keeps its
    // open files, removed or not).
    remove_compaction_leftovers(options.db);
    const bool created = shards.empty();
    if (created) shards = shard_layout::shard_names(options.db, jobs);

    IndexReport report;
    report.part = options.part;
    if (!paths.empty()) {  // none: only the grouping pass and compaction (--compact alone)
        ParallelWriter writer(shards, options.db, options.settings, options.part, jobs, options.commits);
        // The stub is written once every shard exists with its settings committed, so a
        // searcher never opens a database whose shards are missing.
        if (created) shard_layout::write_stub(options.db, static_cast<unsigned>(shards.size()));
        const FileStates states(shards);
        FolderIndexer indexer(writer, states, diag,
                              WalkOptions{options.decode, options.prune, options.follow_links, options.progress, options.limits,
                                          options.part});
        report.walk = indexer.run(paths);
        report.writes = writer.finish();
    }
    // After every shard has committed and closed: a new article's copies may be in any shard,
    // and those a killed run left ungrouped are taken up too.
    report.groups = group_copies(shards, options.db, options.commits.every_articles, options.grouping_batch);
    const std::size_t written = report.writes.added + report.writes.updated + report.writes.removed;
    const bool compact = options.compact == CompactWhen::always ||
                         (options.compact == CompactWhen::automatic && worth_compacting(written, article_count(options.db)));
    // Before the final sync: the compacted copies are synced as they are made, and the shards
    // they replace need not be.
    if (compact) report.compaction = compact_shards(options.db);
    if (created || written > 0 || report.walk.files_read > 0 || report.groups.unmarked > 0) {
        shard_layout::sync_to_disk(options.db);
    }
    return report;
}

std::string summary_line(const IndexReport& report, std::size_t warnings, double seconds) {
    const auto& w = report.writes;
    const auto& s = report.walk;
    const std::size_t written = w.added + w.updated;
    const double mb = static_cast<double>(s.bytes) / 1e6;
    char line[640];
    std::snprintf(line, sizeof line,
                  "indexed %zu articles: %zu added, %zu updated, %zu unchanged, %zu removed; "
                  "%zu files read, %zu unchanged, %zu ignored, %zu failed; %zu warnings; "
                  "%.2f s, %.1f MB/s, %.0f articles/s; %zu joined a group of wire copies\n",
                  written, w.added, w.updated, s.unchanged, w.removed, s.files_read, s.files_unchanged,
                  s.files_ignored, s.files_failed, warnings, seconds, seconds > 0 ? mb / seconds : 0.0,
                  seconds > 0 ? static_cast<double>(written) / seconds : 0.0, report.groups.joined);
    std::string text = line;
    // Parts of their own at the end, and only when there is something to say: the parts before
    // them are read by scripts and tests.
    if (s.entries_empty > 0) {
        text.insert(text.size() - 1, "; " + std::to_string(s.entries_empty) + " empty archive " +
                                          (s.entries_empty == 1 ? "entry" : "entries") + " skipped");
    }
    if (report.part) {
        text.insert(text.size() - 1, "; part " + report.part->text() + ", " + std::to_string(s.other_parts) +
                                          (s.other_parts == 1 ? " article" : " articles") + " left to other parts");
    }
    if (report.compaction.shards > 0) {
        text.pop_back();  // the '\n'
        const bool small = report.compaction.bytes_before < 10'000'000;
        text += "; compacted " + std::to_string(report.compaction.shards) +
                (report.compaction.shards == 1 ? " shard, " : " shards, ") +
                megabytes(report.compaction.bytes_before, small) + " \u2192 " +
                megabytes(report.compaction.bytes_after, small) + " MB\n";
    }
    return text;
}

}  // namespace newsdex
