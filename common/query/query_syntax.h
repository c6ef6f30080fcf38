// The second stage of the query parser: lexemes into a syntax tree, by recursive descent.
//
//   query    := and_expr END
//   and_expr := or_expr ( ["AND"] or_expr )*          implicit AND between neighbours
//   or_expr  := unary ( "OR" unary )*
//   unary    := ("-" | "+" | "NOT") unary | near_expr
//   near_expr:= primary ( NEAR[/N] primary )*
//   primary  := WORD | PHRASE | [field:] "(" and_expr ")"
//
// So, tightest first: NEAR, unary, OR, AND. `a OR b c` is (a OR b) AND c.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "query/query_lexer.h"

namespace newsdex::query {

enum class NodeKind { word, phrase, all, any, near, excluded, required };

struct Node {
    Node(NodeKind k, std::size_t col, Lexeme lx = {}) : kind(k), column(col), leaf(std::move(lx)) {}

    NodeKind kind;
    std::size_t column = 0;
    Lexeme leaf;                 // word and phrase: the lexeme
    std::string field;           // a group's field (title:( ... )), "" otherwise
    std::vector<Node> children;
    struct Gap {
        unsigned distance;       // the N of NEAR/N
        std::size_t column;      // where the NEAR stands
    };
    std::vector<Gap> gaps;       // near: one between each two children
};

// Throws QueryError for an empty query, unbalanced parentheses, operators without operands.
Node parse_syntax(std::vector<Lexeme> lexemes);

}  // namespace newsdex::query
