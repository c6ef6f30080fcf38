// Finds where a query's patterns occur in analysed text, for the snippet builder and the
// concordance alike: every match in text order, the longest where two start at the same
// token, none overlapping, each with its token range and the byte range it covers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "query/match_pattern.h"

namespace newsdex {

struct Match {
    std::size_t first_token;  // token indexes, inclusive
    std::size_t last_token;
    std::size_t pattern;      // index into the patterns the finder was built from
    std::uint32_t begin;      // bytes: tokens[first_token].begin .. tokens[last_token].end
    std::uint32_t end;

    friend bool operator==(const Match&, const Match&) = default;
};

// Built once per query and used for every text of its hits. Term sets need not be sorted
// (the query builder sorts them, tests may not); the finder keeps its own sorted copy.
//
// Rules, in this order: the scan goes forward token by token; at a token, of the patterns
// that match there the longest wins, and among equally long ones the first given; the scan
// resumes after the winner's last token, so a word inside a matched phrase is not matched
// again. A pattern with no slots, or with an empty slot (a wildcard that expanded to
// nothing), never matches.
class MatchFinder {
public:
    explicit MatchFinder(std::vector<MatchPattern> patterns);

    // `tokens` must come from one text, in order, as Analyzer::tokens gives them (or from
    // offsets stored at index time that satisfy the same invariant).
    std::vector<Match> find(const std::vector<Token>& tokens) const;

    const std::vector<MatchPattern>& patterns() const { return patterns_; }

private:
    std::vector<MatchPattern> patterns_;
    // First-slot term → the patterns that may start with it, in the order given, so a token
    // is tested only against patterns that can match there.
    std::unordered_map<std::string, std::vector<std::size_t>> starting_with_;

    bool matches_at(const std::vector<Token>& tokens, std::size_t i, const MatchPattern& p) const;
};

}  // namespace newsdex
