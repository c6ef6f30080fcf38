#include "util/printable.h"


namespace newsdex {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_byte_escape(std::string& out, unsigned char byte) {
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
}

// The length of the well-formed UTF-8 sequence at text[pos] (which is not ASCII), or 0 when
// the byte there does not start one (Unicode Table 3-7: no overlongs, surrogates, or values
// beyond U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t pos) {
    const auto b = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (pos + length > text.size()) return 0;
    const auto second = static_cast<unsigned char>(text[pos + 1]);
    if (second < lo || second > hi) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return 0;
    }
    return length;
}

bool is_c0_or_del(unsigned char c) { return c < 0x20 || c == 0x7F; }

// U+0080–U+009F are encoded C2 80 – C2 9F.
bool is_c1(std::string_view text, std::size_t pos) {
    return static_cast<unsigned char>(text[pos]) == 0xC2 &&
           static_cast<unsigned char>(text[pos + 1]) <= 0x9F;
}

std::string escaped(std::string_view text, bool keep_layout) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            const bool layout = c == '\n' || c == '\t' ||
                                (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n');
            if (is_c0_or_del(c) && !(keep_layout && layout)) {
                append_byte_escape(out, c);
            } else {
                out += static_cast<char>(c);
            }
            ++pos;
            continue;
        }
        const std::size_t length = sequence_length(text, pos);
        if (length == 0) {
            append_byte_escape(out, c);
            ++pos;
        } else if (length == 2 && is_c1(text, pos)) {
            const auto second = static_cast<unsigned char>(text[pos + 1]);
            out += "\\u00";
            out += kHex[second >> 4];
            out += kHex[second & 0xF];
            pos += 2;
        } else {
            out.append(text, pos, length);
            pos += length;
        }
    }
    return out;
}

}  // namespace

std::string printable(std::string_view text) { return escaped(text, false); }

std::string printable_text(std::string_view text) { return escaped(text, true); }

}  // namespace newsdex
