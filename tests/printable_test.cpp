// Text from input shown on a terminal (util/printable.h): each row is raw bytes in, the escaped
// form out, for one-line values and for multi-line text.
#include <gtest/gtest.h>

#include <string>

#include "util/printable.h"

namespace {

using namespace std::string_literals;
using newsdex::printable;
using newsdex::printable_text;

TEST(Printable, EscapesControlsAndBadBytesOnly) {
    const struct {
        const char* name;
        std::string input;
        std::string line;  // printable()
        std::string text;  // printable_text()
    } rows[] = {
        {"plain ASCII", "North Korean troops", "North Korean troops", "North Korean troops"},
        {"accents, CJK and emoji stay", "Zürich 東京 \xF0\x9F\x98\x80", "Zürich 東京 \xF0\x9F\x98\x80",
         "Zürich 東京 \xF0\x9F\x98\x80"},
        {"an ANSI colour sequence", "\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m", "\\x1b[31mred\\x1b[0m"},
        {"NUL, BEL, DEL", "a\0b\x07" "c\x7f"s, "a\\x00b\\x07c\\x7f", "a\\x00b\\x07c\\x7f"},
        {"line breaks and tabs: escaped in a line, kept in text", "one\ttwo\nthree\r\nfour",
         "one\\x09two\\x0athree\\x0d\\x0afour", "one\ttwo\nthree\r\nfour"},
        {"a lone carriage return rewrites the line: always escaped", "safe\rEVIL", "safe\\x0dEVIL",
         "safe\\x0dEVIL"},
        {"C1 controls (U+009B is a one-character CSI)", "a\xC2\x9B" "31mb\xC2\x85", "a\\u009b31mb\\u0085",
         "a\\u009b31mb\\u0085"},
        {"U+00A0 after the C1 range stays", "a\xC2\xA0z", "a\xC2\xA0z", "a\xC2\xA0z"},
        {"invalid bytes, one escape each", "caf\xE9 \xFF\xFE", "caf\\xe9 \\xff\\xfe",
         "caf\\xe9 \\xff\\xfe"},
        {"a truncated sequence", "\xE2\x82" "x", "\\xe2\\x82x", "\\xe2\\x82x"},
        {"a surrogate encoded in UTF-8 is ill-formed", "\xED\xA0\x80", "\\xed\\xa0\\x80", "\\xed\\xa0\\x80"},
        {"an overlong slash", "\xC0\xAF", "\\xc0\\xaf", "\\xc0\\xaf"},
        {"backslashes are left alone", "C:\\news\\x41", "C:\\news\\x41", "C:\\news\\x41"},
        {"empty", "", "", ""},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(printable(row.input), row.line) << row.name;
        EXPECT_EQ(printable_text(row.input), row.text) << row.name;
    }
}

}  // namespace
