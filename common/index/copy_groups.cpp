#include "index/copy_groups.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>
#include <unordered_map>
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
    std::optional<nd::Signature> signature;
    std::string group;  // non-empty from the start: given by a pass killed before it removed the marks
    bool kept = false;
};

std::uint64_t slot_id(unsigned shard, Xapian::docid id) { return (static_cast<std::uint64_t>(shard) << 32) | id; }

// Two phases, so that a pass killed anywhere ends, after the next run, as an uninterrupted one
// would have: first every marked article gets its group, keeping its mark; then the marks are
// removed. An article's group depends only on the articles before it in key order and those
// grouped by earlier passes (unmarked). The groups are computed in memory in key order and
// written in docid order (B-tree blocks are then read once, not once per article); every group
// written is the uninterrupted pass's, so a killed first phase leaves correct groups on some
// marked articles: the next run keeps them, computes the others, and lets a marked article be
// a candidate only once the order has passed it. A killed second phase leaves every group final.
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
        for (unsigned s = 0; s < shards_.size(); ++s) {
            auto& shard = shards_[s];
            for (auto it = shard.valuestream_begin(schema::kUngroupedSlot);
                 it != shard.valuestream_end(schema::kUngroupedSlot); ++it) {
                const Xapian::docid id = it.get_docid();
                const Xapian::Document doc = shard.get_document(id);
                Pending p{unique_term_of(shard, id), s, id, nd::decode(doc.get_value(schema::kSignatureSlot)),
                          doc.get_value(schema::kGroupSlot)};
                p.kept = !p.group.empty();
                pending_.push_back(std::move(p));
            }
        }
        std::sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
            return std::tie(a.key, a.shard, a.id) < std::tie(b.key, b.shard, b.id);
        });
        for (std::size_t i = 0; i < pending_.size(); ++i) index_of_[slot_id(pending_[i].shard, pending_[i].id)] = i;
        // Looking up 20 band terms in every shard for each article costs a B-tree descent
        // each, and nearly every band term is held by its own article only. When a run adds
        // much of the database, one sequential walk over the band terms finds the few that
        // two articles share, and only those are looked up.
        Xapian::doccount total = 0;
        for (const auto& shard : shards_) total += shard.get_doccount();
        if (!pending_.empty() && pending_.size() * 8 >= total) shared_bands_ = shared_band_terms();

        GroupingCounts counts;
        for (reached_ = 0; reached_ < pending_.size(); ++reached_) {
            Pending& p = pending_[reached_];
            if (p.kept) continue;
            if (choose_group(p)) ++counts.joined;
            ++counts.grouped;
        }
        // Written shard by shard in docid order.
        std::vector<std::size_t> by_docid(pending_.size());
        for (std::size_t i = 0; i < by_docid.size(); ++i) by_docid[i] = i;
        std::sort(by_docid.begin(), by_docid.end(), [this](std::size_t a, std::size_t b) {
            return std::tie(pending_[a].shard, pending_[a].id) < std::tie(pending_[b].shard, pending_[b].id);
        });
        std::size_t since_commit = 0;
        const auto count_change = [&] {
            if (++since_commit >= commit_every) {
                commit();
                since_commit = 0;
            }
        };
        for (std::size_t i : by_docid) {
            const Pending& p = pending_[i];
            if (p.kept) continue;
            Xapian::Document doc = shards_[p.shard].get_document(p.id);
            doc.add_value(schema::kGroupSlot, p.group);  // values only: no posting list is rewritten
            shards_[p.shard].replace_document(p.id, doc);
            count_change();
        }
        if (counts.grouped > 0) commit();
        for (std::size_t i : by_docid) {
            const Pending& p = pending_[i];
            Xapian::Document doc = shards_[p.shard].get_document(p.id);
            doc.remove_value(schema::kUngroupedSlot);
            shards_[p.shard].replace_document(p.id, doc);
            count_change();
        }
        counts.unmarked = pending_.size();
        if (!pending_.empty()) commit();
        return counts;
    }

private:
    std::vector<Xapian::WritableDatabase> shards_;
    std::vector<Pending> pending_;                            // in key order
    std::unordered_map<std::uint64_t, std::size_t> index_of_;  // slot_id → index in pending_
    std::size_t reached_ = 0;                                  // pending_[reached_ ..] are not candidates yet
    std::optional<std::unordered_set<std::string>> shared_bands_;  // band terms held by 2+ articles

    void commit() {
        for (auto& shard : shards_) shard.commit();
    }

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

    // Sets p.group; true when the article joined an existing group.
    bool choose_group(Pending& p) {
        std::string best_key;
        double best = -1.0;
        if (p.signature) {
            std::unordered_set<std::uint64_t> seen;
            for (const auto& band : nd::band_terms(*p.signature, schema::kBand)) {
                if (shared_bands_ && !shared_bands_->contains(band)) continue;
                for (unsigned s = 0; s < shards_.size(); ++s) {
                    for (auto it = shards_[s].postlist_begin(band); it != shards_[s].postlist_end(band); ++it) {
                        const std::uint64_t candidate = slot_id(s, *it);
                        if (!seen.insert(candidate).second) continue;
                        std::string key;
                        std::optional<nd::Signature> other;
                        if (const auto found = index_of_.find(candidate); found != index_of_.end()) {
                            if (found->second >= reached_) continue;  // itself, or not reached yet
                            key = pending_[found->second].group;
                            other = pending_[found->second].signature;
                        } else {
                            const Xapian::Document doc = shards_[s].get_document(*it);
                            key = doc.get_value(schema::kGroupSlot);
                            other = nd::decode(doc.get_value(schema::kSignatureSlot));
                        }
                        if (key.empty() || !other || !nd::are_copies(*p.signature, *other)) continue;
                        const double similarity = nd::containment(*p.signature, *other);
                        if (similarity > best || (similarity == best && key < best_key)) {
                            best = similarity;
                            best_key = key;
                        }
                    }
                }
            }
        }
        const bool joined = !best_key.empty();
        p.group = joined ? best_key : new_group_key(p.key, p.signature ? nd::encode(*p.signature) : std::string());
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
