// Builds the Xapian document of one article, following index/schema.h: positional words of
// title and body, title words also under their prefix, boolean filter terms for metadata,
// the value slots (date, metadata as written, date label), the body's near-duplicate signature
// and the "not yet grouped" marker, and the whole article as stored data.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "article/article.h"
#include "index/near_duplicates.h"
#include "index/stem_table.h"

namespace newsdex {

class DocumentBuilder {
public:
    // `stems` may be null (no stem table is kept then).
    DocumentBuilder(Analyzer& analyzer, StemTableWriter* stems) : analyzer_(analyzer), stems_(stems) {}

    // `article.path` and `article.id` must be set. `file_path` is the key of the file the article came from (schema::file_key)
    // (path without "#n"), for the per-file term.
    Xapian::Document build(const Article& article, const std::string& file_path);

private:
    Analyzer& analyzer_;
    StemTableWriter* stems_;
    // Positions of metadata words: after the body, kValueGap apart between values.
    static constexpr Xapian::termpos kValueGap = 100;
    Xapian::termpos last_pos_ = 0;
    Xapian::termpos next_metadata_pos_ = 0;

    void add_boolean(Xapian::Document& doc, std::string_view prefix, const std::string& value);
    void add_values(Xapian::Document& doc, const Article& article) const;
    void add_signature(Xapian::Document& doc, const near_duplicates::Signature& signature);
    std::string distinct_values(const std::vector<std::string>& values) const;
};

}  // namespace newsdex
