// Walks the paths given to newsdex-index and feeds every readable article to the IndexWriter:
// read (file loader + reader chosen by extension) → fill id and path → write.
// Each article gets its path relative to the root it was found under, "#n" for the n-th record
// of a multi-article file, and its own id or, lacking one, that path.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "index/index_writer.h"
#include "util/diagnostics.h"

namespace newsdex {

struct IndexSummary {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t files_read = 0;     // files a reader handled
    std::size_t files_ignored = 0;  // hidden files and unknown extensions
    std::size_t files_failed = 0;   // unreadable, binary or empty files
    std::size_t bytes = 0;          // bytes of the files read
};

class FolderIndexer {
public:
    FolderIndexer(IndexWriter& writer, Diagnostics& diag) : writer_(writer), diag_(diag) {}

    // Indexes files and folders (recursively; hidden entries skipped). A path that does not
    // exist is a warning; when none of them exists, throws Error. Commits at the end.
    IndexSummary run(const std::vector<std::string>& paths);

private:
    IndexWriter& writer_;
    Diagnostics& diag_;
    IndexSummary summary_;

    void index_file(const std::string& full_path, const std::string& relative_path);
};

}  // namespace newsdex
