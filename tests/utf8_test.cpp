// UTF-8 repair follows the Unicode standard's "maximal subpart" practice (Unicode 15, §3.9,
// U+FFFD substitution): each row is raw bytes in, text and replacement count out.
#include <gtest/gtest.h>

#include <string>

#include "util/utf8.h"

namespace {

using newsdex::append_utf8;
using newsdex::count_code_points;
using newsdex::repair_utf8;

#define R "\xEF\xBF\xBD"  // U+FFFD

TEST(Utf8, RepairReplacesEachMaximalSubpart) {
    const struct {
        const char* name;
        std::string input;
        std::string expected;
        std::size_t replaced;
    } rows[] = {
        {"ascii", "plain text", "plain text", 0},
        {"two, three and four bytes", "\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80",
         "\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80", 0},
        {"largest code point", "\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", 0},
        {"empty", "", "", 0},
        {"lone continuation byte", "a\x80z", "a" R "z", 1},
        {"two continuation bytes", "\x80\xBF", R R, 2},
        {"C0/C1 leads are always overlong", "\xC0\xAF", R R, 2},
        {"overlong three bytes", "\xE0\x80\xAF", R R R, 3},
        {"overlong four bytes", "\xF0\x80\x80\xAF", R R R R, 4},
        {"surrogate", "\xED\xA0\x80", R R R, 3},
        {"last code point before surrogates", "\xED\x9F\xBF", "\xED\x9F\xBF", 0},
        {"above U+10FFFF", "\xF4\x90\x80\x80", R R R R, 4},
        {"F5..FF never appear", "\xF5\xFF", R R, 2},
        {"truncated at end of text", "a\xE2\x82", "a" R, 1},
        {"truncated before ASCII", "\xE2\x82" "A", R "A", 1},
        {"truncated four-byte sequence", "\xF0\x9F\x98x", R "x", 1},
        {"lead byte at end", "a\xC2", "a" R, 1},
        {"lead byte before another lead", "\xC2\xC3\xA9", R "\xC3\xA9", 1},
        // The example in the standard: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
        {"unicode standard example", "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
         "a" R R R "b" R "c" R R "d", 6},
    };
    for (const auto& row : rows) {
        std::string text = row.input;
        EXPECT_EQ(repair_utf8(text), row.replaced) << row.name;
        EXPECT_EQ(text, row.expected) << row.name;
    }
}

TEST(Utf8, CountsCodePoints) {
    const struct {
        std::string text;
        std::size_t expected;
    } rows[] = {
        {"", 0},
        {"abc", 3},
        {"\xC3\xA9t\xC3\xA9", 3},
        {"\xE4\xB8\xAD\xE6\x96\x87", 2},
        {"\xF0\x9F\x98\x80!", 2},
    };
    for (const auto& row : rows) EXPECT_EQ(count_code_points(row.text), row.expected) << row.text;
}

TEST(Utf8, AppendsEncodings) {
    const struct {
        char32_t cp;
        std::string expected;
    } rows[] = {
        {0x41, "A"},
        {0x7F, "\x7F"},
        {0x80, "\xC2\x80"},
        {0xE9, "\xC3\xA9"},
        {0x7FF, "\xDF\xBF"},
        {0x800, "\xE0\xA0\x80"},
        {0x4E2D, "\xE4\xB8\xAD"},
        {0xFFFD, R},
        {0xFFFF, "\xEF\xBF\xBF"},
        {0x10000, "\xF0\x90\x80\x80"},
        {0x1F600, "\xF0\x9F\x98\x80"},
        {0x10FFFF, "\xF4\x8F\xBF\xBF"},
        {0xD800, R},  // surrogates have no UTF-8 form
        {0xDFFF, R},
        {0x110000, R},
    };
    for (const auto& row : rows) {
        std::string out = "x";
        append_utf8(out, row.cp);
        EXPECT_EQ(out, "x" + row.expected) << std::hex << static_cast<unsigned long>(row.cp);
    }
}

}  // namespace

TEST(Utf8PrefixLength, NeverEndsInsideASequence) {
    const std::string text = "a\xC3\xA9" "b\xE2\x82\xAC";  // a é b €
    EXPECT_EQ(newsdex::utf8_prefix_length(text, 0), 0u);
    EXPECT_EQ(newsdex::utf8_prefix_length(text, 1), 1u);
    EXPECT_EQ(newsdex::utf8_prefix_length(text, 2), 1u);  // inside é
    EXPECT_EQ(newsdex::utf8_prefix_length(text, 3), 3u);
    EXPECT_EQ(newsdex::utf8_prefix_length(text, 5), 4u);  // inside €
    EXPECT_EQ(newsdex::utf8_prefix_length(text, 6), 4u);
    EXPECT_EQ(newsdex::utf8_prefix_length(text, 7), 7u);
    EXPECT_EQ(newsdex::utf8_prefix_length(text, 100), 7u);
    // Bytes a stream cut short: the half character at the end is dropped.
    EXPECT_EQ(newsdex::utf8_prefix_length("ab\xE2\x82", 4), 2u);
    EXPECT_EQ(newsdex::utf8_prefix_length("ab\xC3", 3), 2u);
}
