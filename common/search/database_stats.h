// What --stats reports about a database: article counts, the date range, sources, languages
// and topics with their article counts, shards, size on disk and analyzer settings. Read from
// term frequencies, value statistics and metadata, so it costs little even on a large index.
#pragma once

#include <string>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "database/shard_set.h"
#include "search/results.h"

namespace newsdex {

// The figures of every part of `set` together, and each part's own.
// The date range comes from the date slot's bounds, which Xapian may leave wider than the
// dates present after articles were deleted (until the database is rebuilt).
// Throws Xapian errors as they come (the Searcher retries on DatabaseModifiedError).
DatabaseStats collect_stats(const ShardSet& set, const Analyzer& analyzer);

}  // namespace newsdex
