#include <gtest/gtest.h>

#include <sstream>

#include "output/progress_line.h"

using newsdex::IndexSummary;
using newsdex::ProgressLine;

TEST(ProgressLine, DescribesFilesBytesRateAndTimeLeft) {
    IndexSummary s;
    s.files_total = 22;
    s.files_read = 10;
    s.files_unchanged = 1;
    s.bytes_total = 20'000'000;
    s.bytes_done = 5'000'000;
    s.articles_sent = 4'000;
    EXPECT_EQ(ProgressLine::describe(s, 2.0), "files 11/22 · 5.0/20.0 MB · 2000 articles/s · ETA 0:06");
}

TEST(ProgressLine, UnknownTimeLeftBeforeTheFirstFile) {
    IndexSummary s;
    s.files_total = 3;
    s.bytes_total = 1'000'000;
    EXPECT_EQ(ProgressLine::describe(s, 0.5), "files 0/3 · 0.0/1.0 MB · 0 articles/s · ETA --:--");
}

TEST(ProgressLine, DrawsInPlaceAndClearsOnlyWhenEnabled) {
    IndexSummary s;
    s.files_total = 1;
    std::ostringstream on, off;
    ProgressLine enabled(on, true), disabled(off, false);
    enabled.update(s);
    enabled.clear();
    disabled.update(s);
    disabled.clear();
    EXPECT_TRUE(on.str().starts_with("\r\x1b[Kfiles 0/1 · "));
    EXPECT_TRUE(on.str().ends_with("\r\x1b[K"));
    EXPECT_EQ(off.str(), "");
}
