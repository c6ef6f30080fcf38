// Walks the paths given to newsdex-index and feeds every readable article to the IndexWriter:
// read (file loader or libarchive stream + reader chosen by name, or by content sniffing for
// names that say nothing) → fill id and path → write.
// Each article gets its path relative to the root it was found under — "archive.tar.gz:inner/
// name" inside an archive — plus "#n" for the n-th record of a multi-article file (a WARC
// record's ordinal), and its own id or, lacking one, that path. Its file term is the file on
// disk (the archive, for its entries), so everything from one file can be found together.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/index_writer.h"
#include "readers/archive_source.h"
#include "readers/encoding.h"
#include "readers/reader.h"
#include "util/diagnostics.h"

namespace newsdex {

struct IndexSummary {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t files_read = 0;     // files and archive entries a reader handled
    std::size_t files_ignored = 0;  // hidden files, unknown names (also inside archives)
    std::size_t files_failed = 0;   // unreadable, binary, empty or damaged files and entries
    std::size_t bytes = 0;          // bytes of text read (after decompression and decoding)
};

class FolderIndexer {
public:
    // `decode` applies to every file (newsdex-index --encoding).
    FolderIndexer(IndexWriter& writer, Diagnostics& diag, DecodeOptions decode = {})
        : writer_(writer), diag_(diag), decode_(std::move(decode)) {}

    // Indexes files and folders (recursively; hidden entries skipped). A path that does not
    // exist is a warning; when none of them exists, throws Error. Commits at the end.
    // Damaged archives and compressed files are warnings: what was read before the damage
    // is indexed.
    IndexSummary run(const std::vector<std::string>& paths);

private:
    // Where bytes come from: the article path they give (before "#n"), the file on disk
    // relative to its root (the file term), and the name that chooses their reader.
    struct Source {
        std::string path;
        std::string file;
        std::string name;
    };

    IndexWriter& writer_;
    Diagnostics& diag_;
    DecodeOptions decode_;
    IndexSummary summary_;

    void index_file(const std::string& full_path, const std::string& relative_path);
    void index_plain(const std::string& full_path, const Source& source);
    void index_archive(const std::string& full_path, const std::string& relative_path);
    void index_entry(ArchiveStream& archive, const std::string& relative_path,
                     const std::string& entry);
    void index_stream(ByteStream& stream, const Source& source);
    void index_warc(ByteStream& stream, const Source& source);
    void index_bytes(std::string bytes, const Source& source, const Reader& reader);
    void add(Article&& article, std::size_t record, const Source& source,
             std::unordered_map<std::string, std::size_t>& ids_seen);
    void report_damage(const StreamError& error, std::string_view where);
};

}  // namespace newsdex
