#include "query/query_lexer.h"

#include <algorithm>

#include "index/schema.h"
#include "util/edit_distance.h"
#include "util/errors.h"

namespace newsdex::query {

namespace {

// NEAR without /N: the window most search engines use for "near".
constexpr unsigned kDefaultNear = 10;
constexpr unsigned kMaxDistance = 10000;

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0; }
// “…”, „…“ and ”…” (Swedish and Finnish open with the closing quote) are phrases too. Every
// character that ends a word must start a lexeme of its own, or the lexer would not advance.
bool is_open_quote(char32_t c) { return c == '"' || c == 0x201C || c == 0x201E || c == 0x201D; }
bool is_close_quote(char32_t c) { return c == '"' || c == 0x201D || c == 0x201C; }
bool ends_word(char32_t c) { return is_space(c) || c == '(' || c == ')' || is_open_quote(c); }
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string at(std::size_t column) { return " at column " + std::to_string(column); }

// Code points with the byte offset of each (and of the end).
struct Decoded {
    std::u32string cps;
    std::vector<std::size_t> offsets;
};

Decoded decode(const std::string& s) {
    Decoded d;
    d.cps = to_code_points(s);
    std::size_t i = 0;
    for (std::size_t k = 0; k < d.cps.size(); ++k) {
        d.offsets.push_back(i);
        const auto c = static_cast<unsigned char>(s[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    d.offsets.push_back(s.size());
    return d;
}

// The field `name` names, "" when it names none. Throws for a near miss.
std::string resolve_field(const std::u32string& name, std::size_t column) {
    std::string lower;
    for (char32_t c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const auto& names = query_field_names();
    if (std::find(names.begin(), names.end(), lower) != names.end()) return lower;
    // Other names people use for the same fields (as feeds and other engines name them).
    static const std::pair<std::string_view, std::string_view> kAliases[] = {
        {"headline", "title"}, {"publisher", "source"}, {"outlet", "source"}, {"authors", "author"},
        {"byline", "author"}, {"topics", "topic"}, {"tag", "topic"}, {"tags", "topic"},
        {"category", "topic"}, {"subject", "topic"}, {"places", "place"}, {"location", "place"},
        {"orgs", "org"}, {"organisation", "org"}, {"organization", "org"}, {"language", "lang"},
    };
    for (const auto& [alias, field] : kAliases) {
        if (lower == alias) return std::string(field);
    }
    // A short name is a typo only one edit away: "us:" or "re:" in a headline is not "id:".
    std::string best;
    std::size_t best_distance = 3;
    for (const auto& field : names) {
        const std::size_t limit = field.size() <= 4 ? 1 : 2;
        const std::size_t d = edit_distance(to_code_points(lower), to_code_points(field), limit);
        if (d <= limit && d < best_distance) {
            best = field;
            best_distance = d;
        }
    }
    if (!best.empty() && lower.size() >= 2) {
        std::string typed;
        for (char32_t c : name) typed += static_cast<char>(c);
        throw QueryError("unknown field '" + typed + "' (did you mean '" + best + "'?)", column);
    }
    return "";
}

class Lexer {
public:
    explicit Lexer(const std::string& query) : query_(query), d_(decode(query)), n_(d_.cps.size()) {}

    std::vector<Lexeme> run() {
        bool at_word_start = true;
        while (i_ < n_) {
            const char32_t c = d_.cps[i_];
            if (is_space(c)) {
                ++i_;
                at_word_start = true;
                continue;
            }
            if (is_open_quote(c)) {
                out_.push_back(phrase(i_ + 1, ""));
                at_word_start = false;
                continue;
            }
            if (c == '(' || c == ')') {
                out_.push_back({c == '(' ? Kind::lparen : Kind::rparen, "", i_ + 1});
                ++i_;
                at_word_start = c == '(';
                continue;
            }
            if ((c == '-' || c == '+') && at_word_start && i_ + 1 < n_ && !is_space(d_.cps[i_ + 1])) {
                out_.push_back({c == '-' ? Kind::minus : Kind::plus, std::string(1, static_cast<char>(c)), i_ + 1});
                ++i_;
                at_word_start = true;  // "--x", "-(" and "-title:x" start a word or group next
                continue;
            }
            word();
            at_word_start = false;
        }
        out_.push_back({Kind::end, "", n_ + 1});
        return std::move(out_);
    }

private:
    const std::string& query_;
    Decoded d_;
    std::size_t n_;
    std::size_t i_ = 0;
    std::vector<Lexeme> out_;

    std::string slice(std::size_t from, std::size_t to) const {
        return query_.substr(d_.offsets[from], d_.offsets[to] - d_.offsets[from]);
    }

    // A number right after position i_ (NEAR/N, ~N); throws `message` when there is none.
    unsigned number_at(std::size_t from, std::size_t to, const std::string& message, std::size_t column) const {
        if (from == to) throw QueryError(message, column);
        unsigned long value = 0;
        for (std::size_t k = from; k < to; ++k) {
            const char32_t c = d_.cps[k];
            if (c < '0' || c > '9') throw QueryError(message, column);
            value = value * 10 + (c - '0');
            if (value > kMaxDistance) {
                throw QueryError("distance at column " + std::to_string(column) + " is over the limit of " +
                                     std::to_string(kMaxDistance) + " words", column);
            }
        }
        return static_cast<unsigned>(value);
    }

    // A quoted phrase whose opening quote is at `open` - 1 (i_), with an optional ~N after it.
    Lexeme phrase(std::size_t first, std::string field, std::size_t column = 0) {
        const std::size_t quote = first - 1;
        if (column == 0) column = quote + 1;
        std::size_t j = first;
        while (j < n_ && !is_close_quote(d_.cps[j])) ++j;
        if (j == n_) throw QueryError("unclosed quote" + at(quote + 1), quote + 1);
        Lexeme lx{Kind::phrase, slice(first, j), column, d_.offsets[first], d_.offsets[j], std::move(field)};
        i_ = j + 1;
        if (i_ < n_ && d_.cps[i_] == '~') {
            const std::size_t tilde = i_;
            std::size_t k = i_ + 1;
            while (k < n_ && !ends_word(d_.cps[k])) ++k;
            lx.number = number_at(tilde + 1, k,
                                  "'~' at column " + std::to_string(tilde + 1) +
                                      " needs a number of words, as in \"north korea\"~3",
                                  tilde + 1);
            lx.has_number = true;
            i_ = k;
        }
        mark_wildcard(lx);
        return lx;
    }

    static void mark_wildcard(Lexeme& lx) {
        while (!lx.text.empty() && lx.text.back() == '*') {
            lx.text.pop_back();
            --lx.end;
            lx.wildcard = true;
        }
    }

    void word() {
        const std::size_t start = i_;
        std::size_t j = i_;
        while (j < n_ && !ends_word(d_.cps[j])) ++j;
        const std::string text = slice(start, j);
        const std::size_t column = start + 1;
        i_ = j;

        if (text == "AND" || text == "OR" || text == "NOT") {
            out_.push_back({text == "AND" ? Kind::op_and : text == "OR" ? Kind::op_or : Kind::op_not, text, column});
            return;
        }
        if (text == "NEAR" || text.rfind("NEAR/", 0) == 0) {
            Lexeme op{Kind::op_near, text, column};
            op.number = kDefaultNear;
            if (text.size() > 4) {
                op.number = number_at(start + 5, j,
                                      "NEAR/ at column " + std::to_string(column) + " needs a number, as in NEAR/5",
                                      column);
                op.has_number = true;
            }
            out_.push_back(std::move(op));
            return;
        }

        // name:value, where name is letters only.
        std::size_t colon = start;
        while (colon < j && is_ascii_letter(d_.cps[colon])) ++colon;
        if (colon > start && colon < j && d_.cps[colon] == ':') {
            const std::string field = resolve_field(d_.cps.substr(start, colon - start), column);
            if (!field.empty()) {
                field_value(field, colon + 1, j, column);
                return;
            }
        }

        Lexeme lx{Kind::word, text, column, d_.offsets[start], d_.offsets[j]};
        mark_wildcard(lx);
        if (lx.wildcard && lx.text.empty()) {
            throw QueryError("'*' at column " + std::to_string(column) +
                                 " needs the start of a word before it, as in sanction*", column);
        }
        out_.push_back(std::move(lx));
    }

    // The value of a field whose name starts at `column`: the rest of the word, a phrase
    // right after the colon, or a group in parentheses.
    void field_value(const std::string& field, std::size_t first, std::size_t end, std::size_t column) {
        if (first < end) {
            Lexeme lx{Kind::word, slice(first, end), column, d_.offsets[first], d_.offsets[end], field};
            mark_wildcard(lx);
            if (lx.text.empty()) {
                throw QueryError("'*' at column " + std::to_string(first + 1) +
                                     " needs the start of a value before it", first + 1);
            }
            out_.push_back(std::move(lx));
            return;
        }
        if (end < n_ && is_open_quote(d_.cps[end])) {
            i_ = end;
            out_.push_back(phrase(end + 1, field, column));
            return;
        }
        if (end < n_ && d_.cps[end] == '(') {
            out_.push_back({Kind::lparen, "", column, 0, 0, field});
            i_ = end + 1;
            return;
        }
        throw QueryError("field '" + field + "' at column " + std::to_string(column) +
                             " needs a value: a word, a \"phrase\" or a (group)", column);
    }
};

}  // namespace

const std::vector<std::string>& query_field_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& field : schema::fields()) out.emplace_back(field.name);
        out.emplace_back("date");
        return out;
    }();
    return names;
}

std::vector<Lexeme> lex(const std::string& query) { return Lexer(query).run(); }

}  // namespace newsdex::query
