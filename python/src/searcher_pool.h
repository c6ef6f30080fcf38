// Searchers for one database (one or several sources opened as one, database/shard_set.h), one
// per thread at a time. Every searcher opens the same sources with the same OpenOptions. A Searcher (its Xapian::Database and
// ICU objects) must not be used by two threads at once; the module releases the GIL while
// Xapian works, so Python threads sharing one newsdex.Database each lease their own searcher,
// made the first time a thread needs one and kept for the next call.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace newsdex::python {

class SearcherPool : public std::enable_shared_from_this<SearcherPool> {
public:
    // Opens the first searcher now, so a missing or incompatible database, or a part that
    // cannot be opened (without `options.partial`), fails at open().
    SearcherPool(std::vector<std::string> sources, OpenOptions options);

    // A searcher for the caller alone until the lease is dropped. Call without the GIL: it
    // may open the database.
    class Lease {
    public:
        Lease(std::shared_ptr<SearcherPool> pool, std::unique_ptr<Searcher> searcher, unsigned generation)
            : pool_(std::move(pool)), searcher_(std::move(searcher)), generation_(generation) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = default;
        ~Lease();
        Searcher& operator*() const { return *searcher_; }
        Searcher* operator->() const { return searcher_.get(); }

    private:
        std::shared_ptr<SearcherPool> pool_;
        std::unique_ptr<Searcher> searcher_;
        unsigned generation_;
    };
    Lease lease();

    const std::vector<std::string>& sources() const { return sources_; }

    // Every searcher leased from now on answers from the latest committed revision; those
    // leased now are dropped when they come back.
    void reopen();

private:
    const std::vector<std::string> sources_;
    const OpenOptions options_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Searcher>> idle_;
    unsigned generation_ = 0;
};

}  // namespace newsdex::python
