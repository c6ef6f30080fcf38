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

// Bytes in common at the start of a replacement (quotes aside) and the word it replaces.
std::size_t shared_start(std::string_view replacement, std::string_view word) {
    if (!replacement.empty() && replacement.front() == '"') replacement.remove_prefix(1);
    std::size_t n = 0;
    while (n < replacement.size() && n < word.size() && replacement[n] == word[n]) ++n;
    return n;
}

}  // namespace

std::optional<std::string> corrected_query(const ParsedQuery& parsed, const WordCandidates& candidates,
                                           const QueryCounter& count) {
    std::vector<QueryWord> words = parsed.words;
    std::sort(words.begin(), words.end(), [](const QueryWord& a, const QueryWord& b) { return a.begin < b.begin; });
    // Each misspelt word's options, best first.
    std::vector<std::vector<Edit>> options;
    std::vector<std::string> typed;  // the word each list of options replaces
    for (const auto& word : words) {
        std::vector<Edit> choices;
        for (std::string replacement : candidates(word.prefix, word.term)) {
            if (replacement == word.term) continue;
            if (!word.quoted && replacement.find(' ') != std::string::npos) replacement = '"' + replacement + '"';
            choices.push_back({word.begin, word.end, std::move(replacement)});
        }
        if (choices.empty()) continue;
        options.push_back(std::move(choices));
        typed.push_back(word.term);
    }
    if (options.empty()) return std::nullopt;
    // Start from every word's best candidate, then revisit the words left to right, each time
    // keeping the candidate with which the query, its other words as chosen so far, finds most.
    std::vector<std::size_t> chosen(options.size(), 0);
    const auto edits_for = [&](const std::vector<std::size_t>& picks) {
        std::vector<Edit> edits;
        for (std::size_t w = 0; w < options.size(); ++w) edits.push_back(options[w][picks[w]]);
        return edits;
    };
    for (std::size_t w = 0; w < options.size(); ++w) {
        if (options[w].size() < 2) continue;
        std::size_t best_count = 0;
        std::size_t best_shared = 0;
        for (std::size_t c = 0; c < options[w].size(); ++c) {
            std::vector<std::size_t> trial = chosen;
            trial[w] = c;
            const std::size_t found = count(with_edits(parsed.text, edits_for(trial)));
            const std::size_t shared = shared_start(options[w][c].text, typed[w]);
            if (c == 0 || found > best_count || (found == best_count && shared > best_shared)) {
                chosen[w] = c;
                best_count = found;
                best_shared = shared;
            }
        }
    }
    const std::vector<Edit> edits = edits_for(chosen);
    if (edits.empty()) return std::nullopt;
    return with_edits(parsed.text, edits);
}

}  // namespace newsdex
