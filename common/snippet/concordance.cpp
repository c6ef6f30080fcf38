#include "snippet/concordance.h"

#include "snippet/snippet_builder.h"
#include "util/utf8.h"

namespace newsdex {

namespace {

// The text printer's highlight escapes (output/text_printer.cpp keeps its own in an unnamed
// namespace); the two must stay equal so a concordance looks like the rest of the output.
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t code_point_length(std::string_view text, std::size_t i) {
    std::size_t len = 1;
    while (i + len < text.size() && is_continuation(text[i + len])) ++len;
    return len;
}

std::size_t previous_code_point(std::string_view text, std::size_t i) {
    std::size_t j = i - 1;
    while (j > 0 && is_continuation(text[j])) --j;
    return j;
}

// Up to `width` code points of text[from, ...), white space runs as one space; stops at `to`.
std::string collapsed_forward(std::string_view text, std::size_t from, std::size_t to, std::size_t width) {
    std::string out;
    std::size_t count = 0;
    bool in_space = false;
    for (std::size_t i = from; i < to && count < width;) {
        if (const std::size_t space = shown_space_length(text, i); space != 0) {
            if (!in_space) out += ' ', ++count;
            in_space = true;
            i += space;
            continue;
        }
        in_space = false;
        const std::size_t len = code_point_length(text, i);
        out.append(text.substr(i, len));
        ++count;
        i += len;
    }
    return out;
}

std::string right_context(std::string_view text, std::size_t end, std::size_t width) {
    std::size_t i = end;
    while (i < text.size()) {
        const std::size_t space = shown_space_length(text, i);
        if (space == 0) break;
        i += space;
    }
    std::string out = collapsed_forward(text, i, text.size(), width);
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Walks back from the match, so a long body costs only the context it shows.
std::string left_context(std::string_view text, std::size_t begin, std::size_t width) {
    std::size_t i = begin;
    while (i > 0) {
        const std::size_t j = previous_code_point(text, i);
        if (shown_space_length(text, j) == 0) break;
        i = j;
    }
    std::vector<std::string_view> pieces;  // code points, last first
    bool in_space = false;
    while (i > 0 && pieces.size() < width) {
        const std::size_t j = previous_code_point(text, i);
        if (shown_space_length(text, j) != 0) {
            if (!in_space) pieces.emplace_back(" ");
            in_space = true;
        } else {
            pieces.push_back(text.substr(j, i - j));
            in_space = false;
        }
        i = j;
    }
    if (!pieces.empty() && pieces.back() == " ") pieces.pop_back();
    std::string out;
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) out.append(*it);
    return out;
}

}  // namespace

void ConcordanceBuilder::append_lines(std::string_view field, std::string_view text, const std::vector<Token>& tokens,
                                      const MatchFinder& finder, std::vector<ConcordanceLine>& out) const {
    std::size_t counted_to = 0;  // bytes of `text` whose code points are in `offset`
    std::size_t offset = 0;
    for (const Match& m : finder.find(tokens)) {
        for (; counted_to < m.begin; ++counted_to) {
            if (!is_continuation(text[counted_to])) ++offset;
        }
        ConcordanceLine line;
        line.field = std::string(field);
        line.offset = offset;
        line.left = left_context(text, m.begin, width_);
        line.match = collapsed_forward(text, m.begin, m.end, m.end - m.begin);
        line.right = right_context(text, m.end, width_);
        out.push_back(std::move(line));
    }
}

std::vector<ConcordanceLine> ConcordanceBuilder::lines(std::string_view title, std::string_view body,
                                                       const MatchFinder& finder) const {
    std::vector<ConcordanceLine> out;
    append_lines("title", title, analyzer_.tokens(title), finder, out);
    append_lines("body", body, analyzer_.tokens(body), finder, out);
    return out;
}

std::string concordance_text_line(const ConcordanceLine& line, const std::string& id, std::size_t width, bool color) {
    std::string out;
    const std::size_t left = count_code_points(line.left);
    if (left < width) out.append(width - left, ' ');
    out += line.left;
    out += ' ';
    if (color) out += kMatch;
    out += line.match;
    if (color) out += kReset;
    out += ' ';
    out += line.right;
    const std::size_t right = count_code_points(line.right);
    if (right < width) out.append(width - right, ' ');
    out += "  ";
    out += id;
    return out;
}

}  // namespace newsdex
