// The databases one search reads, opened as one: built from a Newsdex folder, a stub file (or
// a folder whose XAPIANDB is such a stub) naming local databases and remote ones, or several
// of these given together. It holds the combined Xapian::Database that ranks with the
// collection statistics of all of them, a handle per shard (the stem tables, the speller and
// the per-part figures need each shard on its own), and the parts they belong to.
//
// A *shard* is one glass database; a *part* is one Newsdex database among those searched
// together: a Newsdex folder (all its shards), a glass shard named on its own, or a remote
// database. Every part must have been made with the same analyzer settings and format.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer_settings.h"
#include "index/partition.h"

namespace newsdex {

struct OpenOptions {
    // Bounds connecting to a remote part and each exchange with it, in milliseconds.
    unsigned timeout_ms = 5000;
    // Leave out the parts that cannot be opened (each named in warnings()) instead of failing;
    // it is still an error when none can.
    bool partial = false;
};

struct Part {
    std::string label;   // how messages and --stats name it: a path or "remote HOST:PORT"
    std::string folder;  // a local part's folder (a Newsdex folder or a shard); "" when remote
    bool remote = false;
    std::size_t first_shard = 0;  // its shards in ShardSet::shards(), from here
    std::size_t shard_count = 0;
    AnalyzerSettings settings;
    std::optional<PartOf> of_collection;  // the part of a collection it holds (newsdex-index --part)
};

class ShardSet {
public:
    // Opens every source: each a Newsdex folder, a stub file or a folder holding a stub.
    // Throws Error when a source names no database, a stub line is malformed, a part cannot
    // be opened ("part remote 127.0.0.1:6431: connection refused"), was not made by this
    // format of Newsdex, or two parts were made with different analyzer settings (the message
    // names both and the setting).
    explicit ShardSet(std::vector<std::string> sources, OpenOptions options = {});

    Xapian::Database& whole() { return whole_; }
    const Xapian::Database& whole() const { return whole_; }
    const std::vector<Xapian::Database>& shards() const { return shards_; }
    const std::vector<Part>& parts() const { return parts_; }
    // The settings every part shares.
    const AnalyzerSettings& settings() const { return parts_.front().settings; }
    bool has_remote() const;
    // The parts --partial left out, one message each, and, when two or more parts of one
    // collection indexed with --part are searched, the parts of it that are not.
    const std::vector<std::string>& warnings() const { return warnings_; }
    // How messages name the whole: the source when there is one, else the sources joined by
    // " + ".
    std::string description() const;

    // Moves every handle to its database's latest revision; a local Newsdex folder whose
    // shards were swapped by a compaction is opened again. Throws Xapian's errors as they come
    // (the searcher's retries handle DatabaseModifiedError), Error when a part is gone.
    void refresh();

private:
    std::vector<std::string> sources_;
    OpenOptions options_;
    std::vector<Part> parts_;
    std::vector<Xapian::Database> shards_;
    std::vector<std::vector<std::string>> local_layouts_;  // per part: the shard folders opened
    Xapian::Database whole_;
    std::vector<std::string> warnings_;

    void open();
};

}  // namespace newsdex
