// The query parser's view of a database's vocabulary: the stem forms of a keyword (from the
// stem table every shard keeps) and the terms a wildcard expands to (from the term list).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "query/query_parser.h"

namespace newsdex {

// The terms starting with `prefix`, the `limit` most frequent when there are more (ties in
// term order), sorted; `total` counts them all.
PrefixMatches terms_with_prefix(const Xapian::Database& db, const std::string& prefix, std::size_t limit);

// `db` is the whole database, `shards` its parts; both must outlive the returned object.
QueryVocabulary database_vocabulary(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                                    const Analyzer& analyzer);

}  // namespace newsdex
