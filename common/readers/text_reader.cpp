#include "readers/text_reader.h"

#include <cctype>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "readers/field_values.h"
#include "readers/markdown_text.h"
#include "util/utf8.h"

namespace newsdex {

namespace {

// A first line longer than this is a sentence or a paragraph, not a headline.
constexpr std::size_t kMaxTitleCodePoints = 120;
constexpr std::size_t kMaxKeyLength = 40;

struct Line {
    std::string_view text;  // without the line break
    std::size_t offset;     // where it starts in the file's text
    std::size_t number;     // 1-based, for warnings
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back({text.substr(start, end - start), start, lines.size() + 1});
        start = end + 1;
    }
    return lines;
}

bool is_blank(const Line& line) { return trim(line.text).empty(); }

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

struct KeyValue {
    std::string_view key;
    std::string_view value;  // trimmed
};

// "Key: value" where Key is one word starting at the line's start; anything else (prose,
// "http://", indented text) is not a header line.
std::optional<KeyValue> split_key_value(std::string_view line) {
    const auto colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos || colon > kMaxKeyLength) return std::nullopt;
    const auto key = line.substr(0, colon);
    if (!std::isalpha(static_cast<unsigned char>(key.front()))) return std::nullopt;
    for (const char c : key) {
        if (!is_key_char(c)) return std::nullopt;
    }
    return KeyValue{key, trim(line.substr(colon + 1))};
}

// A metadata field a header may name: the article's text never comes from a header.
std::optional<Field> metadata_field(std::string_view key) {
    const auto name = field_for_name(key);
    if (!name || is_text_field(name->field)) return std::nullopt;
    return name->field;
}

struct Context {
    std::string_view file;
    Diagnostics& diag;
};

// `as_list` false keeps a list value whole (a quoted YAML string is one item).
void apply_value(Article& article, Field field, std::string_view value, bool as_list,
                 const Line& line, const Context& ctx) {
    if (field == Field::date) {
        if (!article.date) set_date_text(article, value, {ctx.file, line.number}, ctx.diag);
    } else if (is_list_field(field) && as_list) {
        add_items(article, field, split_list(value));
    } else {
        set_single(article, field, value);
    }
}

// Reads "Key: value" lines from `start`; returns the index of the first body line. A blank
// line ends the header, and so does a line that is not "Key: value" (it is the body's start).
std::size_t read_header(const std::vector<Line>& lines, std::size_t start, Article& article,
                        const Context& ctx) {
    std::size_t i = start;
    for (; i < lines.size(); ++i) {
        if (is_blank(lines[i])) return i + 1;
        const auto kv = split_key_value(lines[i].text);
        if (!kv) return i;
        if (const auto field = metadata_field(kv->key)) {
            apply_value(article, *field, kv->value, true, lines[i], ctx);
        } else {
            ctx.diag.warn({ctx.file, lines[i].number},
                          "unknown header field " + quote_value(kv->key) + " ignored");
        }
    }
    return i;
}

bool is_front_matter_fence(const Line& line) { return trim(line.text) == "---"; }

// The index of the closing fence ("---", or YAML's "..."), if the front matter has one.
std::optional<std::size_t> front_matter_end(const std::vector<Line>& lines, std::size_t open) {
    for (std::size_t i = open + 1; i < lines.size(); ++i) {
        const auto text = trim(lines[i].text);
        if (text == "---" || text == "...") return i;
    }
    return std::nullopt;
}

bool is_quoted(std::string_view value) {
    return value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
           value.back() == value.front();
}

// YAML scalars: "double" quotes take JSON-like escapes, 'single' quotes double a quote ('').
std::string unquote(std::string_view value) {
    value = trim(value);
    if (!is_quoted(value)) return std::string(value);
    if (value.front() == '"') {
        const auto parsed = nlohmann::json::parse(value, nullptr, false);
        if (parsed.is_string()) return parsed.get<std::string>();
    }
    std::string out;
    const auto inner = value.substr(1, value.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
        out += inner[i];
        if (inner[i] == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') ++i;
    }
    return out;
}

bool is_block_indicator(std::string_view value) {
    return value == "|" || value == ">" || value == "|-" || value == ">-" || value == "|+" ||
           value == ">+";
}

// The lines of a YAML block scalar ("key: |" then indented lines), joined by line breaks.
std::string block_scalar(const std::vector<Line>& lines, std::size_t& i, std::size_t end) {
    std::string value;
    while (i + 1 < end && (is_blank(lines[i + 1]) || lines[i + 1].text.front() == ' ')) {
        ++i;
        value += trim(lines[i].text);
        value += '\n';
    }
    return value;
}

// Front matter between `open` and `close` (the fences). Keys the article has no field for
// (layout, draft, ...) are normal in front matter and are skipped without a warning.
void read_front_matter(const std::vector<Line>& lines, std::size_t open, std::size_t close,
                       Article& article, const Context& ctx) {
    // A "key:" whose value follows as "- item" lines. Not std::optional: g++ 12 warns
    // falsely (maybe-uninitialized) about an optional enum here.
    bool has_pending = false;
    Field pending = Field::id;
    for (std::size_t i = open + 1; i < close; ++i) {
        const Line& line = lines[i];
        const auto text = trim(line.text);
        if (text.empty() || text.front() == '#') continue;
        if (text == "-" || text.starts_with("- ")) {
            if (has_pending) {
                apply_value(article, pending, unquote(text.substr(1)), false, line, ctx);
            }
            continue;
        }
        has_pending = false;
        if (line.text.front() == ' ' || line.text.front() == '\t') continue;  // nested mapping
        const auto kv = split_key_value(line.text);
        const auto field = kv ? metadata_field(kv->key) : std::nullopt;
        if (!field) continue;
        if (kv->value.empty()) {
            has_pending = true;
            pending = *field;
        } else if (is_block_indicator(kv->value)) {
            apply_value(article, *field, block_scalar(lines, i, close), false, line, ctx);
        } else {
            const bool as_list = !is_quoted(kv->value);
            apply_value(article, *field, unquote(kv->value), as_list, line, ctx);
        }
    }
}

bool has_word_character(std::string_view text) {
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            return true;
        }
    }
    return false;
}

// A headline: short, ending without the punctuation that closes a sentence or leads on.
bool looks_like_title(std::string_view text) {
    if (text.empty() || !has_word_character(text)) return false;
    if (count_code_points(text) > kMaxTitleCodePoints) return false;
    if (text.ends_with("…")) return false;
    const char last = text.back();
    return last != '.' && last != ',' && last != ';' && last != ':';
}

// Markdown's "# Heading" is a title whose marker is not part of it.
std::string_view strip_heading_marker(std::string_view text) {
    const auto hashes = text.find_first_not_of('#');
    if (hashes == 0 || hashes == std::string_view::npos || hashes > 6) return text;
    if (text[hashes] != ' ' && text[hashes] != '\t') return text;
    return trim(text.substr(hashes));
}

// Takes a short first line followed by a blank line as the title; returns where the body
// starts afterwards.
std::size_t take_title_line(const std::vector<Line>& lines, std::size_t start, Article& article) {
    while (start < lines.size() && is_blank(lines[start])) ++start;
    if (!article.title.empty() || start + 1 >= lines.size() || !is_blank(lines[start + 1])) {
        return start;
    }
    const auto candidate = strip_heading_marker(trim(lines[start].text));
    if (!looks_like_title(candidate)) return start;
    set_single(article, Field::title, candidate);
    return start + 1;
}

// Windows line breaks would otherwise end every header value and body line with '\r'.
std::string normalise_line_breaks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        out += text[i];
    }
    return out;
}

}  // namespace

void TextReader::read(std::string_view raw, std::string_view file, const ArticleSink& sink,
                      Diagnostics& diag) const {
    const std::string text = normalise_line_breaks(raw);
    const auto lines = split_lines(text);
    const Context ctx{file, diag};
    Article article;

    std::size_t start = 0;
    while (start < lines.size() && is_blank(lines[start])) ++start;
    if (start < lines.size()) {
        const auto kv = split_key_value(lines[start].text);
        if (is_front_matter_fence(lines[start])) {
            // Without a closing fence the "---" is a horizontal rule: the file is all body.
            if (const auto close = front_matter_end(lines, start)) {
                read_front_matter(lines, start, *close, article, ctx);
                start = *close + 1;
            }
        } else if (kv && metadata_field(kv->key)) {
            start = read_header(lines, start, article, ctx);
        }
    }
    start = take_title_line(lines, start, article);
    if (start < lines.size()) {
        article.body = trim_blank_lines(std::string_view(text).substr(lines[start].offset));
        if (markdown_) article.body = markdown_to_text(article.body);
    }

    if (article.empty()) {
        diag.warn({file}, "record has no text or metadata");
        return;
    }
    sink(std::move(article), 0);
}

}  // namespace newsdex
