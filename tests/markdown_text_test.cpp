#include <gtest/gtest.h>

#include "readers/markdown_text.h"

using newsdex::markdown_to_text;

TEST(MarkdownText, RemovesMarkupKeepsWords) {
    struct Row {
        const char* markdown;
        const char* text;
    } rows[] = {
        {"## What happens next\n\nTalks resume.", "What happens next\n\nTalks resume."},
        {"# Title #", "Title"},
        {"Officials in **Kyiv** and *Seoul* said", "Officials in Kyiv and Seoul said"},
        {"snake_case and 2*3 stay", "snake_case and 2*3 stay"},
        {"see [the report](https://x.example/r) now", "see the report now"},
        {"![a map of Kursk](map.png)", "a map of Kursk"},
        {"a [ref link][1] here\n\n[1]: https://x.example", "a ref link here"},
        {"- first\n- second\n1. third", "first\nsecond\nthird"},
        {"> quoted words\n> more", "quoted words\nmore"},
        {"use `grep` here", "use grep here"},
        {"```\ncode *stays*\n```\nafter", "code *stays*\nafter"},
        {"Heading\n=======\n\nBody", "Heading\n\nBody"},
        {"one\n\n---\n\ntwo", "one\n\ntwo"},
        {"#hashtag is not a heading", "#hashtag is not a heading"},
        {"Zürich’s __tram__ line", "Zürich’s tram line"},
    };
    for (const auto& row : rows) EXPECT_EQ(markdown_to_text(row.markdown), row.text) << row.markdown;
}
