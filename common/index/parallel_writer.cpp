#include "index/parallel_writer.h"

#include "index/schema.h"
#include "index/shard_layout.h"
#include "util/errors.h"

namespace newsdex {

namespace {
// Enough to keep the writers busy while the reader parses the next file; small enough that
// memory stays bounded by a few hundred articles per thread.
constexpr std::size_t kQueueCapacity = 256;
// ... and few enough bytes of article text that the queues of two threads stay a small part of
// the indexer's memory whatever the articles' size.
constexpr std::size_t kQueueBytes = std::size_t{32} << 20;
}  // namespace

ParallelWriter::ParallelWriter(const std::vector<std::string>& shard_paths, const std::string& db_path,
                               const AnalyzerSettings& settings, const std::optional<PartOf>& part,
                               unsigned threads, CommitPolicy policy)
    : shard_count_(static_cast<unsigned>(shard_paths.size())) {
    threads = std::max(1u, std::min(threads, shard_count_));
    workers_.resize(threads);
    for (unsigned s = 0; s < shard_count_; ++s) {
        Worker& worker = workers_[s % threads];
        worker.shards.resize(shard_count_);
        worker.shards[s] = std::make_unique<ShardWriter>(shard_paths[s], db_path, settings, part, policy);
    }
    for (auto& worker : workers_) {
        worker.queue = std::make_unique<BoundedQueue<Task>>(kQueueCapacity, kQueueBytes);
        worker.thread = std::thread([this, &worker] { run(worker); });
    }
}

ParallelWriter::~ParallelWriter() {
    if (!finished_) stop();
}

void ParallelWriter::stop() {
    for (auto& worker : workers_) worker.queue->close();
    for (auto& worker : workers_) {
        if (worker.thread.joinable()) worker.thread.join();
    }
}

void ParallelWriter::run(Worker& worker) {
    while (std::optional<Task> task = worker.queue->pop()) {
        if (failed_) continue;  // drain without working: the run is ending with an error
        try {
            ShardWriter& shard = *worker.shards[task->shard];
            switch (task->kind) {
                case Task::Kind::article:
                    if (shard.add(task->article, task->file_key)) ++updated_;
                    else ++added_;
                    break;
                case Task::Kind::end_file:
                    removed_ += shard.finish_file(task->file_key, task->state);
                    break;
                case Task::Kind::remove_file:
                    removed_ += shard.remove_file(task->file_key);
                    break;
            }
        } catch (...) {
            std::lock_guard lock(error_mutex_);
            if (!error_) error_ = std::current_exception();
            failed_ = true;
        }
    }
}

void ParallelWriter::rethrow_if_failed() {
    if (!failed_) return;
    std::lock_guard lock(error_mutex_);
    std::rethrow_exception(error_);
}

void ParallelWriter::send(unsigned shard, Task task) {
    rethrow_if_failed();
    task.shard = shard;
    const std::size_t bytes = task.article.title.size() + task.article.body.size();
    workers_[shard % workers_.size()].queue->push(std::move(task), bytes);
}

void ParallelWriter::add(Article&& article, const std::string& file_key) {
    const unsigned shard =
        shard_layout::shard_for(schema::article_key(file_key, article.path, article.id), shard_count_);
    send(shard, Task{Task::Kind::article, 0, std::move(article), file_key, {}});
}

void ParallelWriter::end_file(const std::string& file_key, const std::string& state) {
    for (unsigned s = 0; s < shard_count_; ++s) send(s, Task{Task::Kind::end_file, 0, {}, file_key, state});
}

void ParallelWriter::remove_file(const std::string& file_key) {
    for (unsigned s = 0; s < shard_count_; ++s) send(s, Task{Task::Kind::remove_file, 0, {}, file_key, {}});
}

WriteCounts ParallelWriter::finish() {
    finished_ = true;
    stop();
    rethrow_if_failed();
    // Each shard's last commit, in parallel as well: a commit writes a lot.
    std::vector<std::thread> committers;
    std::exception_ptr commit_error;
    std::mutex mutex;
    for (auto& worker : workers_) {
        committers.emplace_back([&worker, &commit_error, &mutex] {
            try {
                for (auto& shard : worker.shards) {
                    if (shard) shard->commit();
                }
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!commit_error) commit_error = std::current_exception();
            }
        });
    }
    for (auto& t : committers) t.join();
    if (commit_error) std::rethrow_exception(commit_error);
    return WriteCounts{added_.load(), updated_.load(), removed_.load()};
}

}  // namespace newsdex
