// A text's tokens kept as their byte spans. Word breaking is most of what analysing a text
// costs; the indexer has the tokens anyway, so it stores where each one is
// (schema::kTokenSpansSlot), and snippets and concordances rebuild the tokens from the spans:
// a token's term is its span normalised exactly as Analyzer::analyze normalises it, its
// position its index. So the rebuilt tokens equal the analyzer's, for every script.
//
// Layout, per text: a varint count, then for each token a varint gap from the previous token's
// end (from 0 for the first) and a varint length, in bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace newsdex::token_spans {

struct Span {
    std::uint32_t begin, end;  // a token's byte offsets
};

// Appends the spans of one text's tokens (in order, as the analyzer gave them).
void append(const std::vector<Span>& spans, std::string& out);

// Reads one text's spans from the front of `in`, advancing it, and rebuilds that text's
// tokens. nullopt when the spans do not fit `text` (damaged data, or spans of another text):
// the caller then analyses the text.
std::optional<std::vector<Token>> read(std::string_view& in, std::string_view text, const Analyzer& analyzer);

// Skips one text's spans at the front of `in`; false when they are damaged.
bool skip(std::string_view& in);

// An article's stored spans hold the title's, then the body's.
enum class Field { title, body };

// The tokens of an article's title or body (`text`) from its stored spans (`stored`, empty
// when the document has none), or from the analyzer when there are none or they are damaged.
std::vector<Token> field_tokens(std::string_view stored, Field field, std::string_view text, Analyzer& analyzer);

}  // namespace newsdex::token_spans
