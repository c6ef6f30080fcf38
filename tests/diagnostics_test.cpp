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
