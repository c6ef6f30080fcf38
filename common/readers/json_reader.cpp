#include "readers/json_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "readers/field_values.h"

namespace newsdex {

namespace {

using Json = nlohmann::json;

// Where one record is, and where its warnings go.
struct RecordContext {
    std::string_view file;
    std::size_t line;    // JSON Lines only; 0 inside a .json (the DOM keeps no positions)
    std::size_t record;  // 0 for a file that is a single object
    Diagnostics& diag;

    Where where() const { return {file, line, record}; }
};

// Keys under which dumps wrap their array of articles; preferred when an object has several
// arrays of objects.
constexpr std::array<std::string_view, 11> kContainerNames = {
    "articles", "items", "data", "results", "docs", "documents",
    "entries", "records", "stories", "posts", "news",
};

// Sub-keys that name a nested object ({"source": {"id": "reuters", "name": "Reuters"}}), in
// order of preference.
constexpr std::array<std::string_view, 5> kNameKeys = {"name", "title", "value", "text", "id"};

// Longer messages from the parser (they quote what they last read) are cut here.
constexpr std::size_t kMaxReasonBytes = 120;

// Larger timestamps are milliseconds: 1e11 seconds is the year 5138.
constexpr double kMillisecondsFrom = 1e11;
// Timestamps beyond 9999-12-31 are not dates of news.
constexpr double kMaxUnixSeconds = 253402300799.0;

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string number_text(const Json& value) {
    if (value.is_number_float()) {
        const double d = value.get<double>();
        // Ids exported through floating point (5102.0) mean the integer.
        if (std::trunc(d) == d && std::fabs(d) < 9e15) {
            return std::to_string(static_cast<long long>(d));
        }
    }
    return value.dump();
}

std::optional<std::string> text_of(const Json& value);

// The name of a nested object, looked up case-insensitively.
std::optional<std::string> name_of(const Json& object) {
    for (const auto name_key : kNameKeys) {
        for (const auto& [key, inner] : object.items()) {
            if (!equals_ignoring_case(key, name_key) || inner.is_object()) continue;
            if (auto text = text_of(inner)) return text;
        }
    }
    return std::nullopt;
}

// The text a value stands for: a string, a number's decimal form, or a nested object's name.
std::optional<std::string> text_of(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return number_text(value);
    if (value.is_object()) return name_of(value);
    return std::nullopt;
}

// Why text_of found nothing, for a warning.
std::string no_text_reason(const Json& value) {
    if (value.is_object()) return "object has no name";
    return std::string("expected a string, got ") + value.type_name();
}

void warn_field(const RecordContext& ctx, std::string_view key, std::string_view reason) {
    ctx.diag.warn(ctx.where(), "field " + quote_value(key) + " ignored: " + std::string(reason));
}

// Some dumps store the body as an array of paragraphs.
std::optional<std::string> paragraphs_of(const Json& array) {
    std::string text;
    for (const auto& item : array) {
        if (item.is_null()) continue;
        if (!item.is_string()) return std::nullopt;
        if (!text.empty()) text += "\n\n";
        text += item.get<std::string>();
    }
    return text;
}

void apply_single(Article& article, Field field, std::string_view key, const Json& value,
                  const RecordContext& ctx) {
    auto text = text_of(value);
    if (!text && value.is_array() && is_text_field(field)) text = paragraphs_of(value);
    if (!text) {
        warn_field(ctx, key,
                   value.is_array() ? "expected a string, got array" : no_text_reason(value));
        return;
    }
    set_single(article, field, *text);
}

std::optional<ArticleDate> date_from_number(const Json& value) {
    double n = value.get<double>();
    if (std::fabs(n) >= kMillisecondsFrom) n /= 1000;
    if (std::fabs(n) > kMaxUnixSeconds) return std::nullopt;
    return ArticleDate{static_cast<std::int64_t>(std::floor(n)), DatePrecision::second};
}

void apply_date(Article& article, std::string_view key, const Json& value,
                const RecordContext& ctx) {
    if (value.is_string()) {
        set_date_text(article, value.get_ref<const std::string&>(), ctx.where(), ctx.diag);
    } else if (value.is_number()) {
        article.date = date_from_number(value);
        if (!article.date) {
            ctx.diag.warn(ctx.where(), "date " + quote_value(value.dump()) + " not understood");
        }
    } else {
        warn_field(ctx, key, std::string("expected a string or number, got ") + value.type_name());
    }
}

// The items of a list written inside a string: JSON ("[\"a\", \"b\"]") or a Python repr
// ("['a', 'b']"), which split_list reads.
std::vector<std::string> items_of_string(const std::string& text) {
    if (!looks_bracketed(text)) return {text};
    const auto parsed = Json::parse(text, nullptr, false);
    if (!parsed.is_array()) return split_list(text);
    std::vector<std::string> items;
    for (const auto& item : parsed) {
        if (auto item_text = text_of(item)) items.push_back(std::move(*item_text));
    }
    return items;
}

void apply_list(Article& article, Field field, std::string_view key, const Json& value,
                const RecordContext& ctx) {
    if (value.is_string()) {
        add_items(article, field, items_of_string(value.get<std::string>()));
        return;
    }
    if (!value.is_array()) {
        if (auto text = text_of(value)) {
            add_items(article, field, {std::move(*text)});
        } else {
            warn_field(ctx, key,
                       value.is_object()
                           ? "object has no name"
                           : std::string("expected a list or string, got ") + value.type_name());
        }
        return;
    }
    std::vector<std::string> items;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i].is_null()) continue;
        if (auto text = text_of(value[i])) {
            items.push_back(std::move(*text));
        } else {
            ctx.diag.warn(ctx.where(), "field " + quote_value(key) + " item " +
                                           std::to_string(i + 1) + " ignored: " +
                                           no_text_reason(value[i]));
        }
    }
    add_items(article, field, items);
}

void apply_field(Article& article, Field field, std::string_view key, const Json& value,
                 const RecordContext& ctx) {
    if (value.is_null()) return;  // null is how dumps say "missing"
    if (field == Field::date) {
        if (!article.date) apply_date(article, key, value, ctx);
    } else if (is_list_field(field)) {
        apply_list(article, field, key, value, ctx);
    } else {
        apply_single(article, field, key, value, ctx);
    }
}

struct NamedValue {
    FieldName name;
    std::string_view key;
    const Json* value;
};

Article read_record(const Json& object, const RecordContext& ctx) {
    std::vector<NamedValue> fields;
    for (const auto& [key, value] : object.items()) {
        if (const auto name = field_for_name(key)) fields.push_back({*name, key, &value});
    }
    // By alias rank, so "title" beats "headline" and a body beats a description whatever
    // order the keys come in.
    std::stable_sort(fields.begin(), fields.end(), [](const NamedValue& a, const NamedValue& b) {
        return a.name.rank < b.name.rank;
    });
    Article article;
    for (const auto& f : fields) apply_field(article, f.name.field, f.key, *f.value, ctx);
    return article;
}

void emit_record(const Json& value, const RecordContext& ctx, const ArticleSink& sink) {
    if (!value.is_object()) {
        ctx.diag.warn(ctx.where(), std::string("record is not a JSON object (got ") +
                                       value.type_name() + "), skipped");
        return;
    }
    Article article = read_record(value, ctx);
    if (article.empty()) {
        ctx.diag.warn(ctx.where(), "record has no text or metadata");
        return;
    }
    sink(std::move(article), ctx.record);
}

bool is_container_name(std::string_view key) {
    return std::any_of(kContainerNames.begin(), kContainerNames.end(),
                       [&](std::string_view name) { return equals_ignoring_case(name, key); });
}

bool holds_objects(const Json& array) {
    return std::any_of(array.begin(), array.end(),
                       [](const Json& item) { return item.is_object(); });
}

// The array an object wraps ({"status": "ok", "articles": [...]}), or null when the object
// is itself an article. An object with any article field is an article.
const Json* wrapped_array(const Json& object) {
    const Json* named = nullptr;
    const Json* other = nullptr;
    for (const auto& [key, value] : object.items()) {
        if (field_for_name(key)) return nullptr;
        if (!value.is_array()) continue;
        if (is_container_name(key) && (value.empty() || holds_objects(value))) {
            if (named == nullptr) named = &value;
        } else if (other == nullptr && holds_objects(value)) {
            other = &value;
        }
    }
    return named != nullptr ? named : other;
}

void emit_array(const Json& array, std::string_view file, const ArticleSink& sink,
                Diagnostics& diag) {
    for (std::size_t i = 0; i < array.size(); ++i) {
        emit_record(array[i], {file, 0, i + 1, diag}, sink);
    }
}

// nlohmann's message without its "[json.exception...] parse error at line L, column C:" and
// "syntax error while parsing X -" prefixes, which the warning's own location replaces.
std::string short_reason(const Json::parse_error& error) {
    std::string_view what = error.what();
    if (const auto column = what.find("column "); column != std::string_view::npos) {
        if (const auto colon = what.find(": ", column); colon != std::string_view::npos) {
            what.remove_prefix(colon + 2);
        }
    }
    if (what.starts_with("syntax error while parsing")) {
        if (const auto dash = what.find(" - "); dash != std::string_view::npos) {
            what.remove_prefix(dash + 3);
        }
    }
    if (what.size() <= kMaxReasonBytes) return std::string(what);
    std::size_t cut = kMaxReasonBytes;  // moved back to the start of a code point
    while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;
    return std::string(what.substr(0, cut)) + "…";
}

// nlohmann reports a number too large for a double ("1e999") as out_of_range, not as a
// parse_error: "[json.exception.out_of_range.406] number overflow parsing '1e999'". Only
// ASCII follows the prefix (the number's own characters), so a plain cut is safe.
std::string short_reason(const Json::out_of_range& error) {
    std::string_view what = error.what();
    if (const auto bracket = what.find("] "); bracket != std::string_view::npos) what.remove_prefix(bracket + 2);
    if (what.size() <= kMaxReasonBytes) return std::string(what);
    return std::string(what.substr(0, kMaxReasonBytes)) + "…";
}

// The 1-based line of the byte the parser stopped at. At the end of input that is the last
// line holding something, not the empty line after the final line break.
std::size_t line_of_error(std::string_view text, std::size_t byte) {
    std::size_t pos = byte == 0 ? 0 : byte - 1;
    if (pos >= text.size()) {
        const auto last = text.find_last_not_of(" \t\r\n");
        pos = last == std::string_view::npos ? 0 : last;
    }
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + pos, '\n'));
}

// Deeper than any article needs, and shallow enough that nothing recursing over a value can
// exhaust the stack.
constexpr std::size_t kMaxDepth = 256;

// The line on which the text first nests deeper than kMaxDepth, or 0 when it never does.
std::size_t line_too_deep(std::string_view text) {
    std::size_t depth = 0;
    std::size_t line = 1;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
        } else if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxDepth) return line;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return 0;
}

std::optional<Json> parse(std::string_view text, const Where& where, Diagnostics& diag) {
    if (const std::size_t line = line_too_deep(text)) {
        Where at = where;
        at.line += line - 1;
        diag.warn(at, "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels, not read");
        return std::nullopt;
    }
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& error) {
        Where at = where;
        at.line += line_of_error(text, error.byte) - 1;
        diag.warn(at, "malformed JSON: " + short_reason(error));
        return std::nullopt;
    } catch (const Json::out_of_range& error) {
        diag.warn(where, "malformed JSON: " + short_reason(error));
        return std::nullopt;
    }
}

}  // namespace

void JsonReader::read(std::string_view text, std::string_view file, const ArticleSink& sink,
                      Diagnostics& diag) const {
    const auto root = parse(text, {file, 1}, diag);
    if (!root) return;
    if (root->is_array()) {
        emit_array(*root, file, sink, diag);
    } else if (!root->is_object()) {
        diag.warn({file}, std::string("expected an article object or an array of them, got ") +
                              root->type_name());
    } else if (const Json* array = wrapped_array(*root)) {
        emit_array(*array, file, sink, diag);
    } else {
        emit_record(*root, {file, 0, 0, diag}, sink);
    }
}

std::size_t JsonReader::read_records(std::string_view text, std::string_view file, Start start,
                                     const ArticleSink& sink, Diagnostics& diag) const {
    const RecordContext ctx{file, start.line, start.record, diag};
    if (const auto value = parse(text, ctx.where(), diag)) emit_record(*value, ctx, sink);
    return 1;
}

std::size_t JsonLinesReader::read_records(std::string_view text, std::string_view file, Start start,
                                          const ArticleSink& sink, Diagnostics& diag) const {
    return JsonReader().read_records(text, file, start, sink, diag);
}

void JsonLinesReader::read(std::string_view text, std::string_view file, const ArticleSink& sink,
                           Diagnostics& diag) const {
    std::size_t line_number = 0;
    std::size_t record = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (trim(line).empty()) continue;
        // Every non-blank line is a record, parsed or not, so that "#n" names the same
        // line after a broken line elsewhere is fixed.
        ++record;
        // A first line that is no JSON says the name lies: one JSON document over many lines
        // (a pretty-printed array) is read as .json, and text that does not even begin like
        // a JSON object (HTML, CSV, prose) is one warning instead of one per line.
        if (record == 1 && !Json::accept(line)) {
            if (line_too_deep(text) == 0 && Json::accept(text)) {
                JsonReader().read(text, file, sink, diag);
                return;
            }
            if (trim(line).front() != '{') {
                try {
                    // Parsed only for the reason of its failure, which the warning quotes.
                    [[maybe_unused]] const Json unused = Json::parse(line);
                } catch (const Json::parse_error& error) {
                    diag.warn({file, line_number}, "malformed JSON: " + short_reason(error) +
                                                       " (not JSON Lines: the file is not read)");
                } catch (const Json::out_of_range& error) {
                    diag.warn({file, line_number}, "malformed JSON: " + short_reason(error) +
                                                       " (not JSON Lines: the file is not read)");
                }
                return;
            }
        }
        const auto value = parse(line, {file, line_number, record}, diag);
        if (value) emit_record(*value, {file, line_number, record, diag}, sink);
    }
}

}  // namespace newsdex
