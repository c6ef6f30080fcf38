#include "readers/markdown_text.h"

#include <vector>

namespace newsdex {

namespace {

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

std::string_view ltrim(std::string_view s) {
    const auto i = s.find_first_not_of(" \t");
    return i == std::string_view::npos ? std::string_view{} : s.substr(i);
}

// "===" or "---" alone: a setext heading's underline or a thematic break.
bool is_rule(std::string_view line) {
    line = ltrim(line);
    if (line.size() < 3) return false;
    const char c = line[0];
    if (c != '=' && c != '-' && c != '*' && c != '_') return false;
    for (char x : line) {
        if (x != c && x != ' ' && x != '\t') return false;
    }
    return true;
}

bool is_fence(std::string_view line) {
    line = ltrim(line);
    return line.starts_with("```") || line.starts_with("~~~");
}

// "[ref]: http://…" defines a reference link; it is not text.
bool is_reference_definition(std::string_view line) {
    line = ltrim(line);
    if (!line.starts_with('[')) return false;
    const auto close = line.find("]:");
    return close != std::string_view::npos && line.find(']') == close;
}

// Removes "#", ">", "-", "*", "+", "1." markers at the start of a line.
std::string_view strip_block_markers(std::string_view line) {
    line = ltrim(line);
    while (line.starts_with('>')) line = ltrim(line.substr(1));
    if (line.starts_with('#')) {
        std::size_t n = line.find_first_not_of('#');
        if (n != std::string_view::npos && n <= 6 && (line[n] == ' ' || line[n] == '\t')) {
            line = ltrim(line.substr(n));
            while (line.ends_with('#') || line.ends_with(' ')) line.remove_suffix(1);
            return line;
        }
    }
    if (line.size() > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
        return ltrim(line.substr(2));
    }
    std::size_t digits = 0;
    while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        line[digits + 1] == ' ') {
        return ltrim(line.substr(digits + 2));
    }
    return line;
}

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Inline markup: links, images, code ticks, emphasis markers at word edges.
std::string strip_inline(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        // [text](url) and ![alt](url) → text / alt; [text][ref] → text.
        if (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
            const std::size_t open = c == '[' ? i : i + 1;
            const auto close = s.find(']', open);
            if (close != std::string_view::npos && close + 1 < s.size() &&
                (s[close + 1] == '(' || s[close + 1] == '[')) {
                const char end_char = s[close + 1] == '(' ? ')' : ']';
                const auto end = s.find(end_char, close + 2);
                if (end != std::string_view::npos) {
                    out += strip_inline(s.substr(open + 1, close - open - 1));
                    i = end;
                    continue;
                }
            }
        }
        if (c == '`') continue;
        // Emphasis markers only where they touch a word on one side and not on the other:
        // snake_case and 2*3 stay as written.
        if (c == '*' || c == '_') {
            std::size_t j = i;
            while (j < s.size() && s[j] == c) ++j;
            const bool word_before = i > 0 && is_word_char(s[i - 1]);
            const bool word_after = j < s.size() && is_word_char(s[j]);
            if (word_before != word_after || (c == '*' && word_before && word_after && j - i >= 2)) {
                i = j - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

}  // namespace

std::string markdown_to_text(std::string_view markdown) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= markdown.size();) {
        auto end = markdown.find('\n', start);
        if (end == std::string_view::npos) end = markdown.size();
        lines.push_back(markdown.substr(start, end - start));
        start = end + 1;
    }
    std::string out;
    bool in_code = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (is_fence(line)) {
            in_code = !in_code;
            continue;
        }
        if (in_code) {
            out += line;
            out += '\n';
            continue;
        }
        if (is_rule(line) || is_reference_definition(line)) {
            // A rule between paragraphs keeps them apart.
            if (!out.empty() && !out.ends_with("\n\n")) out += '\n';
            continue;
        }
        if (is_blank(line)) {
            out += '\n';
            continue;
        }
        out += strip_inline(strip_block_markers(line));
        out += '\n';
    }
    // Dropped rules and definitions can leave several blank lines: one paragraph break is enough.
    std::string collapsed;
    collapsed.reserve(out.size());
    std::size_t newlines = 0;
    for (char c : out) {
        newlines = c == '\n' ? newlines + 1 : 0;
        if (newlines <= 2) collapsed += c;
    }
    while (collapsed.ends_with('\n')) collapsed.pop_back();
    return collapsed;
}

}  // namespace newsdex
