#include "query/query_syntax.h"

#include "util/errors.h"

namespace newsdex::query {

namespace {

std::string at(std::size_t column) { return " at column " + std::to_string(column); }

class Parser {
public:
    explicit Parser(std::vector<Lexeme> lexemes) : lx_(std::move(lexemes)) {}

    Node parse_query() {
        if (peek().kind == Kind::end) throw QueryError("empty query", 0);
        Node node = parse_and();
        if (peek().kind == Kind::rparen) throw QueryError("unmatched ')'" + at(peek().column), peek().column);
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
    static bool starts_primary(Kind k) { return k == Kind::word || k == Kind::phrase || k == Kind::lparen; }

    static std::string name_of(const Lexeme& op) {
        return op.kind == Kind::minus || op.kind == Kind::plus ? "'" + op.text + "'" : op.text;
    }

    [[noreturn]] static void missing_operand(const Lexeme& op) {
        throw QueryError(name_of(op) + at(op.column) + " needs a word or phrase after it", op.column);
    }
    [[noreturn]] static void missing_left(const Lexeme& op) {
        throw QueryError(name_of(op) + at(op.column) + " needs a word or phrase before it", op.column);
    }

    Node parse_and() {
        Node node{NodeKind::all, peek().column};
        for (;;) {
            const Kind k = peek().kind;
            if (k == Kind::op_and) {
                const Lexeme& op = take();
                if (node.children.empty()) missing_left(op);
                if (!starts_operand(peek().kind)) missing_operand(op);
                continue;
            }
            if (k == Kind::op_or || k == Kind::op_near) missing_left(peek());
            if (!starts_operand(k)) break;
            node.children.push_back(parse_or());
        }
        if (node.children.size() == 1) return std::move(node.children.front());
        return node;
    }

    Node parse_or() {
        Node first = parse_unary();
        if (peek().kind != Kind::op_or) return first;
        Node node{NodeKind::any, first.column};
        node.children.push_back(std::move(first));
        while (peek().kind == Kind::op_or) {
            const Lexeme& op = take();
            if (!starts_operand(peek().kind)) missing_operand(op);
            node.children.push_back(parse_unary());
        }
        return node;
    }

    Node parse_unary() {
        const Kind k = peek().kind;
        if (k != Kind::minus && k != Kind::plus && k != Kind::op_not) return parse_near();
        const Lexeme& op = take();
        if (!starts_operand(peek().kind)) missing_operand(op);
        const std::size_t column = op.column;
        const NodeKind kind = op.kind == Kind::plus ? NodeKind::required : NodeKind::excluded;
        Node inner = parse_unary();
        if (inner.kind == NodeKind::excluded || inner.kind == NodeKind::required) {
            throw QueryError(name_of(op) + at(column) + " cannot apply to another '-', '+' or NOT", column);
        }
        Node node{kind, column};
        node.children.push_back(std::move(inner));
        return node;
    }

    Node parse_near() {
        Node first = parse_primary();
        if (peek().kind != Kind::op_near) return first;
        Node node{NodeKind::near, first.column};
        node.children.push_back(std::move(first));
        while (peek().kind == Kind::op_near) {
            const Lexeme& op = take();
            if (!starts_primary(peek().kind)) {
                throw QueryError(op.text + at(op.column) + " needs a word or phrase after it", op.column);
            }
            node.gaps.push_back({op.number, op.column});
            node.children.push_back(parse_primary());
        }
        return node;
    }

    Node parse_primary() {
        const Lexeme& lx = take();
        switch (lx.kind) {
            case Kind::word: return Node{NodeKind::word, lx.column, lx};
            case Kind::phrase: return Node{NodeKind::phrase, lx.column, lx};
            case Kind::lparen: {
                if (peek().kind == Kind::rparen) throw QueryError("empty parentheses" + at(lx.column), lx.column);
                Node inner = parse_and();
                if (peek().kind != Kind::rparen) throw QueryError("unclosed '('" + at(lx.column), lx.column);
                take();
                if (lx.field.empty()) return inner;
                Node group{NodeKind::all, lx.column};
                group.field = lx.field;
                group.children.push_back(std::move(inner));
                return group;
            }
            default:
                throw QueryError("unexpected '" + lx.text + "'" + at(lx.column), lx.column);
        }
    }
};

}  // namespace

Node parse_syntax(std::vector<Lexeme> lexemes) { return Parser(std::move(lexemes)).parse_query(); }

}  // namespace newsdex::query
