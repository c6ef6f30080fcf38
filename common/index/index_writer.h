// The only place that writes a Newsdex database. Opens or creates it, checks that its analyzer
// settings match, adds or replaces articles by their unique key, and commits in batches so an
// interrupted run leaves the last committed state (Xapian commits are atomic).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "article/article.h"
#include "index/document_builder.h"
#include "index/stem_table.h"

namespace newsdex {

class IndexWriter {
public:
    // Throws Error when the database is being written by another process, cannot be created
    // or opened, was made by an incompatible version, or with other analyzer settings.
    IndexWriter(const std::string& db_path, const AnalyzerSettings& settings);
    ~IndexWriter();  // commits what is pending; errors there are swallowed (call commit())

    // Adds the article, or replaces the one with the same unique key. Returns true when it
    // replaced one. `article.path` and `article.id` must be set; `file_path` is its file.
    bool add(const Article& article, const std::string& file_path);

    // Makes everything added so far durable.
    void commit();

    Analyzer& analyzer() { return analyzer_; }

private:
    std::string path_;
    Xapian::WritableDatabase db_;
    Analyzer analyzer_;
    StemTableWriter stems_;
    DocumentBuilder builder_;
    std::size_t pending_ = 0;
};

// Opens a database for writing, mapping Xapian's errors to messages a user can act on.
Xapian::WritableDatabase open_writable(const std::string& db_path);

}  // namespace newsdex
