#include "analysis/token_spans.h"

#include "util/varint.h"

namespace newsdex::token_spans {

void append(const std::vector<Span>& spans, std::string& out) {
    put_varint(out, spans.size());
    std::uint32_t previous_end = 0;
    for (const Span& t : spans) {
        put_varint(out, t.begin - previous_end);
        put_varint(out, t.end - t.begin);
        previous_end = t.end;
    }
}

std::optional<std::vector<Token>> read(std::string_view& in, std::string_view text, const Analyzer& analyzer) {
    std::uint64_t count = 0;
    // Each span takes at least two bytes, which bounds a damaged count before reserving.
    if (!read_varint(in, count) || count > in.size() / 2) return std::nullopt;
    std::vector<Token> tokens;
    tokens.reserve(count);
    std::uint64_t end = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        std::uint64_t gap = 0, length = 0;
        if (!read_varint(in, gap) || !read_varint(in, length)) return std::nullopt;
        const std::uint64_t begin = end + gap;
        if (length == 0 || begin > text.size() || length > text.size() - begin) return std::nullopt;
        end = begin + length;
        Token& token = tokens.emplace_back();
        analyzer.normalize_word(text.substr(begin, length), token.term);
        token.position = static_cast<std::uint32_t>(i);
        token.begin = static_cast<std::uint32_t>(begin);
        token.end = static_cast<std::uint32_t>(end);
    }
    return tokens;
}

bool skip(std::string_view& in) {
    std::uint64_t count = 0;
    if (!read_varint(in, count)) return false;
    for (std::uint64_t i = 0; i < 2 * count; ++i) {
        std::uint64_t ignored = 0;
        if (!read_varint(in, ignored)) return false;
    }
    return true;
}

std::vector<Token> field_tokens(std::string_view stored, Field field, std::string_view text, Analyzer& analyzer) {
    if (!stored.empty() && (field == Field::title || skip(stored))) {
        if (auto tokens = read(stored, text, analyzer)) return std::move(*tokens);
    }
    return analyzer.tokens(text);
}

}  // namespace newsdex::token_spans
