// The fuzz targets: one plain function each, bytes in, which returns normally for any input
// and throws Violation (fuzz_checks.h) when the code under test breaks a promise its header
// makes. The libFuzzer entry point (libfuzzer_main.cpp) and the regression test
// (tests/fuzz_regression_test.cpp) both call these, so a saved failing input replays through
// the very code that found it. targets.txt lists the names with their seeds.
#pragma once

#include <string_view>
#include <vector>

namespace newsdex::fuzz {

struct Target {
    std::string_view name;
    void (*run)(std::string_view bytes);
};

// Every target, in targets.txt's order.
const std::vector<Target>& targets();

// The target called `name`, or nullptr.
const Target* find_target(std::string_view name);

// The readers of whole UTF-8 texts (reader_targets.cpp).
void text_target(std::string_view bytes);
void markdown_target(std::string_view bytes);
void json_target(std::string_view bytes);
void jsonl_target(std::string_view bytes);
void html_target(std::string_view bytes);
void feed_target(std::string_view bytes);
void nitf_target(std::string_view bytes);
void xml_target(std::string_view bytes);
void trec_target(std::string_view bytes);
void reuters_target(std::string_view bytes);

// Byte streams (stream_targets.cpp).
void warc_target(std::string_view bytes);
void archive_target(std::string_view bytes);
void compressed_target(std::string_view bytes);
void records_target(std::string_view bytes);  // record_stream_target.cpp: large files' splitters

void encoding_target(std::string_view bytes);  // encoding_target.cpp
void date_target(std::string_view bytes);      // date_target.cpp
void query_target(std::string_view bytes);     // query_target.cpp
void analyzer_target(std::string_view bytes);  // analyzer_target.cpp

}  // namespace newsdex::fuzz
