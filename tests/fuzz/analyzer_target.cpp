// The analyzer (analysis/analyzer.h): bytes in (made valid UTF-8, as every caller does), tokens
// out. Each token's offsets lie within the text, begin <= end, both on code point boundaries;
// positions count the tokens from 0; terms are non-empty valid UTF-8 within kMaxTermBytes.
// Run with accent folding and stemming on, and with both off.
#include <string>

#include "analysis/analyzer.h"
#include "fuzz_checks.h"
#include "fuzz_targets.h"
#include "util/utf8.h"

namespace newsdex::fuzz {

namespace {

void check_tokens(Analyzer& analyzer, std::string_view text) {
    std::uint32_t position = 0;
    for (const Token& token : analyzer.tokens(text)) {
        require(token.begin <= token.end && token.end <= text.size(), "token offsets outside the text");
        require(on_code_point_boundary(text, token.begin) && on_code_point_boundary(text, token.end),
                "token offsets inside a code point");
        require(token.position == position++, "token positions do not count the tokens");
        require(!token.term.empty() && token.term.size() <= kMaxTermBytes, "term empty or too long");
        require(is_valid_utf8(token.term), "term is not valid UTF-8");
        require(is_valid_utf8(analyzer.stem(token.term)), "stem is not valid UTF-8");
    }
    require(is_valid_utf8(analyzer.normalize_word(text)), "normalize_word gave ill-formed UTF-8");
    require(is_valid_utf8(analyzer.normalize_value(text)), "normalize_value gave ill-formed UTF-8");
}

}  // namespace

void analyzer_target(std::string_view bytes) {
    static Analyzer folding{AnalyzerSettings{}};
    static Analyzer plain{AnalyzerSettings{"none", false, true}};
    std::string text(bytes);
    repair_utf8(text);
    check_tokens(folding, text);
    check_tokens(plain, text);
}

}  // namespace newsdex::fuzz
