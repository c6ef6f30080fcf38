#include "query/query_parser.h"

#include <optional>

#include "util/errors.h"
#include "util/utf8.h"

namespace newsdex {

namespace {

// ---- lexer ------------------------------------------------------------------------------------

enum class Kind { word, phrase, op_and, op_or, op_not, minus, plus, lparen, rparen, end };

struct Lexeme {
    Kind kind;
    std::string text;     // the word or the phrase's inside
    std::size_t column;   // code points from 1
};

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0; }
bool is_open_quote(char32_t c) { return c == '"' || c == 0x201C || c == 0x201E; }
bool is_close_quote(char32_t c) { return c == '"' || c == 0x201D || c == 0x201C; }
bool ends_word(char32_t c) { return is_space(c) || c == '(' || c == ')' || is_open_quote(c) || c == 0x201D; }

// Decodes valid UTF-8 into code points with their byte offsets (queries come from argv and
// files, so they are repaired first).
struct Decoded {
    std::vector<char32_t> cps;
    std::vector<std::size_t> offsets;  // byte offset of each code point, plus the end
};

Decoded decode(const std::string& s) {
    Decoded d;
    std::size_t i = 0;
    while (i < s.size()) {
        d.offsets.push_back(i);
        const auto c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        d.cps.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    d.offsets.push_back(s.size());
    return d;
}

std::vector<Lexeme> lex(const std::string& query) {
    const Decoded d = decode(query);
    std::vector<Lexeme> out;
    std::size_t i = 0;
    const std::size_t n = d.cps.size();
    auto slice = [&](std::size_t from, std::size_t to) {
        return query.substr(d.offsets[from], d.offsets[to] - d.offsets[from]);
    };
    bool at_word_start = true;
    while (i < n) {
        const char32_t c = d.cps[i];
        if (is_space(c)) {
            ++i;
            at_word_start = true;
            continue;
        }
        const std::size_t column = i + 1;
        if (is_open_quote(c)) {
            std::size_t j = i + 1;
            while (j < n && !is_close_quote(d.cps[j])) ++j;
            if (j == n) throw QueryError("unclosed quote at column " + std::to_string(column), column);
            out.push_back({Kind::phrase, slice(i + 1, j), column});
            i = j + 1;
            at_word_start = false;
            continue;
        }
        if (c == '(' || c == ')') {
            out.push_back({c == '(' ? Kind::lparen : Kind::rparen, "", column});
            ++i;
            at_word_start = c == '(';
            continue;
        }
        if ((c == '-' || c == '+') && at_word_start && i + 1 < n && !is_space(d.cps[i + 1])) {
            out.push_back({c == '-' ? Kind::minus : Kind::plus, "", column});
            ++i;
            at_word_start = false;
            continue;
        }
        std::size_t j = i;
        while (j < n && !ends_word(d.cps[j])) ++j;
        std::string word = slice(i, j);
        Kind kind = Kind::word;
        if (word == "OR") kind = Kind::op_or;
        else if (word == "AND") kind = Kind::op_and;
        else if (word == "NOT") kind = Kind::op_not;
        out.push_back({kind, std::move(word), column});
        i = j;
        at_word_start = false;
    }
    out.push_back({Kind::end, "", n + 1});
    return out;
}

// ---- syntax tree ------------------------------------------------------------------------------

enum class NodeKind { word, phrase, all, any, excluded, required };

struct Node {
    NodeKind kind;
    std::string text;
    std::size_t column;
    std::vector<Node> children;
};

class Parser {
public:
    explicit Parser(std::vector<Lexeme> lexemes) : lx_(std::move(lexemes)) {}

    Node parse_query() {
        if (peek().kind == Kind::end) throw QueryError("empty query", 0);
        Node node = parse_and();
        if (peek().kind == Kind::rparen) {
            throw QueryError("unmatched ')' at column " + std::to_string(peek().column), peek().column);
        }
        return node;
    }

private:
    std::vector<Lexeme> lx_;
    std::size_t pos_ = 0;

    const Lexeme& peek() const { return lx_[pos_]; }
    const Lexeme& take() { return lx_[pos_++]; }

    static bool starts_operand(Kind k) {
        return k == Kind::word || k == Kind::phrase || k == Kind::minus || k == Kind::plus ||
               k == Kind::op_not || k == Kind::lparen;
    }

    [[noreturn]] void missing_operand(const Lexeme& op, const char* name) {
        throw QueryError(std::string(name) + " at column " + std::to_string(op.column) +
                             " needs a word or phrase after it", op.column);
    }

    Node parse_and() {
        Node node{NodeKind::all, "", peek().column, {}};
        for (;;) {
            const Kind k = peek().kind;
            if (k == Kind::op_and) {
                const Lexeme& op = take();
                if (node.children.empty()) {
                    throw QueryError("AND at column " + std::to_string(op.column) +
                                         " needs a word or phrase before it", op.column);
                }
                if (!starts_operand(peek().kind)) missing_operand(op, "AND");
                continue;
            }
            if (k == Kind::op_or) {
                throw QueryError("OR at column " + std::to_string(peek().column) +
                                     " needs a word or phrase before it", peek().column);
            }
            if (!starts_operand(k)) break;
            node.children.push_back(parse_or());
        }
        if (node.children.size() == 1) return std::move(node.children.front());
        return node;
    }

    Node parse_or() {
        Node first = parse_unary();
        if (peek().kind != Kind::op_or) return first;
        Node node{NodeKind::any, "", first.column, {}};
        node.children.push_back(std::move(first));
        while (peek().kind == Kind::op_or) {
            const Lexeme& op = take();
            if (!starts_operand(peek().kind)) missing_operand(op, "OR");
            node.children.push_back(parse_unary());
        }
        return node;
    }

    Node parse_unary() {
        const Lexeme& lx = peek();
        if (lx.kind == Kind::minus || lx.kind == Kind::op_not || lx.kind == Kind::plus) {
            const Lexeme& op = take();
            if (!starts_operand(peek().kind) || peek().kind == Kind::minus || peek().kind == Kind::plus) {
                missing_operand(op, op.kind == Kind::op_not ? "NOT" : op.kind == Kind::minus ? "'-'" : "'+'");
            }
            Node inner = op.kind == Kind::op_not ? parse_unary() : parse_primary();
            const NodeKind kind = op.kind == Kind::plus ? NodeKind::required : NodeKind::excluded;
            return Node{kind, "", op.column, {std::move(inner)}};
        }
        return parse_primary();
    }

    Node parse_primary() {
        const Lexeme& lx = take();
        switch (lx.kind) {
            case Kind::word: return Node{NodeKind::word, lx.text, lx.column, {}};
            case Kind::phrase: return Node{NodeKind::phrase, lx.text, lx.column, {}};
            case Kind::lparen: {
                if (peek().kind == Kind::rparen) {
                    throw QueryError("empty parentheses at column " + std::to_string(lx.column), lx.column);
                }
                Node inner = parse_and();
                if (peek().kind != Kind::rparen) {
                    throw QueryError("unclosed '(' at column " + std::to_string(lx.column), lx.column);
                }
                take();
                return inner;
            }
            default:
                throw QueryError("unexpected '" + lx.text + "' at column " + std::to_string(lx.column),
                                 lx.column);
        }
    }
};

// ---- building the Xapian query -----------------------------------------------------------------

class Builder {
public:
    Builder(Analyzer& analyzer, const QueryParser::Expander& expander, MatchMode mode)
        : analyzer_(analyzer), expander_(expander), mode_(mode) {}

    std::vector<MatchPattern> patterns;

    std::optional<Xapian::Query> build(const Node& node) {
        switch (node.kind) {
            case NodeKind::word: return word(node.text);
            case NodeKind::phrase: return phrase(node.text);
            case NodeKind::any: return any(node);
            case NodeKind::all: return all(node);
            case NodeKind::required: return build(node.children.front());
            case NodeKind::excluded:
                return all(Node{NodeKind::all, "", node.column, {node}});
        }
        return std::nullopt;
    }

private:
    Analyzer& analyzer_;
    const QueryParser::Expander& expander_;
    MatchMode mode_;
    int exclusion_depth_ = 0;  // no highlights for words inside an exclusion

    void add_pattern(std::vector<std::vector<std::string>> sequence) {
        if (exclusion_depth_ == 0) patterns.push_back(MatchPattern{std::move(sequence), 1.0});
    }

    static Xapian::Query phrase_of(const std::vector<std::string>& terms) {
        std::vector<Xapian::Query> parts(terms.begin(), terms.end());
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), terms.size());
    }

    std::optional<Xapian::Query> exact_terms(const std::vector<Token>& tokens) {
        if (tokens.empty()) return std::nullopt;
        std::vector<std::string> terms;
        std::vector<std::vector<std::string>> sequence;
        for (const auto& t : tokens) {
            terms.push_back(t.term);
            sequence.push_back({t.term});
        }
        add_pattern(std::move(sequence));
        if (terms.size() == 1) return Xapian::Query(terms.front());
        return phrase_of(terms);
    }

    std::optional<Xapian::Query> word(const std::string& text) {
        const std::vector<Token> tokens = analyzer_.tokens(text);
        if (tokens.size() != 1) return exact_terms(tokens);  // 20-year-old, 北京: a phrase
        std::vector<std::string> forms = expander_(tokens.front().term);
        add_pattern({forms});
        if (forms.size() == 1) return Xapian::Query(forms.front());
        std::vector<Xapian::Query> parts(forms.begin(), forms.end());
        return Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
    }

    std::optional<Xapian::Query> phrase(const std::string& text) {
        return exact_terms(analyzer_.tokens(text));
    }

    std::optional<Xapian::Query> any(const Node& node) {
        std::vector<Xapian::Query> parts;
        for (const auto& child : node.children) {
            if (child.kind == NodeKind::excluded) {
                throw QueryError("an exclusion at column " + std::to_string(child.column) +
                                     " cannot be an alternative of OR; exclude outside the OR "
                                     "group, as in '(a OR b) -c'", child.column);
            }
            if (auto q = build(child)) parts.push_back(std::move(*q));
        }
        if (parts.empty()) return std::nullopt;
        return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    }

    std::optional<Xapian::Query> all(const Node& node) {
        std::vector<Xapian::Query> required, optional, excluded;
        std::size_t first_exclusion = 0;
        for (const auto& child : node.children) {
            if (child.kind == NodeKind::excluded) {
                if (first_exclusion == 0) first_exclusion = child.column;
                ++exclusion_depth_;
                auto q = build(child.children.front());
                --exclusion_depth_;
                if (q) excluded.push_back(std::move(*q));
                continue;
            }
            auto q = build(child);
            if (!q) continue;
            if (child.kind == NodeKind::required || mode_ == MatchMode::all) required.push_back(std::move(*q));
            else optional.push_back(std::move(*q));
        }
        if (required.empty() && optional.empty()) {
            if (!excluded.empty()) {
                throw QueryError("a query made only of exclusions (from column " +
                                     std::to_string(first_exclusion) +
                                     ") matches nothing: add a word or phrase to search for, as "
                                     "in 'oil -crude'", first_exclusion);
            }
            return std::nullopt;
        }
        std::optional<Xapian::Query> result;
        if (!required.empty()) {
            result = required.size() == 1 ? required.front()
                                          : Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
        }
        if (!optional.empty()) {
            Xapian::Query any_of = optional.size() == 1
                                       ? optional.front()
                                       : Xapian::Query(Xapian::Query::OP_OR, optional.begin(), optional.end());
            result = result ? Xapian::Query(Xapian::Query::OP_AND_MAYBE, *result, any_of) : any_of;
        }
        if (!excluded.empty()) {
            Xapian::Query none_of(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
            result = Xapian::Query(Xapian::Query::OP_AND_NOT, *result, none_of);
        }
        return result;
    }
};

}  // namespace

ParsedQuery QueryParser::parse(std::string_view query, MatchMode mode) const {
    std::string text(query);
    repair_utf8(text);
    Parser parser(lex(text));
    const Node root = parser.parse_query();
    Builder builder(analyzer_, expander_, mode);
    std::optional<Xapian::Query> built = builder.build(root);
    if (!built) throw QueryError("the query has no words to search for", 0);
    return ParsedQuery{std::move(*built), std::move(builder.patterns)};
}

}  // namespace newsdex
