#include "snippet/snippet_builder.h"

#include <algorithm>
#include <map>

namespace newsdex {

namespace {

const std::string kEllipsis = "…";

// White space that a snippet shows as one space.
bool is_space_at(std::string_view s, std::size_t i, std::size_t& len) {
    const auto c = static_cast<unsigned char>(s[i]);
    len = 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        len = 2;  // no-break space
        return true;
    }
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
        len = 3;  // ideographic space
        return true;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const auto d = static_cast<unsigned char>(s[i + 2]);
        if (d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF) {  // U+2000..200A, line/para sep, narrow nbsp
            len = 3;
            return true;
        }
    }
    return false;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

struct Match {
    std::size_t first;  // token indexes, inclusive
    std::size_t last;
    std::size_t pattern;
};

bool matches_at(const std::vector<Token>& tokens, std::size_t i, const MatchPattern& p) {
    if (p.sequence.empty() || i + p.sequence.size() > tokens.size()) return false;
    for (std::size_t k = 0; k < p.sequence.size(); ++k) {
        const auto& set = p.sequence[k];
        if (!std::binary_search(set.begin(), set.end(), tokens[i + k].term)) return false;
    }
    return true;
}

// Every match, longest first where two start at the same token, without overlaps.
std::vector<Match> find_matches(const std::vector<Token>& tokens, std::vector<MatchPattern> patterns) {
    for (auto& p : patterns) {
        for (auto& set : p.sequence) std::sort(set.begin(), set.end());
    }
    std::vector<Match> out;
    std::size_t i = 0;
    while (i < tokens.size()) {
        std::size_t best = patterns.size();
        for (std::size_t p = 0; p < patterns.size(); ++p) {
            if (!matches_at(tokens, i, patterns[p])) continue;
            if (best == patterns.size() || patterns[p].sequence.size() > patterns[best].sequence.size()) best = p;
        }
        if (best == patterns.size()) {
            ++i;
            continue;
        }
        const std::size_t len = patterns[best].sequence.size();
        out.push_back({i, i + len - 1, best});
        i += len;
    }
    return out;
}

// Code-point position of each token's begin and end in the text as shown (white space runs
// counted as one).
struct ShownPositions {
    std::vector<std::size_t> begin, end;
};

ShownPositions shown_positions(std::string_view text, const std::vector<Token>& tokens) {
    ShownPositions pos;
    pos.begin.reserve(tokens.size());
    pos.end.reserve(tokens.size());
    std::size_t cp = 0;
    bool in_space = false;
    std::size_t t_begin = 0, t_end = 0;  // next token whose begin / end we wait for
    for (std::size_t i = 0; i <= text.size();) {
        while (t_begin < tokens.size() && tokens[t_begin].begin == i) pos.begin.push_back(cp), ++t_begin;
        while (t_end < tokens.size() && tokens[t_end].end == i) pos.end.push_back(cp), ++t_end;
        if (i == text.size()) break;
        std::size_t len;
        if (is_space_at(text, i, len)) {
            if (!in_space) ++cp;
            in_space = true;
        } else {
            in_space = false;
            ++cp;
            len = 1;
            while (i + len < text.size() && is_continuation(static_cast<unsigned char>(text[i + len]))) ++len;
        }
        i += len;
    }
    return pos;
}

bool has_content(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len;
        if (!is_space_at(text, i, len)) return true;
        i += len;
    }
    return false;
}

}  // namespace

Snippet SnippetBuilder::build(std::string_view text, const std::vector<MatchPattern>& patterns) const {
    Snippet snippet;
    const std::vector<Token> tokens = analyzer_.tokens(text);
    if (tokens.empty()) return snippet;
    const std::vector<Match> matches = find_matches(tokens, patterns);
    const ShownPositions shown = shown_positions(text, tokens);
    const std::size_t budget = max_chars_ > 4 ? max_chars_ - 4 : 1;  // room for the ellipses

    // The best window: anchored at each match, covering the matches that fit in the budget.
    std::size_t best_first = 0, best_last = 0;
    double best_score = -1;
    for (std::size_t a = 0; a < matches.size(); ++a) {
        const std::size_t limit = shown.begin[matches[a].first] + budget;
        std::map<std::size_t, double> distinct;
        double occurrences = 0;
        std::size_t b = a;
        for (; b < matches.size() && shown.end[matches[b].last] <= limit; ++b) {
            const double w = patterns[matches[b].pattern].weight;
            distinct[matches[b].pattern] = w;
            occurrences += w;
        }
        if (b == a) b = a + 1;  // one match longer than the budget: show it anyway
        double score = occurrences * 0.1;
        for (const auto& [p, w] : distinct) score += w;
        if (score > best_score + 1e-9) {
            best_score = score;
            best_first = matches[a].first;
            best_last = matches[b - 1].last;
        }
    }

    // Spread the slack around the matched span: up to a third before, then as much as fits
    // after, then (when the text ends early) the rest before.
    std::size_t first = best_first;
    std::size_t last = best_last;
    const std::size_t span = shown.end[last] - shown.begin[first];
    const std::size_t before_target = matches.empty() || budget <= span ? 0 : (budget - span) / 3;
    auto fits = [&](std::size_t f, std::size_t l) { return shown.end[l] - shown.begin[f] <= budget; };
    while (first > 0 && shown.begin[best_first] - shown.begin[first - 1] <= before_target &&
           fits(first - 1, last)) {
        --first;
    }
    while (last + 1 < tokens.size() && fits(first, last + 1)) ++last;
    while (first > 0 && fits(first - 1, last)) --first;

    // Byte range: from the first token (or the text's start) to the last token plus any
    // punctuation stuck to it ("said.", "oil,").
    std::size_t start = first == 0 ? 0 : tokens[first].begin;
    std::size_t end = tokens[last].end;
    std::size_t len;
    while (end < text.size() && !is_space_at(text, end, len) &&
           (last + 1 >= tokens.size() || end < tokens[last + 1].begin) &&
           shown.end[last] + (end - tokens[last].end) < shown.begin[first] + budget + 1) {
        ++end;
        while (end < text.size() && is_continuation(static_cast<unsigned char>(text[end]))) ++end;
    }
    while (start < tokens[first].begin && is_space_at(text, start, len)) start += len;
    // Do not start inside a hyphenated or dotted word: "Osaka-based" shows whole, not as
    // "based". Only ASCII joiners are followed; Han and kana text has no such words.
    if (first > 0) {
        std::size_t word_start = start;
        while (word_start > 0 && start - word_start < 40) {
            const auto c = static_cast<unsigned char>(text[word_start - 1]);
            if (c >= 0x80 || c <= ' ') break;
            --word_start;
        }
        const bool at_boundary = word_start == 0 || static_cast<unsigned char>(text[word_start - 1]) <= ' ';
        if (at_boundary) start = word_start;
    }

    // Highlight byte ranges.
    std::vector<std::pair<std::size_t, std::size_t>> marks;
    for (const auto& m : matches) {
        if (m.first >= first && m.last <= last) marks.emplace_back(tokens[m.first].begin, tokens[m.last].end);
    }

    std::string& out = snippet.text;
    std::size_t cp = 0;
    if (has_content(text.substr(0, start))) {
        out = kEllipsis + " ";
        cp = 2;
    }
    bool in_space = false;
    std::size_t mark = 0;
    std::size_t open_at = 0;
    for (std::size_t i = start; i <= end;) {
        if (mark < marks.size() && i == marks[mark].second && open_at != SIZE_MAX) {
            snippet.highlights.emplace_back(open_at, cp);
            open_at = SIZE_MAX;
            ++mark;
        }
        if (mark < marks.size() && i == marks[mark].first) open_at = cp;
        if (i == end) break;
        if (is_space_at(text, i, len)) {
            if (!in_space) {
                out += ' ';
                ++cp;
            }
            in_space = true;
            i += len;
            continue;
        }
        in_space = false;
        out += text[i++];
        while (i < end && is_continuation(static_cast<unsigned char>(text[i]))) out += text[i++];
        ++cp;
    }
    if (has_content(text.substr(end))) out += " " + kEllipsis;
    return snippet;
}

}  // namespace newsdex
