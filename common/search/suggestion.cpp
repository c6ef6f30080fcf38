#include "search/suggestion.h"

#include <algorithm>
#include <vector>

namespace newsdex {

std::optional<std::string> corrected_query(const ParsedQuery& parsed, const WordCorrector& correct) {
    struct Edit {
        std::size_t begin, end;
        std::string text;
    };
    std::vector<Edit> edits;
    for (const auto& word : parsed.words) {
        std::optional<std::string> replacement = correct(word.prefix, word.term);
        if (!replacement || *replacement == word.term) continue;
        if (!word.quoted && replacement->find(' ') != std::string::npos) *replacement = '"' + *replacement + '"';
        edits.push_back({word.begin, word.end, std::move(*replacement)});
    }
    if (edits.empty()) return std::nullopt;
    // From the end, so earlier offsets stay valid.
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    std::string text = parsed.text;
    for (const auto& edit : edits) text.replace(edit.begin, edit.end - edit.begin, edit.text);
    return text;
}

}  // namespace newsdex
