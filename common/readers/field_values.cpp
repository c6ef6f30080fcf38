#include "readers/field_values.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "util/utf8.h"

namespace newsdex {

namespace {

struct Alias {
    std::string_view name;  // lower case
    Field field;
};

// Order matters: when a record names one field twice (title and headline), the earlier
// alias wins; body aliases come before description so a real body is preferred.
constexpr std::array kAliases = {
    Alias{"id", Field::id},
    Alias{"docid", Field::id},
    Alias{"guid", Field::id},
    Alias{"uuid", Field::id},
    Alias{"title", Field::title},
    Alias{"headline", Field::title},
    Alias{"body", Field::body},
    Alias{"text", Field::body},
    Alias{"content", Field::body},
    Alias{"article", Field::body},
    Alias{"description", Field::description},
    Alias{"summary", Field::description},
    Alias{"date", Field::date},
    Alias{"published", Field::date},
    Alias{"publish_date", Field::date},
    Alias{"published_at", Field::date},
    Alias{"publishedat", Field::date},
    Alias{"pubdate", Field::date},
    Alias{"date_publish", Field::date},
    Alias{"timestamp", Field::date},
    Alias{"source", Field::source},
    Alias{"publisher", Field::source},
    Alias{"site", Field::source},
    Alias{"outlet", Field::source},
    Alias{"url", Field::url},
    Alias{"link", Field::url},
    Alias{"author", Field::authors},
    Alias{"authors", Field::authors},
    Alias{"byline", Field::authors},
    Alias{"topics", Field::topics},
    Alias{"tags", Field::topics},
    Alias{"category", Field::topics},
    Alias{"categories", Field::topics},
    Alias{"keywords", Field::topics},
    Alias{"places", Field::places},
    Alias{"locations", Field::places},
    Alias{"organisations", Field::organisations},
    Alias{"organizations", Field::organisations},
    Alias{"orgs", Field::organisations},
    Alias{"language", Field::language},
    Alias{"lang", Field::language},
};

constexpr std::string_view kSpace = " \t\r\n\f\v";

bool is_space(char c) { return kSpace.find(c) != std::string_view::npos; }

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view lower, std::string_view name) {
    return lower.size() == name.size() &&
           std::equal(lower.begin(), lower.end(), name.begin(),
                      [](char a, char b) { return a == ascii_lower(b); });
}

std::string* single_slot(Article& article, Field field) {
    switch (field) {
        case Field::id: return &article.id;
        case Field::title: return &article.title;
        case Field::body:
        case Field::description: return &article.body;
        case Field::source: return &article.source;
        case Field::url: return &article.url;
        case Field::language: return &article.language;
        default: return nullptr;
    }
}

std::vector<std::string>* list_slot(Article& article, Field field) {
    switch (field) {
        case Field::authors: return &article.authors;
        case Field::topics: return &article.topics;
        case Field::places: return &article.places;
        case Field::organisations: return &article.organisations;
        default: return nullptr;
    }
}

// Splits `text` on commas outside quotes; each item loses its surrounding white space and
// quotes. A backslash inside quotes keeps the next character ("it\'s" in Python reprs).
std::vector<std::string> split_on_commas(std::string_view text) {
    std::vector<std::string> items;
    std::string item;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote != 0) {
            if (c == '\\' && i + 1 < text.size()) {
                item += text[++i];
            } else if (c == quote) {
                quote = 0;
            } else {
                item += c;
            }
        } else if ((c == '\'' || c == '"') && trim(item).empty()) {
            quote = c;  // an apostrophe inside a word ("Don't") is not a quote
            item.clear();
        } else if (c == ',') {
            items.emplace_back(trim(item));
            item.clear();
        } else {
            item += c;
        }
    }
    items.emplace_back(trim(item));
    return items;
}

}  // namespace

std::optional<FieldName> field_for_name(std::string_view name) {
    for (std::size_t i = 0; i < kAliases.size(); ++i) {
        if (equals_ignoring_case(kAliases[i].name, name)) {
            return FieldName{kAliases[i].field, static_cast<int>(i)};
        }
    }
    return std::nullopt;
}

bool is_list_field(Field field) {
    return field == Field::authors || field == Field::topics || field == Field::places ||
           field == Field::organisations;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(kSpace);
    return text.substr(first, last - first + 1);
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (const char c : trim(text)) {
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string trim_blank_lines(std::string_view text) {
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        if (text[pos] == '\n') {
            start = pos + 1;
        } else if (!is_space(text[pos])) {
            break;
        }
    }
    const auto last = text.find_last_not_of(kSpace);
    if (last == std::string_view::npos || last < start) return {};
    return std::string(text.substr(start, last - start + 1));
}

bool looks_bracketed(std::string_view text) {
    text = trim(text);
    return text.size() >= 2 && text.front() == '[' && text.back() == ']';
}

std::vector<std::string> split_list(std::string_view text) {
    text = trim(text);
    if (looks_bracketed(text)) text = text.substr(1, text.size() - 2);
    return split_on_commas(text);
}

void set_single(Article& article, Field field, std::string_view value) {
    if (is_list_field(field)) {
        add_items(article, field, {std::string(value)});
        return;
    }
    std::string* slot = single_slot(article, field);
    if (slot == nullptr || !slot->empty()) return;
    if (is_text_field(field)) {
        *slot = trim_blank_lines(value);
    } else if (field == Field::id) {
        // The id is how a user finds the record again: kept byte for byte.
        if (!trim(value).empty()) *slot = value;
    } else {
        *slot = collapse_spaces(value);
    }
}

void add_items(Article& article, Field field, const std::vector<std::string>& items) {
    std::vector<std::string>* list = list_slot(article, field);
    if (list == nullptr) return;
    for (const auto& raw : items) {
        std::string item = field == Field::authors ? byline_name(raw) : collapse_spaces(raw);
        if (item.empty() || std::find(list->begin(), list->end(), item) != list->end()) continue;
        list->push_back(std::move(item));
    }
}

std::string byline_name(std::string_view byline) {
    std::string name = collapse_spaces(byline);
    if (name.size() > 3 && equals_ignoring_case("by ", std::string_view(name).substr(0, 3))) {
        name.erase(0, 3);
    }
    return name;
}

void set_date_text(Article& article, std::string_view text, const Where& where, Diagnostics& diag) {
    text = trim(text);
    if (text.empty()) return;
    const auto date = parse_date(text);
    if (!date) {
        diag.warn(where, "date " + quote_value(text) + " not understood");
        return;
    }
    // A year or month cannot be placed on a timeline of news; the user should know that
    // date filters treat it as the start of the period.
    if (date->precision == DatePrecision::year) {
        diag.warn(where, "date " + quote_value(text) + " gives only the year");
    } else if (date->precision == DatePrecision::month) {
        diag.warn(where, "date " + quote_value(text) + " gives only the year and month");
    }
    article.date = date;
}

std::string quote_value(std::string_view value) {
    constexpr std::size_t kMaxCodePoints = 60;
    std::string out = "'";
    std::size_t code_points = 0;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        const bool starts_code_point = (byte & 0xC0) != 0x80;
        if (starts_code_point && ++code_points > kMaxCodePoints) {
            out += "…";
            break;
        }
        if (byte < 0x20 || byte == 0x7F) {
            // Control characters would garble the one-line warning; show them as escapes.
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
            out += escaped;
        } else {
            out += c;
        }
    }
    out += "'";
    return out;
}

}  // namespace newsdex
