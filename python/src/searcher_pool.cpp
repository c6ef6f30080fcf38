#include "searcher_pool.h"

namespace newsdex::python {

SearcherPool::SearcherPool(std::vector<std::string> sources, OpenOptions options)
    : sources_(std::move(sources)), options_(options) {
    idle_.push_back(std::make_unique<Searcher>(sources_, options_));
}

SearcherPool::Lease SearcherPool::lease() {
    unsigned generation = 0;
    {
        std::lock_guard lock(mutex_);
        generation = generation_;
        if (!idle_.empty()) {
            auto searcher = std::move(idle_.back());
            idle_.pop_back();
            return Lease(shared_from_this(), std::move(searcher), generation);
        }
    }
    // Opened outside the lock: other threads keep leasing while this one opens.
    return Lease(shared_from_this(), std::make_unique<Searcher>(sources_, options_), generation);
}

void SearcherPool::reopen() {
    std::unique_ptr<Searcher> fresh;
    {
        std::lock_guard lock(mutex_);
        ++generation_;
        if (!idle_.empty()) {
            fresh = std::move(idle_.back());
            idle_.clear();
        }
    }
    if (!fresh) return;
    fresh->reopen();  // one searcher kept: a reopen is cheaper than opening anew
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(fresh));
}

SearcherPool::Lease::~Lease() {
    if (!pool_ || !searcher_) return;  // moved from
    std::lock_guard lock(pool_->mutex_);
    if (generation_ == pool_->generation_) pool_->idle_.push_back(std::move(searcher_));
}

}  // namespace newsdex::python
