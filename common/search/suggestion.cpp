#include "search/suggestion.h"

#include <algorithm>

namespace newsdex {

namespace {

struct Edit {
    std::size_t begin, end;
    std::string text;
};

// `text` with `edits` (sorted by position, not overlapping) applied.
std::string with_edits(const std::string& text, const std::vector<Edit>& edits) {
    std::string out;
    std::size_t at = 0;
    for (const auto& edit : edits) {
        out.append(text, at, edit.begin - at);
        out += edit.text;
        at = edit.end;
    }
    out.append(text, at, std::string::npos);
    return out;
}

}  // namespace

std::optional<std::string> corrected_query(const ParsedQuery& parsed, const WordCandidates& candidates,
                                           const QueryCounter& count) {
    std::vector<QueryWord> words = parsed.words;
    std::sort(words.begin(), words.end(), [](const QueryWord& a, const QueryWord& b) { return a.begin < b.begin; });
    std::vector<Edit> edits;
    for (const auto& word : words) {
        std::vector<Edit> options;
        for (std::string replacement : candidates(word.prefix, word.term)) {
            if (replacement == word.term) continue;
            if (!word.quoted && replacement.find(' ') != std::string::npos) replacement = '"' + replacement + '"';
            options.push_back({word.begin, word.end, std::move(replacement)});
        }
        if (options.empty()) continue;
        std::size_t best = 0;
        if (options.size() > 1) {
            std::size_t best_count = 0;
            for (std::size_t i = 0; i < options.size(); ++i) {
                std::vector<Edit> trial = edits;
                trial.push_back(options[i]);
                const std::size_t found = count(with_edits(parsed.text, trial));
                if (i == 0 || found > best_count) {
                    best = i;
                    best_count = found;
                }
            }
        }
        edits.push_back(std::move(options[best]));
    }
    if (edits.empty()) return std::nullopt;
    return with_edits(parsed.text, edits);
}

}  // namespace newsdex
