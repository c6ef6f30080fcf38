// The interface every input format implements. A reader turns the text of one file into
// articles; it never touches the file system or the index (the file loader and the indexer
// do), so each format is a small, separately testable module.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "article/article.h"
#include "util/diagnostics.h"

namespace newsdex {

// Receives each article of a file, in file order, with its record number: 1-based for the
// records of a multi-article container (a JSON array, a JSON Lines file), 0 for a file that
// is one article by its format (a .txt, a single JSON object).
using ArticleSink = std::function<void(Article&& article, std::size_t record)>;

class Reader {
public:
    virtual ~Reader() = default;

    // `text` is the whole file as valid UTF-8 (BOM removed). `file` names it in warnings.
    // Problems in one record are warnings (through `diag`, naming file and line/record) and
    // reading goes on with the next record; records that are empty() are not passed to sink.
    virtual void read(std::string_view text, std::string_view file, const ArticleSink& sink,
                      Diagnostics& diag) const = 0;

    // Where a run of records begins inside its file: the line of its first byte (1-based) and
    // the number the first record gets.
    struct Start {
        std::size_t line = 1;
        std::size_t record = 1;
    };

    // For formats of many records a file (readers/reader_registry.h says which), read in
    // pieces when a file is too large to hold whole: `text` is a run of whole records (one JSON
    // record, or <DOC>s cut at a closing tag), warnings and records are numbered from `start`,
    // and the return value is how many records the run held. A whole-text format never gets
    // here: the default throws std::logic_error.
    virtual std::size_t read_records(std::string_view text, std::string_view file, Start start,
                                     const ArticleSink& sink, Diagnostics& diag) const;
};

}  // namespace newsdex
