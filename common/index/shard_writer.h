// Writes one shard of a database. Only one thread touches a ShardWriter. Adds or replaces
// articles by their unique key, keeps the per-file bookkeeping that makes re-runs incremental
// (which articles each file has, the file's size and mtime), and commits every N articles or
// T seconds: Xapian commits are atomic, so a killed run leaves the last commit, and a re-run
// replaces what it finds again, so every article ends up stored exactly once.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "article/article.h"
#include "index/docid_set.h"
#include "index/document_builder.h"
#include "index/partition.h"
#include "index/stem_table.h"

namespace newsdex {

struct CommitPolicy {
    std::size_t every_articles = 1000;
    std::chrono::seconds every_seconds{10};
    // ... and after this much article text: Xapian holds a commit's postings in memory, and a
    // thousand articles of 16 MiB would be gigabytes of them.
    std::size_t every_text_bytes = std::size_t{64} << 20;
};

class ShardWriter {
public:
    // Opens or creates the shard; a new one records `settings` and `part`. Throws Error
    // (locked, unwritable, incompatible, made with other analyzer settings, naming the
    // setting, or holding another part than `part`: partition.h).
    ShardWriter(const std::string& shard_path, const std::string& db_path,
                const AnalyzerSettings& settings, const std::optional<PartOf>& part, CommitPolicy policy);

    // Adds or replaces the article; true when it replaced one. `file_key` names its file
    // (schema::file_key).
    bool add(const Article& article, const std::string& file_key);

    // The file's last article has been added: deletes this shard's articles of that file that
    // this run did not add again, and records the file's state. Returns how many it deleted.
    std::size_t finish_file(const std::string& file_key, const std::string& state);

    // Deletes every article of the file and its state (its file is gone). Returns how many.
    std::size_t remove_file(const std::string& file_key);

    void commit();

private:
    std::string shard_path_;
    std::string db_path_;
    Xapian::WritableDatabase db_;
    Analyzer analyzer_;
    StemTableWriter stems_;
    DocumentBuilder builder_;
    CommitPolicy policy_;
    std::size_t pending_ = 0;
    std::size_t pending_text_bytes_ = 0;
    std::chrono::steady_clock::time_point last_commit_;
    std::unordered_map<std::string, DocidSet> added_by_file_;

    void commit_if_due();
    [[noreturn]] void fail(const char* doing, const Xapian::Error& e) const;
};

// File states as recorded by ShardWriter::finish_file, read from the shards' last commits.
// A state counts only when every shard holds it: a run killed between two shards' commits
// leaves some without it, and the file is read again.
class FileStates {
public:
    explicit FileStates(const std::vector<std::string>& shard_paths);

    // The recorded state when all shards agree on it, else "".
    std::string get(const std::string& file_key) const;

    // How many articles the file has, summed over the shards (for the "unchanged" count).
    std::size_t article_count(const std::string& file_key) const;

    // Every file key recorded under this prefix (a root), in any shard.
    std::vector<std::string> keys_with_prefix(const std::string& prefix) const;

private:
    std::vector<Xapian::Database> shards_;
};

// "size mtime-ns count" as stored; the count is this shard's share of the file's articles.
std::string file_state(std::uintmax_t size, long long mtime_ns);

}  // namespace newsdex
