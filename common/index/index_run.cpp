#include "index/index_run.h"

#include <cstdio>
#include <thread>

#include "index/shard_layout.h"
#include "index/shard_writer.h"
#include "index/write_lock.h"

namespace newsdex {

namespace {

unsigned default_jobs() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

}  // namespace

IndexReport run_index(const std::vector<std::string>& paths, const IndexOptions& options,
                      Diagnostics& diag) {
    validate_language(options.settings.language);
    const unsigned jobs = options.jobs == 0 ? default_jobs() : options.jobs;
    // Checked before the lock, which creates the folder and its lock file: a file, or a folder
    // that is not a database, is never touched. (Checked again under the lock.)
    if (!(options.rebuild && shard_layout::is_single_database(options.db))) shard_layout::shard_paths(options.db);
    WriteLock lock(options.db, options.wait);
    if (options.rebuild) shard_layout::remove_single_database(options.db);
    std::vector<std::string> shards = shard_layout::shard_paths(options.db);
    if (options.rebuild && !shards.empty()) {
        shard_layout::remove_shards(options.db);
        shards.clear();
    }
    const bool created = shards.empty();
    if (created) shards = shard_layout::shard_names(options.db, jobs);

    IndexReport report;
    {
        ParallelWriter writer(shards, options.db, options.settings, jobs, options.commits);
        // The stub is written once every shard exists with its settings committed, so a
        // searcher never opens a database whose shards are missing.
        if (created) shard_layout::write_stub(options.db, static_cast<unsigned>(shards.size()));
        const FileStates states(shards);
        FolderIndexer indexer(writer, states, diag,
                              WalkOptions{options.decode, options.prune, options.follow_links, options.progress});
        report.walk = indexer.run(paths);
        report.writes = writer.finish();
    }
    // After every shard has committed and closed: a new article's copies may be in any shard,
    // and those a killed run left ungrouped are taken up too.
    report.groups = group_copies(shards, options.db, options.commits.every_articles);
    if (created || report.writes.added + report.writes.updated + report.writes.removed > 0 ||
        report.walk.files_read > 0 || report.groups.unmarked > 0) {
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
    // A part of its own at the end, and only when there are any: the parts before it are read
    // by scripts and tests.
    if (s.entries_empty > 0) {
        text.insert(text.size() - 1, "; " + std::to_string(s.entries_empty) + " empty archive " +
                                          (s.entries_empty == 1 ? "entry" : "entries") + " skipped");
    }
    return text;
}

}  // namespace newsdex
