// Running a reader in a test: on text given inline (table rows of input, expected articles and
// warnings) or on a fixture file loaded the way the indexer loads it. Each article comes back as
// describe() prints it (article_description.h), warnings as the text Diagnostics printed.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "article_description.h"
#include "readers/file_loader.h"
#include "readers/reader_registry.h"
#include "util/diagnostics.h"

namespace newsdex::testing {

using Articles = std::vector<std::string>;

struct Output {
    Articles articles;  // describe() of each article passed to the sink
    std::string warnings;
};

// A sink that records describe() of each article.
inline ArticleSink collect(Output& output) {
    return [&output](Article&& a, std::size_t record) { output.articles.push_back(describe(a, record)); };
}

inline Output run(const Reader& reader, std::string_view text, std::string_view file) {
    Output output;
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    reader.read(text, file, collect(output), diag);
    output.warnings = warnings.str();
    return output;
}

// One case of a reader table: `input` read as a file named as the table says.
struct Row {
    const char* name;
    const char* input;
    Articles articles;
    const char* warnings = "";
};

inline void check_rows(const Reader& reader, const char* file, const std::vector<Row>& rows) {
    for (const auto& row : rows) {
        const auto output = run(reader, row.input, file);
        EXPECT_EQ(output.articles, row.articles) << row.name;
        EXPECT_EQ(output.warnings, row.warnings) << row.name;
    }
}

// One fixture file and what reading it gives.
struct FixtureRow {
    const char* file;
    Articles articles;
    const char* warnings = "";
};

// The reader for a file the registry does not know by its extension, chosen by its text
// (TREC files often have none); nullptr when there is none.
using SniffingReader = std::function<const Reader*(const std::string& text)>;

// Loads `folder / name` the way the indexer does: file loader, then the reader for its
// extension, else the one `sniff` picks.
inline Output run_fixture(const std::filesystem::path& folder, const std::string& name,
                          const SniffingReader& sniff = {}) {
    Output output;
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    const auto path = folder / name;
    if (const auto text = load_text_file(path, name, diag)) {
        const Reader* reader = reader_for(path);
        if (reader == nullptr && sniff) reader = sniff(*text);
        if (reader == nullptr) {
            ADD_FAILURE() << "no reader for " << name;
        } else {
            reader->read(*text, name, collect(output), diag);
        }
    }
    output.warnings = warnings.str();
    return output;
}

}  // namespace newsdex::testing
