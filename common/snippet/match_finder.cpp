#include "snippet/match_finder.h"

#include <algorithm>

namespace newsdex {

MatchFinder::MatchFinder(std::vector<MatchPattern> patterns) : patterns_(std::move(patterns)) {
    for (std::size_t p = 0; p < patterns_.size(); ++p) {
        auto& sequence = patterns_[p].sequence;
        for (auto& set : sequence) {
            std::sort(set.begin(), set.end());
            set.erase(std::unique(set.begin(), set.end()), set.end());
        }
        if (sequence.empty()) continue;
        for (const std::string& term : sequence.front()) starting_with_[term].push_back(p);
    }
}

bool MatchFinder::matches_at(const std::vector<Token>& tokens, std::size_t i, const MatchPattern& p) const {
    if (i + p.sequence.size() > tokens.size()) return false;
    // The first slot is known to match: the pattern was found through it.
    for (std::size_t k = 1; k < p.sequence.size(); ++k) {
        const auto& set = p.sequence[k];
        if (!std::binary_search(set.begin(), set.end(), tokens[i + k].term)) return false;
    }
    return true;
}

std::vector<Match> MatchFinder::find(const std::vector<Token>& tokens) const {
    std::vector<Match> out;
    if (starting_with_.empty()) return out;
    std::size_t i = 0;
    while (i < tokens.size()) {
        const auto candidates = starting_with_.find(tokens[i].term);
        std::size_t best = patterns_.size();
        if (candidates != starting_with_.end()) {
            for (const std::size_t p : candidates->second) {  // ascending: the first given wins ties
                if (best != patterns_.size() && patterns_[p].sequence.size() <= patterns_[best].sequence.size()) {
                    continue;
                }
                if (matches_at(tokens, i, patterns_[p])) best = p;
            }
        }
        if (best == patterns_.size()) {
            ++i;
            continue;
        }
        const std::size_t last = i + patterns_[best].sequence.size() - 1;
        out.push_back({i, last, best, tokens[i].begin, tokens[last].end});
        i = last + 1;
    }
    return out;
}

}  // namespace newsdex
