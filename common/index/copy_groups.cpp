#include "index/copy_groups.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>
#include <unordered_set>

#include <xapian.h>

#include "index/near_duplicates.h"
#include "index/schema.h"
#include "util/errors.h"

namespace newsdex {

namespace {

namespace nd = near_duplicates;

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::string unique_term_of(const Xapian::Database& db, Xapian::docid id) {
    auto it = db.termlist_begin(id);
    it.skip_to(std::string(schema::kUniqueKey));
    if (it != db.termlist_end(id) && (*it).starts_with(schema::kUniqueKey)) return *it;
    return {};
}

struct Pending {
    std::string key;  // unique term: the order of the pass
    unsigned shard;
    Xapian::docid id;
    bool has_group;   // given one by a pass that was killed before it removed the marks
    bool operator<(const Pending& o) const { return std::tie(key, shard, id) < std::tie(o.key, o.shard, o.id); }
};

std::uint64_t slot_id(unsigned shard, Xapian::docid id) { return (static_cast<std::uint64_t>(shard) << 32) | id; }

// Two phases, so that a pass killed anywhere ends, after the next run, as an uninterrupted one
// would have: first every marked article gets its group, keeping its mark; then the marks are
// removed. An article's group depends only on the articles before it in key order and those
// grouped by earlier passes (unmarked). A killed first phase leaves, in each shard, a prefix of
// its articles grouped (still marked): each of those groups was computed from a correct state,
// so it is kept, and the others are computed again, seeing marked articles only when they come
// earlier in the order. A killed second phase leaves every group final.
class Pass {
public:
    Pass(const std::vector<std::string>& shard_paths, const std::string& db_path) {
        for (const auto& path : shard_paths) {
            try {
                shards_.emplace_back(path, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
            } catch (const Xapian::Error& e) {
                throw Error("cannot open database " + db_path + " for grouping copies: " + e.get_description());
            }
        }
    }

    GroupingCounts run(std::size_t commit_every) {
        std::vector<Pending> pending;
        for (unsigned s = 0; s < shards_.size(); ++s) {
            auto& shard = shards_[s];
            for (auto it = shard.valuestream_begin(schema::kUngroupedSlot);
                 it != shard.valuestream_end(schema::kUngroupedSlot); ++it) {
                const Xapian::docid id = it.get_docid();
                const bool has_group = !shard.get_document(id).get_value(schema::kGroupSlot).empty();
                pending.push_back({unique_term_of(shard, id), s, id, has_group});
                waiting_.insert(slot_id(s, id));
            }
        }
        std::sort(pending.begin(), pending.end());
        // Looking up 20 band terms in every shard for each article costs a B-tree descent
        // each, and nearly every band term is held by its own article only. When a run adds
        // much of the database, one sequential walk over the band terms finds the few that
        // two articles share, and only those are looked up.
        Xapian::doccount total = 0;
        for (const auto& shard : shards_) total += shard.get_doccount();
        if (!pending.empty() && pending.size() * 8 >= total) shared_bands_ = shared_band_terms();
        GroupingCounts counts;
        std::size_t since_commit = 0;
        const auto count_change = [&] {
            if (++since_commit >= commit_every) {
                commit();
                since_commit = 0;
            }
        };
        for (const auto& p : pending) {
            if (!p.has_group) {
                if (group_one(p)) ++counts.joined;
                ++counts.grouped;
                count_change();
            }
            waiting_.erase(slot_id(p.shard, p.id));
        }
        if (counts.grouped > 0) commit();
        for (const auto& p : pending) {
            Xapian::Document doc = shards_[p.shard].get_document(p.id);
            doc.remove_value(schema::kUngroupedSlot);
            shards_[p.shard].replace_document(p.id, doc);
            count_change();
        }
        counts.unmarked = pending.size();
        if (!pending.empty()) commit();
        return counts;
    }

private:
    std::vector<Xapian::WritableDatabase> shards_;
    // Marked articles this pass has not reached yet: never candidates.
    std::unordered_set<std::uint64_t> waiting_;
    std::optional<std::unordered_set<std::string>> shared_bands_;  // band terms held by 2+ articles

    // A merge of the shards' sorted band terms, summing their frequencies.
    std::unordered_set<std::string> shared_band_terms() {
        const std::string prefix(schema::kBand);
        std::vector<Xapian::TermIterator> at, end;
        for (auto& shard : shards_) {
            at.push_back(shard.allterms_begin(prefix));
            end.push_back(shard.allterms_end(prefix));
        }
        std::unordered_set<std::string> shared;
        for (;;) {
            std::optional<std::string> lowest;
            for (std::size_t i = 0; i < at.size(); ++i) {
                if (at[i] != end[i] && (!lowest || *at[i] < *lowest)) lowest = *at[i];
            }
            if (!lowest) return shared;
            Xapian::doccount frequency = 0;
            for (std::size_t i = 0; i < at.size(); ++i) {
                if (at[i] != end[i] && *at[i] == *lowest) {
                    frequency += at[i].get_termfreq();
                    ++at[i];
                }
            }
            if (frequency >= 2) shared.insert(*lowest);
        }
    }

    void commit() {
        for (auto& shard : shards_) shard.commit();
    }

    // True when the article joined an existing group.
    bool group_one(const Pending& p) {
        Xapian::Document doc = shards_[p.shard].get_document(p.id);
        const std::optional<nd::Signature> signature = nd::decode(doc.get_value(schema::kSignatureSlot));
        std::string best_key;
        double best = -1.0;
        if (signature) {
            std::unordered_set<std::uint64_t> seen;
            for (const auto& band : nd::band_terms(*signature, schema::kBand)) {
                if (shared_bands_ && !shared_bands_->contains(band)) continue;
                for (unsigned s = 0; s < shards_.size(); ++s) {
                    for (auto it = shards_[s].postlist_begin(band); it != shards_[s].postlist_end(band); ++it) {
                        const std::uint64_t candidate = slot_id(s, *it);
                        if (waiting_.contains(candidate) || !seen.insert(candidate).second) continue;
                        const Xapian::Document other = shards_[s].get_document(*it);
                        const std::string key = other.get_value(schema::kGroupSlot);
                        const auto other_signature = nd::decode(other.get_value(schema::kSignatureSlot));
                        if (key.empty() || !other_signature || !nd::are_copies(*signature, *other_signature)) continue;
                        const double similarity = nd::containment(*signature, *other_signature);
                        if (similarity > best || (similarity == best && key < best_key)) {
                            best = similarity;
                            best_key = key;
                        }
                    }
                }
            }
        }
        const bool joined = !best_key.empty();
        if (!joined) best_key = new_group_key(p.key, signature ? nd::encode(*signature) : std::string());
        // Values only: Xapian then rewrites no posting list, which makes the pass cheap.
        doc.add_value(schema::kGroupSlot, best_key);
        shards_[p.shard].replace_document(p.id, doc);
        return joined;
    }
};

}  // namespace

std::string new_group_key(std::string_view unique_term, std::string_view signature) {
    std::uint64_t h = fnv1a(signature, fnv1a(unique_term));
    static const char kDigits[] = "0123456789abcdef";
    std::string key(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) key[i] = kDigits[h & 0xF];
    return key;
}

GroupingCounts group_copies(const std::vector<std::string>& shard_paths, const std::string& db_path,
                            std::size_t commit_every) {
    try {
        Pass pass(shard_paths, db_path);
        return pass.run(std::max<std::size_t>(commit_every, 1));
    } catch (const Xapian::Error& e) {
        throw Error("cannot group copies in database " + db_path + ": " + e.get_description());
    }
}

}  // namespace newsdex
