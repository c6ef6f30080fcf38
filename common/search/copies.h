// The copies of an article: the other articles of its copy group (index/copy_groups.h), for
// `newsdex-search --duplicates ID`. Walks the group slot's value stream: a few milliseconds for
// tens of thousands of articles, proportional to the database's size.
#pragma once

#include <vector>

#include <xapian.h>

namespace newsdex {

// Every other article sharing `doc`'s group key, in docid order (docids of `db`, which may be
// the combined database of all shards). Empty when the article has no group (an empty body, or
// a run killed before its grouping pass) or is alone in it. Throws Xapian::DocNotFoundError
// when `doc` does not exist.
std::vector<Xapian::docid> group_members(const Xapian::Database& db, Xapian::docid doc);

}  // namespace newsdex
