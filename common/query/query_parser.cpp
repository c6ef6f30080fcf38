#include "query/query_parser.h"

#include "query/query_builder.h"
#include "query/query_lexer.h"
#include "query/query_syntax.h"
#include "util/utf8.h"

namespace newsdex {

ParsedQuery QueryParser::parse(std::string_view query, MatchMode mode) const {
    std::string text(query);
    repair_utf8(text);
    const query::Node root = query::parse_syntax(query::lex(text));
    ParsedQuery parsed = query::build_query(root, analyzer_, vocabulary_, mode, max_expansions_);
    parsed.text = std::move(text);
    return parsed;
}

}  // namespace newsdex
