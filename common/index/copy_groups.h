// The grouping pass: gives every article marked "not yet grouped" a copy group, the group of
// its most similar near-copy (index/near_duplicates.h) in any shard, or a new one. It runs at
// the end of an index run, after every shard has committed, because a shard writer never sees
// another shard's uncommitted articles. Articles are taken in unique-key order and groups are
// chosen only among articles already grouped, so the same database and input always give the
// same groups, whatever the number of shards; a killed pass leaves marks that the next run
// finishes from, to the groups an uninterrupted pass gives.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// Marked articles held in memory at once by the grouping pass (about 100 MB of them).
inline constexpr std::size_t kGroupingBatch = 100'000;

struct GroupingCounts {
    std::size_t grouped = 0;   // articles given a group
    std::size_t joined = 0;    // of those, how many joined an existing group
    std::size_t unmarked = 0;  // marks removed (grouped now, or by a pass killed before it ended)
};

// Groups the marked articles (schema::kUngroupedSlot) of the shards (opened writable; the caller
// holds the write lock), then removes their marks, committing every shard every `commit_every`
// changes and at the end of each phase. Throws Error
// when a shard cannot be opened or written.
// Marked articles are grouped `batch` at a time in key order, so memory is about a kilobyte per
// article of a batch and some tens of bytes per marked article, whatever a run added; the groups
// are the same for any batch size.
GroupingCounts group_copies(const std::vector<std::string>& shard_paths, const std::string& db_path,
                            std::size_t commit_every = 1000, std::size_t batch = kGroupingBatch);

// The key of a new group founded by the article with this unique term and signature (its
// encoded signature, schema::kSignatureSlot): 16 hex digits of a hash of both. The signature
// is part of it so that an article replaced by another story does not found a group under the
// key its old copies still carry.
std::string new_group_key(std::string_view unique_term, std::string_view signature);

}  // namespace newsdex
