// The first stage of the query parser: splits a query (valid UTF-8) into lexemes.
//
// Words run to white space, a parenthesis or a quote. Upper-case AND, OR, NOT and NEAR or
// NEAR/N are operators; '-' and '+' before a word, phrase or group are operators too.
// `name:value` is a field when name is a field or one of its aliases (case-insensitive:
// headline: is title:, language: is lang:, tags: is topic:, ...) and ordinary text otherwise
// (10:30, http://...), except that a name one edit away from a field name of up to four
// letters, or two from a longer one, is taken for a typo and refused with a suggestion. A trailing '*' marks a prefix wildcard;
// `"..."~N` a phrase whose words may stand in any order within a window.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsdex::query {

enum class Kind { word, phrase, op_and, op_or, op_not, op_near, minus, plus, lparen, rparen, end };

struct Lexeme {
    Lexeme() = default;
    Lexeme(Kind k, std::string t, std::size_t col, std::size_t b = 0, std::size_t e = 0, std::string f = "")
        : kind(k), text(std::move(t)), column(col), begin(b), end(e), field(std::move(f)) {}

    Kind kind = Kind::end;
    std::string text;          // a word or a field value as typed; the inside of a phrase
    std::size_t column = 0;    // code points from 1, where the lexeme (or its field) starts
    std::size_t begin = 0;     // byte offsets of `text` in the query
    std::size_t end = 0;
    std::string field;         // the canonical field name ("title", "date") or ""
    bool wildcard = false;     // `text` ended in '*' (removed from text)
    bool has_number = false;   // "..."~N, NEAR/N
    unsigned number = 0;
};

// The fields the query language knows: the schema's fields plus "date".
const std::vector<std::string>& query_field_names();

// Throws QueryError for an unclosed quote, a bad NEAR/N or ~N, a field without a value,
// an unknown field that looks like a typo of a known one, a lone '*'.
std::vector<Lexeme> lex(const std::string& query);

}  // namespace newsdex::query
