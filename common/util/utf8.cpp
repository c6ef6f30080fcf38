#include "util/utf8.h"

#include <algorithm>

namespace newsdex {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// The range the second byte of a sequence may take, by lead byte. Unicode Table 3-7
// narrows it for E0 (no overlongs), ED (no surrogates), F0 (no overlongs) and F4 (nothing
// above U+10FFFF); checking it on the second byte is what makes a maximal subpart end there.
struct Lead {
    int length;  // 0: not a lead byte
    unsigned char second_lo;
    unsigned char second_hi;
};

Lead lead_info(unsigned char b) {
    if (b < 0x80) return {1, 0, 0};
    if (b < 0xC2) return {0, 0, 0};  // continuation bytes, and C0/C1 (always overlong)
    if (b < 0xE0) return {2, 0x80, 0xBF};
    if (b == 0xE0) return {3, 0xA0, 0xBF};
    if (b == 0xED) return {3, 0x80, 0x9F};
    if (b < 0xF0) return {3, 0x80, 0xBF};
    if (b == 0xF0) return {4, 0x90, 0xBF};
    if (b < 0xF4) return {4, 0x80, 0xBF};
    if (b == 0xF4) return {4, 0x80, 0x8F};
    return {0, 0, 0};  // F5..FF never appear in UTF-8
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Length of the well-formed sequence at `pos`, or 0 when it is ill-formed; in that case
// `subpart` receives the length of the maximal subpart to replace (at least 1).
std::size_t sequence_at(std::string_view text, std::size_t pos, std::size_t& subpart) {
    const auto lead = lead_info(static_cast<unsigned char>(text[pos]));
    subpart = 1;
    if (lead.length == 0) return 0;
    if (lead.length == 1) return 1;
    for (int i = 1; i < lead.length; ++i) {
        if (pos + i >= text.size()) return 0;
        const auto b = static_cast<unsigned char>(text[pos + i]);
        const bool ok = i == 1 ? (b >= lead.second_lo && b <= lead.second_hi) : is_continuation(b);
        if (!ok) return 0;
        subpart = i + 1;
    }
    return static_cast<std::size_t>(lead.length);
}

}  // namespace

std::size_t repair_utf8(std::string& text) {
    std::string out;
    std::size_t replaced = 0;
    std::size_t copied_up_to = 0;  // text[copied_up_to, pos) is valid and not yet in `out`
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t subpart = 0;
        const std::size_t length = sequence_at(text, pos, subpart);
        if (length != 0) {
            pos += length;
            continue;
        }
        // Build the copy only once something needs replacing: valid text is never copied.
        out.append(text, copied_up_to, pos - copied_up_to);
        append_utf8(out, kReplacement);
        ++replaced;
        pos += subpart;
        copied_up_to = pos;
    }
    if (replaced != 0) {
        out.append(text, copied_up_to, std::string::npos);
        text = std::move(out);
    }
    return replaced;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if (!is_continuation(static_cast<unsigned char>(c))) ++count;
    }
    return count;
}

void append_utf8(std::string& out, char32_t cp) {
    // Surrogates and values beyond U+10FFFF have no UTF-8 form; writing them would break
    // the "all strings are valid UTF-8" promise, so they become U+FFFD.
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacement;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t utf8_prefix_length(std::string_view text, std::size_t max) {
    const std::size_t n = std::min(max, text.size());
    std::size_t start = n;  // of the last sequence: back over its continuation bytes
    std::size_t continuations = 0;
    while (start > 0 && continuations < 4 && is_continuation(static_cast<unsigned char>(text[start - 1]))) {
        --start;
        ++continuations;
    }
    if (start == 0) return n;
    const auto lead = static_cast<unsigned char>(text[start - 1]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return length > 1 && continuations + 1 < length ? start - 1 : n;
}

}  // namespace newsdex
