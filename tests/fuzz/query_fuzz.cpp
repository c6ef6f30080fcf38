// libFuzzer target for the query parser and the suggestion rewriter (scripts/fuzz-query.sh):
// any bytes as a query must either parse or throw QueryError, and every word a suggestion may
// replace must point at a whole stretch of the parsed text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "query/query_parser.h"
#include "search/suggestion.h"
#include "util/errors.h"

namespace {

newsdex::PrefixMatches prefix_terms(const std::string& prefix, std::size_t limit) {
    static const std::vector<std::string> terms = {"oil", "oils", "opec", "sanction", "sanctions", "Soil",
                                                   "XSreuters", "XSnew york times", "Kcrude"};
    newsdex::PrefixMatches out;
    for (const auto& t : terms) {
        if (t.rfind(prefix, 0) == 0) {
            ++out.total;
            if (out.terms.size() < limit) out.terms.push_back(t);
        }
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static newsdex::Analyzer analyzer{newsdex::AnalyzerSettings{}};
    static const newsdex::QueryParser parser{
        analyzer,
        newsdex::QueryVocabulary{[](const std::string& w) { return std::vector<std::string>{w, w + "s"}; },
                                 prefix_terms},
        3};
    const std::string_view query(reinterpret_cast<const char*>(data), size);
    for (auto mode : {newsdex::MatchMode::all, newsdex::MatchMode::any}) {
        try {
            const newsdex::ParsedQuery parsed = parser.parse(query, mode);
            for (const auto& word : parsed.words) {
                if (word.begin > word.end || word.end > parsed.text.size()) std::abort();
            }
            (void)parsed.query.get_description();
            const auto rewritten = newsdex::corrected_query(
                parsed, [](std::string_view, const std::string& term) { return std::vector<std::string>{term + "x", "y"}; },
                [](const std::string& text) { return text.size(); });
            if (!parsed.words.empty() && !rewritten) std::abort();
        } catch (const newsdex::QueryError&) {
        }
    }
    return 0;
}
