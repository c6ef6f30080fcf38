// The invariants the fuzz targets assert, shared by the libFuzzer entry point and the regression
// test. A broken invariant throws Violation, which derives from nothing in std, so no
// `catch (const std::exception&)` on the way can mistake it for an input problem: the entry
// point turns it into an abort (a crash libFuzzer saves), the gtest into a failure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article/article.h"
#include "readers/reader.h"

namespace newsdex::fuzz {

struct Violation {
    std::string message;
};

// Throws Violation(message) unless `holds`.
void require(bool holds, std::string_view message);

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past
// U+10FFFF): the checker is written apart from util/utf8 so a bug there cannot hide itself.
bool is_valid_utf8(std::string_view text);

// True when `offset` is the end of `text` or the start of a code point in it.
bool on_code_point_boundary(std::string_view text, std::size_t offset);

// What a reader handed its sink, in order.
using Records = std::vector<std::pair<Article, std::size_t>>;

// A sink that appends to `records`: checks run after the reader returns, outside its code.
ArticleSink collect(Records& records);

// reader.h's promises about what reaches the sink: every field of every article is valid
// UTF-8, no article is empty(), and the record numbers are 0 for the one article of a
// single-article file, otherwise 1-based and rising in file order.
void check_records(const Records& records);

// diagnostics.h's promise about what it prints: lines escaped by util/printable.h, so the
// text is valid UTF-8 and holds no control character but the line ends.
void check_warnings(std::string_view printed);

}  // namespace newsdex::fuzz
