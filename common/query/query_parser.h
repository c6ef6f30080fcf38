// Newsdex's query language, parsed with the same Analyzer that built the index, into a
// Xapian::Query plus what the rest of the search needs: the patterns the snippet builder
// highlights, the words a spelling suggestion may replace, and warnings.
//
// Three stages, one file each: query_lexer (text → lexemes), query_syntax (lexemes → tree,
// where the grammar and precedence are), query_builder (tree → Xapian::Query, where words
// meet the analyzer and the vocabulary). docs/query-language.md is the user's guide.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "query/match_pattern.h"

namespace newsdex {

enum class MatchMode { all, any };

// A word of the query that matched positively, where it stands in ParsedQuery::text, for
// spelling suggestions: replacing [begin, end) with another term of the same prefix.
struct QueryWord {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string prefix;  // "" for text words; the field's term prefix for metadata values
    std::string term;    // normalised, without the prefix
    bool quoted = false; // written inside quotes (a replacement with spaces needs none added)
};

struct ParsedQuery {
    Xapian::Query query;
    std::vector<MatchPattern> patterns;  // positive keywords and phrases, in query order
    std::vector<QueryWord> words;
    std::vector<std::string> warnings;   // e.g. a wildcard that matched more words than the cap
    std::string text;                    // the query as parsed (ill-formed UTF-8 repaired)
    // The query has filters (fields, dates) or exclusions: a query OR-ed with more terms would
    // no longer respect them (query expansion re-ranks such a query's matches instead).
    bool constrained = false;
};

// What the parser needs to know about the indexed vocabulary.
struct PrefixMatches {
    std::vector<std::string> terms;  // at most the limit asked for: the most frequent
    std::size_t total = 0;           // how many terms start with the prefix
};
struct QueryVocabulary {
    // Every indexed word a keyword (normalised) matches: see expand_keyword().
    std::function<std::vector<std::string>(const std::string& word)> forms;
    // Indexed terms (prefix included) starting with `prefix`.
    std::function<PrefixMatches(const std::string& prefix, std::size_t limit)> terms_with_prefix;
};

// A wildcard matches at most this many words by default, the most frequent ones.
inline constexpr std::size_t kDefaultMaxExpansions = 256;

class QueryParser {
public:
    QueryParser(Analyzer& analyzer, QueryVocabulary vocabulary, std::size_t max_expansions = kDefaultMaxExpansions)
        : analyzer_(analyzer), vocabulary_(std::move(vocabulary)), max_expansions_(max_expansions) {}

    // Throws QueryError (with a code-point column from 1 where there is one place to point
    // at) for malformed queries: see the lexer, syntax and builder headers for the cases.
    ParsedQuery parse(std::string_view query, MatchMode mode = MatchMode::all) const;

private:
    Analyzer& analyzer_;
    QueryVocabulary vocabulary_;
    std::size_t max_expansions_;
};

}  // namespace newsdex
