// The article fields that input formats name, the one table of names for them (text headers,
// front matter and JSON keys all use it, so the formats cannot drift apart), and the rules
// for turning a field's text into Article values: list splitting, de-duplication, dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article/article.h"
#include "util/diagnostics.h"

namespace newsdex {

enum class Field {
    id, title, body,
    description,  // used as the body only when the record has no body
    date, source, authors, url, language, topics, places, organisations,
};

struct FieldName {
    Field field;
    int rank;  // lower wins when a record names a single-valued field more than once
};

// Looks a field name up case-insensitively ("publishedAt", "Title", "ORGS").
std::optional<FieldName> field_for_name(std::string_view name);

bool is_list_field(Field field);

// True for fields that hold the article's text rather than metadata about it.
inline bool is_text_field(Field field) {
    return field == Field::body || field == Field::description;
}

// ASCII white space only: the data's own non-breaking spaces are content, not layout.
std::string_view trim(std::string_view text);

// Trims and turns each run of white space (newlines too) into one space: single-line
// fields are printed on one line and matched as phrases.
std::string collapse_spaces(std::string_view text);

// Drops leading blank lines and trailing white space; keeps everything in between (paragraph
// breaks and indentation carry meaning in news text).
std::string trim_blank_lines(std::string_view text);

// True when `text` (trimmed) is written as a list: "[a, b]", "['a', 'b']", "[\"a\"]".
bool looks_bracketed(std::string_view text);

// The items of a bracketed list, or of a comma-separated one when `text` is not bracketed.
// Quotes around items are removed; a comma inside quotes does not split.
std::vector<std::string> split_list(std::string_view text);

// Sets a single-valued field (not a list, not the date) unless it is already set; empty
// values are ignored. The id is kept exactly; other fields have their white space collapsed.
void set_single(Article& article, Field field, std::string_view value);

// Appends items to a list field, trimmed, without empty items or duplicates. Authors lose a
// leading "By " (see byline_name), whichever format they came from.
void add_items(Article& article, Field field, const std::vector<std::string>& items);

// A byline's name: "By JANE DOE, Staff Writer" → "JANE DOE, Staff Writer" (the word "by",
// any case, is how bylines are written, not part of the author filter value). Collapses spaces.
std::string byline_name(std::string_view byline);

// Parses `text` as the article's date. Unreadable dates and dates coarser than a day are
// warnings at `where`; a coarse date is still kept. Blank text is no date and no warning.
void set_date_text(Article& article, std::string_view text, const Where& where, Diagnostics& diag);

// A value quoted for a warning: shortened, so that one bad field cannot flood the output.
std::string quote_value(std::string_view value);

}  // namespace newsdex
