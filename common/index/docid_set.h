// The documents one file added to a shard during a run, held as ranges of document ids: new
// documents get consecutive ids, and replaced ones keep the consecutive ids an earlier run gave
// them, so a file of millions of articles takes a few ranges, not a key per article.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include <xapian.h>

namespace newsdex {

class DocidSet {
public:
    void insert(Xapian::docid id) {
        if (!ranges_.empty() && id >= ranges_.back().first && id <= ranges_.back().second + 1) {
            ranges_.back().second = std::max(ranges_.back().second, id);
            return;
        }
        ranges_.emplace_back(id, id);
        sorted_ = false;
    }

    bool contains(Xapian::docid id) {
        normalise();
        const auto it = std::upper_bound(ranges_.begin(), ranges_.end(), std::make_pair(id, Xapian::docid(-1)));
        return it != ranges_.begin() && std::prev(it)->second >= id;
    }

    // How many distinct ids.
    std::size_t size() {
        normalise();
        std::size_t n = 0;
        for (const auto& [first, last] : ranges_) n += last - first + 1;
        return n;
    }

private:
    std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges_;  // inclusive
    bool sorted_ = true;

    // Sorted, and overlapping or adjacent ranges merged.
    void normalise() {
        if (sorted_) return;
        std::sort(ranges_.begin(), ranges_.end());
        std::vector<std::pair<Xapian::docid, Xapian::docid>> merged;
        for (const auto& range : ranges_) {
            if (!merged.empty() && range.first <= merged.back().second + 1) {
                merged.back().second = std::max(merged.back().second, range.second);
            } else {
                merged.push_back(range);
            }
        }
        ranges_ = std::move(merged);
        sorted_ = true;
    }
};

}  // namespace newsdex
