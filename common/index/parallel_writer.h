// Fans articles out to the shards of a database, each shard written by one thread (several
// shards per thread when there are fewer threads than shards). Articles are routed by their
// unique key, so a re-run replaces an article in the shard that already holds it. The reading
// thread only parses; analysis and Xapian's inversion, the expensive parts, run on every core.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "analysis/analyzer_settings.h"
#include "article/article.h"
#include "index/partition.h"
#include "index/shard_writer.h"
#include "util/bounded_queue.h"

namespace newsdex {

struct WriteCounts {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t removed = 0;
};

class ParallelWriter {
public:
    // Opens every shard (throwing Error as ShardWriter does) and starts `threads` writers.
    // `part`: the part of a collection the database holds (partition.h), nullopt for all of it.
    ParallelWriter(const std::vector<std::string>& shard_paths, const std::string& db_path,
                   const AnalyzerSettings& settings, const std::optional<PartOf>& part, unsigned threads,
                   CommitPolicy policy);
    ~ParallelWriter();  // stops the threads without a final commit if finish() was not called

    // Queues the article of file `file_key`; blocks while the writers are behind. Throws the
    // first writer error (disk full, …) as Error.
    void add(Article&& article, const std::string& file_key);

    // The file's articles have all been queued: every shard drops the file's articles that were
    // not added again and records `state`.
    void end_file(const std::string& file_key, const std::string& state);

    // Deletes all articles of a file that is gone.
    void remove_file(const std::string& file_key);

    // Drains the queues, commits every shard, joins the threads. Throws the first writer error.
    WriteCounts finish();

private:
    struct Task {
        enum class Kind { article, end_file, remove_file } kind;
        unsigned shard;
        Article article;
        std::string file_key;
        std::string state;
    };
    struct Worker {
        std::vector<std::unique_ptr<ShardWriter>> shards;  // indexed by shard number (null: not ours)
        std::unique_ptr<BoundedQueue<Task>> queue;
        std::thread thread;
    };

    std::vector<Worker> workers_;
    unsigned shard_count_;
    std::atomic<std::size_t> added_{0}, updated_{0}, removed_{0};
    std::mutex error_mutex_;
    std::exception_ptr error_;
    std::atomic<bool> failed_{false};
    bool finished_ = false;

    void run(Worker& worker);
    void send(unsigned shard, Task task);
    void rethrow_if_failed();
    void stop();
};

}  // namespace newsdex
