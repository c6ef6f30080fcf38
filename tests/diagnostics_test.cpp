#include <gtest/gtest.h>

#include <sstream>

#include "util/diagnostics.h"

using newsdex::Diagnostics;
using newsdex::Where;

TEST(Diagnostics, FormatsEachKindOfLocation) {
    struct Row {
        Where where;
        const char* expected;
    } rows[] = {
        {{"a.txt"}, "warning: a.txt: empty file"},
        {{"a.jsonl", 12}, "warning: a.jsonl:12: empty file"},
        {{"a.json", 0, 3}, "warning: a.json: record 3: empty file"},
        {{"a.json", 7, 3}, "warning: a.json:7: record 3: empty file"},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(Diagnostics::format(row.where, "empty file"), row.expected) << row.expected;
    }
}

TEST(Diagnostics, CountsAndPrintsOneLineEach) {
    std::ostringstream out;
    Diagnostics diag(&out);
    diag.warn({"x.txt"}, "one");
    diag.warn({"y.txt", 2}, "two");
    EXPECT_EQ(diag.count(), 2u);
    EXPECT_EQ(out.str(), "warning: x.txt: one\nwarning: y.txt:2: two\n");
}

TEST(Diagnostics, EscapesControlCharactersAndBadBytesInNamesAndMessages) {
    // A file name can hold anything but '/' and NUL; a message quotes input (an id, a date).
    EXPECT_EQ(Diagnostics::format({"evil\x1b]0;owned\x07.txt"}, "id '\x1b[2J' already used"),
              "warning: evil\\x1b]0;owned\\x07.txt: id '\\x1b[2J' already used");
    EXPECT_EQ(Diagnostics::format({"caf\xE9\nname.json", 3}, "bad"), "warning: caf\\xe9\\x0aname.json:3: bad");
}

TEST(Diagnostics, AFilePrintsTenWarningsThenHowManyMore) {
    std::ostringstream out;
    Diagnostics diag(&out);
    {
        Diagnostics file(diag, "feed.jsonl", 10);
        for (int i = 1; i <= 25; ++i) file.warn({"feed.jsonl", static_cast<std::size_t>(i)}, "malformed JSON");
        file.finish_file();
        EXPECT_EQ(file.count(), 25u);
    }
    // Every warning counts toward the exit code, shown or not; the closing line does not.
    EXPECT_EQ(diag.count(), 25u);
    std::string expected;
    for (int i = 1; i <= 10; ++i) expected += "warning: feed.jsonl:" + std::to_string(i) + ": malformed JSON\n";
    expected += "warning: feed.jsonl: 15 more warnings\n";
    EXPECT_EQ(out.str(), expected);
}

TEST(Diagnostics, AFileWithinItsCapPrintsNoClosingLine) {
    const struct {
        int warnings;
        const char* closing;
    } rows[] = {
        {0, ""},
        {10, ""},
        {11, "warning: a.txt: 1 more warning\n"},
    };
    for (const auto& row : rows) {
        std::ostringstream out;
        Diagnostics diag(&out);
        Diagnostics file(diag, "a.txt", 10);
        for (int i = 0; i < row.warnings; ++i) file.warn({"a.txt"}, "w");
        file.finish_file();
        std::string expected;
        for (int i = 0; i < row.warnings && i < 10; ++i) expected += "warning: a.txt: w\n";
        EXPECT_EQ(out.str(), expected + row.closing) << row.warnings;
        EXPECT_EQ(diag.count(), static_cast<std::size_t>(row.warnings));
    }
}
