#include "readers/sgml_scanner.h"

#include <algorithm>
#include <array>
#include <optional>

#include "readers/field_values.h"
#include "util/utf8.h"

namespace newsdex {

namespace {

// Longer "&…;" runs are not references; the limit stops a stray '&' scanning far ahead.
constexpr std::size_t kMaxReferenceLength = 32;

struct NamedEntity {
    std::string_view name;
    char value;
};

// SGML's own and XML's five; anything else (&hyph; &blank; in TREC FR) is kept as written.
constexpr std::array kEntities = {
    NamedEntity{"amp", '&'}, NamedEntity{"lt", '<'},    NamedEntity{"gt", '>'},
    NamedEntity{"quot", '"'}, NamedEntity{"apos", '\''},
};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) {
    return is_letter(c) || is_digit(c) || c == '-' || c == '_' || c == '.' || c == ':';
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return ascii_lower(x) == ascii_lower(y);
           });
}

bool contains_name(const std::vector<std::string_view>& names, std::string_view name) {
    return std::any_of(names.begin(), names.end(),
                       [&](std::string_view n) { return equals_ignoring_case(n, name); });
}

// Walks the text, producing tokens and counting lines as it goes (so lines cost O(n) in all).
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::vector<SgmlToken> run() {
        std::size_t text_start = 0;
        std::size_t pos = 0;
        while ((pos = text_.find('<', pos)) != std::string_view::npos) {
            SgmlToken tag{};
            const std::size_t length = markup_at(pos, tag);
            if (length == 0) {
                ++pos;  // a '<' that opens nothing is text
                continue;
            }
            add_text(text_start, pos);
            tag.line = line_at(pos);
            tokens_.push_back(tag);
            pos += length;
            text_start = pos;
        }
        add_text(text_start, text_.size());
        return std::move(tokens_);
    }

private:
    // The line of byte `pos`; positions only grow, so counting resumes where it stopped.
    std::size_t line_at(std::size_t pos) {
        line_ += static_cast<std::size_t>(
            std::count(text_.begin() + counted_, text_.begin() + pos, '\n'));
        counted_ = pos;
        return line_;
    }

    void add_text(std::size_t start, std::size_t end) {
        if (start == end) return;
        SgmlToken token{SgmlToken::Kind::text, {}, {}, text_.substr(start, end - start), 0};
        token.line = line_at(start);
        tokens_.push_back(token);
    }

    // Where the '>' closing a tag at `pos` is, when it is on the same line.
    std::optional<std::size_t> close_on_line(std::size_t from) const {
        const auto close = text_.find_first_of(">\n<", from);
        if (close == std::string_view::npos || text_[close] != '>') return std::nullopt;
        return close;
    }

    // The length of the markup starting at `pos` (a '<'), 0 when it is not markup.
    std::size_t markup_at(std::size_t pos, SgmlToken& tag) const {
        const char next = pos + 1 < text_.size() ? text_[pos + 1] : '\0';
        if (is_letter(next)) return tag_at(pos, pos + 1, SgmlToken::Kind::start_tag, tag);
        if (next == '/') return tag_at(pos, pos + 2, SgmlToken::Kind::end_tag, tag);
        if (next == '!' || next == '?') return declaration_at(pos, tag);
        return 0;
    }

    std::size_t tag_at(std::size_t pos, std::size_t name_start, SgmlToken::Kind kind,
                       SgmlToken& tag) const {
        if (name_start >= text_.size() || !is_letter(text_[name_start])) return 0;
        std::size_t name_end = name_start;
        while (name_end < text_.size() && is_name_char(text_[name_end])) ++name_end;
        // "<a&b>" or "<x=y>": a name must end at white space, '>' or '/' ("<BR/>").
        if (name_end < text_.size() && !is_space(text_[name_end]) && text_[name_end] != '>' &&
            text_[name_end] != '/') {
            return 0;
        }
        const auto close = close_on_line(name_end);
        if (!close) return 0;
        const auto rest = text_.substr(name_end, *close - name_end);
        // An end tag holds nothing but its name: "</a b>" is not one.
        if (kind == SgmlToken::Kind::end_tag && !trim(rest).empty()) return 0;
        tag.kind = kind;
        tag.name = text_.substr(name_start, name_end - name_start);
        if (kind == SgmlToken::Kind::start_tag) tag.attributes = trim(rest);
        return *close + 1 - pos;
    }

    std::size_t declaration_at(std::size_t pos, SgmlToken& tag) const {
        tag.kind = SgmlToken::Kind::other;
        if (text_.substr(pos).starts_with("<!--")) {
            const auto end = text_.find("-->", pos + 4);
            return end == std::string_view::npos ? 0 : end + 3 - pos;
        }
        const auto close = close_on_line(pos + 2);
        return close ? *close + 1 - pos : 0;
    }

    std::string_view text_;
    std::vector<SgmlToken> tokens_;
    std::size_t line_ = 1;
    std::size_t counted_ = 0;
};

bool is_dropped_control(char32_t c) {
    return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

// The characters of a numeric reference's digits ("3", "x1F"), or nullopt when they do not
// name a character that can be written (overlong, surrogate, beyond U+10FFFF).
std::optional<char32_t> numeric_value(std::string_view digits) {
    const bool hex = !digits.empty() && (digits.front() == 'x' || digits.front() == 'X');
    if (hex) digits.remove_prefix(1);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    char32_t value = 0;
    for (const char c : digits) {
        int digit = 0;
        if (is_digit(c)) {
            digit = c - '0';
        } else if (hex && ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') {
            digit = ascii_lower(c) - 'a' + 10;
        } else {
            return std::nullopt;
        }
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
    return value;
}

// Decodes the reference at the start of `raw` (which starts with '&') onto `out`; returns how
// many bytes it used, 0 when it is not a reference this decoder knows (kept as written).
std::size_t append_reference(std::string& out, std::string_view raw) {
    // Looking no further than a reference can be long keeps text full of bare '&' linear.
    const auto semicolon = raw.substr(0, kMaxReferenceLength + 1).find(';');
    if (semicolon == std::string_view::npos || semicolon < 2) {
        return 0;
    }
    const auto name = raw.substr(1, semicolon - 1);
    if (name.front() == '#') {
        const auto value = numeric_value(name.substr(1));
        if (!value) return 0;
        if (!is_dropped_control(*value)) append_utf8(out, *value);
        return semicolon + 1;
    }
    for (const auto& entity : kEntities) {
        if (entity.name == name) {
            out += entity.value;
            return semicolon + 1;
        }
    }
    return 0;
}

}  // namespace

bool sgml_names_equal(std::string_view a, std::string_view b) { return equals_ignoring_case(a, b); }

bool SgmlToken::is(Kind tag_kind, std::string_view tag_name) const {
    return kind == tag_kind && equals_ignoring_case(name, tag_name);
}

std::vector<SgmlToken> scan_sgml(std::string_view text) { return Scanner(text).run(); }

std::string_view sgml_attribute(std::string_view attributes, std::string_view name) {
    std::size_t pos = 0;
    while (pos < attributes.size()) {
        while (pos < attributes.size() && is_space(attributes[pos])) ++pos;
        const std::size_t name_start = pos;
        while (pos < attributes.size() && !is_space(attributes[pos]) && attributes[pos] != '=') {
            ++pos;
        }
        const auto attribute = attributes.substr(name_start, pos - name_start);
        while (pos < attributes.size() && is_space(attributes[pos])) ++pos;
        if (pos >= attributes.size() || attributes[pos] != '=') {
            continue;  // a bare name ("COMPACT") has no value
        }
        ++pos;
        while (pos < attributes.size() && is_space(attributes[pos])) ++pos;
        std::string_view value;
        if (pos < attributes.size() && (attributes[pos] == '"' || attributes[pos] == '\'')) {
            const char quote = attributes[pos++];
            auto end = attributes.find(quote, pos);
            if (end == std::string_view::npos) end = attributes.size();
            value = attributes.substr(pos, end - pos);
            pos = end + 1;
        } else {
            const std::size_t value_start = pos;
            while (pos < attributes.size() && !is_space(attributes[pos])) ++pos;
            value = attributes.substr(value_start, pos - value_start);
        }
        if (equals_ignoring_case(attribute, name)) return value;
    }
    return {};
}

SgmlParts split_elements(std::span<const SgmlToken> tokens, const SgmlElementSet& set) {
    SgmlParts parts;
    bool open = false;
    SgmlElement element{};
    std::size_t content_start = 0;
    auto finish = [&](std::size_t end, bool closed, std::string_view ended_by) {
        element.content = tokens.subspan(content_start, end - content_start);
        element.closed = closed;
        element.ended_by = ended_by;
        parts.elements.push_back(element);
        open = false;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const SgmlToken& token = tokens[i];
        const bool starts_element =
            token.kind == SgmlToken::Kind::start_tag && contains_name(set.names, token.name);
        if (open) {
            if (token.is(SgmlToken::Kind::end_tag, element.name)) {
                finish(i, true, {});
                continue;
            }
            if (!starts_element || contains_name(set.verbatim, element.name)) continue;
            finish(i, false, token.name);
        }
        if (starts_element) {
            element = SgmlElement{token.name, token.attributes, token.line, {}, true, {}};
            content_start = i + 1;
            open = true;
        } else {
            parts.rest.push_back(token);
        }
    }
    if (open) finish(tokens.size(), false, {});
    return parts;
}

std::string unclosed_message(const SgmlElement& element, std::string_view at_content_end) {
    std::string message = "unclosed <" + std::string(element.name) + "> ";
    if (element.ended_by.empty()) return message + std::string(at_content_end);
    if (equals_ignoring_case(element.ended_by, element.name)) message += "before the next ";
    else message += "before ";
    return message + "<" + std::string(element.ended_by) + ">";
}

std::string unclosed_child_message(const SgmlElement& child, const SgmlElement& parent) {
    if (child.closed || (!parent.closed && child.ended_by.empty())) return {};
    return unclosed_message(child, "before </" + std::string(parent.name) + ">");
}

void append_sgml_text(std::string& out, std::string_view raw) {
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        const auto byte = static_cast<unsigned char>(c);
        if (c == '&') {
            const std::size_t used = append_reference(out, raw.substr(i));
            if (used == 0) out += c;
            else i += used - 1;
        } else if (c == '\r') {
            out += '\n';
            if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
        } else if (c == '\f' || c == '\v') {
            out += ' ';  // layout, and it separates words
        } else if (byte == 0xC2 && i + 1 < raw.size() &&
                   static_cast<unsigned char>(raw[i + 1]) <= 0x9F) {
            ++i;  // a C1 control (U+0080–U+009F) in UTF-8; 0xC2 0xA0 and above are letters
        } else if (byte >= 0x80 || !is_dropped_control(byte)) {
            out += c;  // bytes from 0x80 on are parts of multi-byte characters here
        }
    }
}

std::string sgml_plain_text(std::span<const SgmlToken> content) {
    std::string text;
    for (const auto& token : content) {
        if (token.kind == SgmlToken::Kind::text) append_sgml_text(text, token.text);
        else text += ' ';
    }
    return text;
}

void SgmlParagraphs::add(std::span<const SgmlToken> content) {
    std::string paragraph;
    for (const auto& token : content) {
        if (token.kind == SgmlToken::Kind::text) {
            append_sgml_text(paragraph, token.text);
        } else if (token.is(SgmlToken::Kind::start_tag, "P") ||
                   token.is(SgmlToken::Kind::end_tag, "P")) {
            end_paragraph(paragraph);
            paragraph.clear();
        }
    }
    end_paragraph(paragraph);
}

void SgmlParagraphs::end_paragraph(std::string_view paragraph) {
    const std::string trimmed = trim_blank_lines(paragraph);
    if (trimmed.empty()) return;
    if (!text_.empty()) text_ += "\n\n";
    text_ += trimmed;
}

}  // namespace newsdex
