// Indexing a collection in parts (newsdex-index --part K/N): which articles belong to part K,
// and the record of it a part's database keeps.
//
// N machines that each see the whole collection each index one part; together the parts hold
// every article exactly once. An article's part is a hash of its path relative to the folder
// given to newsdex-index (with "archive:member" and "#record" as the article's path has them),
// so the same article routes to the same part on every machine whatever the mount point, as
// long as each machine is given the same folder of the collection. The hash is seeded apart
// from the one that spreads a part's articles over its shards (shard_layout::shard_for), so
// every shard of every part gets its share.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

struct PartOf {
    unsigned index = 0;  // K, from 0
    unsigned count = 1;  // N
    std::string text() const;  // "K/N", as --part takes it
    friend bool operator==(const PartOf&, const PartOf&) = default;
};

// "K/N" with 0 <= K < N <= kMaxParts. Throws Error("--part: ...") otherwise.
PartOf parse_part(std::string_view text);
inline constexpr unsigned kMaxParts = 65536;

// The part of `count` that the article with this path belongs to.
unsigned part_for(std::string_view article_path, unsigned count);

// The part a database holds (metadata newsdex.part), nullopt for a whole collection. Throws
// Error naming `db_path` when the record is damaged.
std::optional<PartOf> read_part(const Xapian::Database& db, const std::string& db_path);

// For a new shard: records `part`. For an existing one: throws Error when the part it holds is
// not `wanted` (the message says which --part to give, or that it holds a whole collection).
void record_or_check_part(Xapian::WritableDatabase& db, bool new_shard, const std::optional<PartOf>& wanted,
                          const std::string& db_path);

}  // namespace newsdex
