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
};

}  // namespace newsdex
