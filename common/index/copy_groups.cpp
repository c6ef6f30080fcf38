#include "index/copy_groups.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>
#include <utility>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "index/near_duplicates.h"
#include "index/schema.h"
#include "util/errors.h"
#include "util/hash.h"

namespace newsdex {

namespace {

namespace nd = near_duplicates;

struct Pending {
    std::string key;  // unique term: the order of the pass
    unsigned shard;
    Xapian::docid id;
    std::optional<nd::Signature> signature;
    std::string group;  // non-empty from the start: given by a pass killed before it removed the marks
    bool kept = false;
};

// A copy of a pending article among the articles grouped by earlier runs: its group and its
// containment. Kept instead of its signature, so the candidate lists stay small.
struct OldCopy {
    std::string group;
    double similarity;
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
//
// Candidates come from an LSH table in memory over the marked articles' band keys only: among
// marked articles through the keys two of them share, among unmarked ones by one sequential read of
// each shard's signature slot that probes the table. Memory is the marked articles and the
// copies found, never the whole database's signatures.
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

    // `batch`: how many marked articles are held in memory at once (their signatures, band keys
    // and candidates, about a kilobyte each); the articles of earlier batches are candidates as
    // the earlier runs' are, through the shards' signature slots, so the groups are those of one
    // batch holding everything.
    GroupingCounts run(std::size_t commit_every, std::size_t batch) {
        std::vector<Xapian::doccount> signed_pending(shards_.size(), 0);
        // Every marked article, by key: only its key and place, tens of bytes each.
        std::vector<Marked> marked;
        for (unsigned s = 0; s < shards_.size(); ++s) {
            auto& shard = shards_[s];
            for (auto it = shard.valuestream_begin(schema::kUngroupedSlot);
                 it != shard.valuestream_end(schema::kUngroupedSlot); ++it) {
                const Xapian::docid id = it.get_docid();
                if (!shard.get_document(id).get_value(schema::kSignatureSlot).empty()) ++signed_pending[s];
                marked.push_back({schema::unique_term_of(shard, id), s, id});
            }
        }
        std::sort(marked.begin(), marked.end(), [](const Marked& a, const Marked& b) {
            return std::tie(a.key, a.shard, a.id) < std::tie(b.key, b.shard, b.id);
        });
        batch_of_.clear();
        for (std::size_t i = 0; i < marked.size(); ++i) {
            batch_of_.emplace_back(slot_id(marked[i].shard, marked[i].id), i / batch);
        }
        std::sort(batch_of_.begin(), batch_of_.end());

        std::size_t since_commit = 0;
        const auto count_change = [&] {
            if (++since_commit >= commit_every) {
                commit();
                since_commit = 0;
            }
        };
        GroupingCounts counts;
        for (std::size_t first = 0; first < marked.size(); first += batch) {
            const std::size_t last = std::min(marked.size(), first + batch);
            load_batch(marked, first, last);
            for (unsigned s = 0; s < shards_.size(); ++s) {
                // When every signed article of the shard is marked, it holds no earlier run's
                // copy (nor, in the first batch, an earlier batch's).
                if (!bands_.empty() &&
                    (first > 0 || shards_[s].get_value_freq(schema::kSignatureSlot) > signed_pending[s])) {
                    find_old_copies(s, first / batch);
                }
            }
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
            for (std::size_t i : by_docid) {
                const Pending& p = pending_[i];
                if (p.kept) continue;
                Xapian::Document doc = shards_[p.shard].get_document(p.id);
                doc.add_value(schema::kGroupSlot, p.group);  // values only: no posting list is rewritten
                shards_[p.shard].replace_document(p.id, doc);
                count_change();
            }
            // Committed before the next batch reads these groups as earlier articles' groups.
            commit();
            since_commit = 0;
        }
        clear_batch();
        std::sort(marked.begin(), marked.end(), [](const Marked& a, const Marked& b) {
            return std::tie(a.shard, a.id) < std::tie(b.shard, b.id);
        });
        for (const Marked& m : marked) {
            Xapian::Document doc = shards_[m.shard].get_document(m.id);
            doc.remove_value(schema::kUngroupedSlot);
            shards_[m.shard].replace_document(m.id, doc);
            count_change();
        }
        counts.unmarked = marked.size();
        if (!marked.empty()) commit();
        return counts;
    }

private:
    using BandEntry = std::pair<std::uint64_t, std::size_t>;  // band key, index in pending_

    // A marked article before its batch is loaded.
    struct Marked {
        std::string key;
        unsigned shard;
        Xapian::docid id;
    };

    std::vector<Xapian::WritableDatabase> shards_;
    std::vector<std::pair<std::uint64_t, std::size_t>> batch_of_;  // slot_id → batch, sorted
    std::vector<Pending> pending_;                            // the batch's, in key order
    std::unordered_map<std::uint64_t, std::size_t> index_of_;  // slot_id → index in pending_
    std::vector<BandEntry> bands_;                            // sorted: the LSH table of pending_
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> shared_runs_;  // per index in pending_:
                                                              // its bands held by others, as ranges of bands_
    std::vector<std::vector<OldCopy>> old_copies_;            // per index in pending_
    std::size_t reached_ = 0;                                  // pending_[reached_ ..] are not candidates yet

    void commit() {
        for (auto& shard : shards_) shard.commit();
    }

    void clear_batch() {
        pending_ = {};
        index_of_ = {};
        bands_ = {};
        shared_runs_ = {};
        old_copies_ = {};
    }

    // The batch marked[first, last): signatures, groups, the LSH table and shared bands.
    void load_batch(const std::vector<Marked>& marked, std::size_t first, std::size_t last) {
        clear_batch();
        for (std::size_t i = first; i < last; ++i) {
            const Marked& m = marked[i];
            const Xapian::Document doc = shards_[m.shard].get_document(m.id);
            Pending p{m.key, m.shard, m.id, nd::decode(doc.get_value(schema::kSignatureSlot)),
                      doc.get_value(schema::kGroupSlot)};
            p.kept = !p.group.empty();
            pending_.push_back(std::move(p));
        }
        for (std::size_t i = 0; i < pending_.size(); ++i) index_of_[slot_id(pending_[i].shard, pending_[i].id)] = i;
        for (std::size_t i = 0; i < pending_.size(); ++i) {
            if (!pending_[i].signature) continue;
            for (std::uint64_t key : nd::band_keys(*pending_[i].signature)) bands_.emplace_back(key, i);
        }
        // By key, then by pending index: a key's articles come in the order of the pass.
        std::sort(bands_.begin(), bands_.end());
        // Nearly every band is its article's alone: each article keeps only its shared bands,
        // found in one walk, rather than looking up all of its bands in the pass.
        shared_runs_.resize(pending_.size());
        for (std::size_t from = 0, to = 0; from < bands_.size(); from = to) {
            while (to < bands_.size() && bands_[to].first == bands_[from].first) ++to;
            if (to - from < 2) continue;
            for (std::size_t k = from; k < to; ++k) shared_runs_[bands_[k].second].emplace_back(from, to);
        }
        old_copies_.resize(pending_.size());
    }

    // The batch of a marked article, or nullopt for an unmarked one.
    std::optional<std::size_t> batch_of(unsigned shard, Xapian::docid id) const {
        const std::uint64_t slot = slot_id(shard, id);
        const auto it = std::lower_bound(batch_of_.begin(), batch_of_.end(), std::make_pair(slot, std::size_t{0}));
        if (it == batch_of_.end() || it->first != slot) return std::nullopt;
        return it->second;
    }

    // The pending indexes holding this band key, in the order of the pass.
    std::pair<std::vector<BandEntry>::const_iterator, std::vector<BandEntry>::const_iterator> holders(
        std::uint64_t key) const {
        const auto by_key = [](const BandEntry& a, const BandEntry& b) { return a.first < b.first; };
        return std::equal_range(bands_.cbegin(), bands_.cend(), BandEntry{key, 0}, by_key);
    }

    // One sequential read of the shard's signature slot (and of its group slot beside it):
    // every unmarked article sharing a band with a marked one that is still to be grouped is
    // compared with it, and kept as its candidate when it is a copy.
    void find_old_copies(unsigned s, std::size_t batch) {
        auto& shard = shards_[s];
        auto group = shard.valuestream_begin(schema::kGroupSlot);
        const auto groups_end = shard.valuestream_end(schema::kGroupSlot);
        std::vector<std::size_t> hits;
        for (auto it = shard.valuestream_begin(schema::kSignatureSlot);
             it != shard.valuestream_end(schema::kSignatureSlot); ++it) {
            const Xapian::docid id = it.get_docid();
            // A marked article is a candidate only in key order: those of this batch through the
            // LSH table, those of later batches not yet; earlier batches' have their groups.
            if (const auto b = batch_of(s, id); b && *b >= batch) continue;
            const std::optional<nd::Signature> other = nd::decode(*it);
            if (!other) continue;
            hits.clear();
            for (std::uint64_t key : nd::band_keys(*other)) {
                const auto [from, to] = holders(key);
                for (auto h = from; h != to; ++h) {
                    if (!pending_[h->second].kept) hits.push_back(h->second);
                }
            }
            if (hits.empty()) continue;
            if (group != groups_end && group.get_docid() < id) group.skip_to(id);
            if (group == groups_end || group.get_docid() != id) continue;  // no group: never a candidate
            std::sort(hits.begin(), hits.end());
            hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
            for (std::size_t i : hits) {
                const nd::Signature& mine = *pending_[i].signature;
                if (nd::are_copies(mine, *other)) old_copies_[i].push_back({*group, nd::containment(mine, *other)});
            }
        }
    }

    // Sets p.group (p is pending_[reached_]); true when the article joined an existing group.
    bool choose_group(Pending& p) {
        std::string best_key;
        double best = -1.0;
        const auto consider = [&](const std::string& key, double similarity) {
            if (similarity > best || (similarity == best && key < best_key)) {
                best = similarity;
                best_key = key;
            }
        };
        for (const OldCopy& copy : old_copies_[reached_]) consider(copy.group, copy.similarity);
        std::unordered_set<std::size_t> seen;
        for (const auto& [from, to] : shared_runs_[reached_]) {
            for (std::size_t k = from; k < to && bands_[k].second < reached_; ++k) {  // not itself, nor after it
                const Pending& other = pending_[bands_[k].second];
                if (!seen.insert(bands_[k].second).second) continue;
                if (other.group.empty() || !nd::are_copies(*p.signature, *other.signature)) continue;
                consider(other.group, nd::containment(*p.signature, *other.signature));
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
                            std::size_t commit_every, std::size_t batch) {
    try {
        Pass pass(shard_paths, db_path);
        return pass.run(std::max<std::size_t>(commit_every, 1), std::max<std::size_t>(batch, 1));
    } catch (const Xapian::Error& e) {
        throw Error("cannot group copies in database " + db_path + ": " + e.get_description());
    }
}

}  // namespace newsdex
