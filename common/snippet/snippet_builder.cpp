#include "snippet/snippet_builder.h"

#include <algorithm>

namespace newsdex {

std::size_t shown_space_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;  // no-break space
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
        return 3;  // ideographic space
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const auto d = static_cast<unsigned char>(s[i + 2]);
        if (d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF) return 3;  // U+2000..200A, line/para sep, narrow nbsp
    }
    return 0;
}

namespace {

bool is_space_at(std::string_view s, std::size_t i, std::size_t& len) {
    len = shown_space_length(s, i);
    if (len != 0) return true;
    len = 1;
    return false;
}

const std::string kEllipsis = "…";

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

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
    std::size_t i = 0;
    // Counts the shown code points of text[i, target). Printable ASCII, most of any text,
    // takes the first branch.
    const auto advance = [&](std::size_t target) {
        while (i < target) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c > ' ' && c < 0x80) {
                ++cp;
                in_space = false;
                ++i;
                continue;
            }
            const std::size_t space = shown_space_length(text, i);
            if (space != 0) {
                if (!in_space) ++cp;
                in_space = true;
                i += space;
                continue;
            }
            in_space = false;
            ++cp;
            ++i;
            while (i < text.size() && is_continuation(static_cast<unsigned char>(text[i]))) ++i;
        }
    };
    for (const Token& token : tokens) {
        advance(token.begin);
        pos.begin.push_back(cp);
        advance(token.end);
        pos.end.push_back(cp);
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
    return build(text, MatchFinder(patterns));
}

Snippet SnippetBuilder::build(std::string_view text, const MatchFinder& finder) const {
    return build(text, analyzer_.tokens(text), finder);
}

Snippet SnippetBuilder::build(std::string_view text, const std::vector<Token>& tokens, const MatchFinder& finder) const {
    Snippet snippet;
    if (tokens.empty()) return snippet;
    const std::vector<Match> matches = finder.find(tokens);
    const std::vector<MatchPattern>& patterns = finder.patterns();
    const ShownPositions shown = shown_positions(text, tokens);
    const std::size_t budget = max_chars_ > 4 ? max_chars_ - 4 : 1;  // room for the ellipses

    // The best window: anchored at each match, covering the matches that fit in the budget.
    std::size_t best_first = 0, best_last = 0;
    double best_score = -1;
    std::vector<char> in_window(patterns.size());  // which patterns the window holds
    for (std::size_t a = 0; a < matches.size(); ++a) {
        const std::size_t limit = shown.begin[matches[a].first_token] + budget;
        std::fill(in_window.begin(), in_window.end(), 0);
        double occurrences = 0;
        std::size_t b = a;
        for (; b < matches.size() && shown.end[matches[b].last_token] <= limit; ++b) {
            in_window[matches[b].pattern] = 1;
            occurrences += patterns[matches[b].pattern].weight;
        }
        if (b == a) b = a + 1;  // one match longer than the budget: show it anyway
        double score = occurrences * 0.1;
        // In pattern order, so equal windows always sum to equal scores.
        for (std::size_t p = 0; p < patterns.size(); ++p) {
            if (in_window[p] != 0) score += patterns[p].weight;
        }
        if (score > best_score + 1e-9) {
            best_score = score;
            best_first = matches[a].first_token;
            best_last = matches[b - 1].last_token;
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
        if (m.first_token >= first && m.last_token <= last) marks.emplace_back(m.begin, m.end);
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
