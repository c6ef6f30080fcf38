// A blocking FIFO with a capacity, between the thread that reads files and the threads that
// write shards: the reader waits when writers fall behind, so memory stays bounded whatever
// the corpus size. The capacity is in items and in bytes (as the pusher counts them): a few
// hundred small articles keep the writers busy, while a few hundred of the largest would not
// fit in memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <utility>

namespace newsdex {

template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity,
                          std::size_t byte_capacity = std::numeric_limits<std::size_t>::max())
        : capacity_(capacity), byte_capacity_(byte_capacity) {}

    // Blocks while full: at capacity, or when `bytes` more would pass the byte capacity (an
    // item larger than that still goes into an empty queue). Returns false when the queue was
    // closed (the item is dropped).
    bool push(T item, std::size_t bytes = 0) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] {
            return closed_ || (items_.size() < capacity_ && (items_.empty() || bytes_ + bytes <= byte_capacity_));
        });
        if (closed_) return false;
        items_.emplace_back(std::move(item), bytes);
        bytes_ += bytes;
        not_empty_.notify_one();
        return true;
    }

    // Blocks while empty. Returns nullopt once the queue is closed and drained.
    std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) return std::nullopt;
        T item = std::move(items_.front().first);
        bytes_ -= items_.front().second;
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }

    // No more pushes; pop() drains what is left, then returns nullopt.
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_all();
        not_full_.notify_all();
    }

private:
    std::size_t capacity_;
    std::size_t byte_capacity_;
    std::size_t bytes_ = 0;
    std::mutex mutex_;
    std::condition_variable not_empty_, not_full_;
    std::deque<std::pair<T, std::size_t>> items_;
    bool closed_ = false;
};

}  // namespace newsdex
