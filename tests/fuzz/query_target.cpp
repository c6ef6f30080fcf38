// The query parser and the suggestion rewriter: any bytes as a query either parse or throw
// QueryError, and every word a suggestion may replace is a stretch of the parsed text.
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "fuzz_checks.h"
#include "fuzz_targets.h"
#include "query/query_parser.h"
#include "search/suggestion.h"
#include "util/errors.h"

namespace newsdex::fuzz {

namespace {

// A small vocabulary, so prefixes (wildcards) and field values have something to expand to.
PrefixMatches prefix_terms(const std::string& prefix, std::size_t limit) {
    static const std::vector<std::string> terms = {"oil", "oils", "opec", "sanction", "sanctions", "Soil",
                                                   "XSreuters", "XSnew york times", "Kcrude"};
    PrefixMatches out;
    for (const auto& t : terms) {
        if (t.starts_with(prefix)) {
            ++out.total;
            if (out.terms.size() < limit) out.terms.push_back(t);
        }
    }
    return out;
}

}  // namespace

void query_target(std::string_view bytes) {
    static Analyzer analyzer{AnalyzerSettings{}};
    static const QueryParser parser{
        analyzer,
        QueryVocabulary{[](const std::string& w) { return std::vector<std::string>{w, w + "s"}; }, prefix_terms},
        3};
    for (auto mode : {MatchMode::all, MatchMode::any}) {
        try {
            const ParsedQuery parsed = parser.parse(bytes, mode);
            for (const auto& word : parsed.words) {
                require(word.begin <= word.end && word.end <= parsed.text.size(),
                        "a query word lies outside the parsed text");
            }
            (void)parsed.query.get_description();
            const auto rewritten = corrected_query(
                parsed, [](std::string_view, const std::string& term) { return std::vector<std::string>{term + "x", "y"}; },
                [](const std::string& text) { return text.size(); });
            require(parsed.words.empty() || rewritten.has_value(), "no rewrite for a query with words");
        } catch (const QueryError&) {
        }
    }
}

}  // namespace newsdex::fuzz
