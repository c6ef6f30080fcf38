// Walks the paths given to newsdex-index and feeds every readable article to the writer:
// read (file loader or libarchive stream + reader chosen by name, or by content sniffing for
// names that say nothing) → fill id and path → write.
// Each article gets its path relative to the root it was found under — "archive.tar.gz:inner/
// name" inside an archive — plus "#n" for the n-th record of a multi-article file (a WARC
// record's ordinal), and its own id or, lacking one, that path. Its file term is the file on
// disk (the archive, for its entries), so everything from one file can be found together.
//
// Incremental: a file whose size and mtime match the state recorded when it was last indexed
// is skipped; a changed file is read again and its articles that are gone are deleted; with
// `prune`, files of a root that are gone are deleted after a complete scan of that root.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <functional>
#include <optional>

#include "index/parallel_writer.h"
#include "index/partition.h"
#include "index/shard_writer.h"
#include "readers/archive_source.h"
#include "readers/encoding.h"
#include "readers/input_file.h"
#include "readers/reader.h"
#include "readers/reader_registry.h"
#include "util/diagnostics.h"

namespace newsdex {

struct IndexSummary {
    std::size_t unchanged = 0;      // articles of files skipped as unchanged
    std::size_t files_unchanged = 0;
    std::size_t files_total = 0;    // files found by the walk (archives count once)
    std::size_t bytes_total = 0;    // their size on disk
    std::size_t bytes_done = 0;     // size on disk of the files handled so far
    std::size_t articles_sent = 0;  // articles handed to the writer so far
    std::size_t other_parts = 0;    // articles read but left to other parts (--part)
    std::size_t files_read = 0;     // files and archive entries a reader handled
    std::size_t files_ignored = 0;  // hidden files, unknown names (also inside archives)
    std::size_t files_failed = 0;   // unreadable, binary, empty or damaged files and entries
    std::size_t entries_empty = 0;  // archive entries with nothing in them (no warning each)
    std::size_t bytes = 0;          // bytes of text read (after decompression and decoding)
};

struct FoundFile;

// What one input may cost, so that no file, however large or hostile, can exhaust memory or
// time (newsdex-index's --max-* options).
struct InputLimits {
    // Text of one article (title and body); past it the body is cut at a character boundary
    // with a warning. Files of a whole-text format (a page, an article) are read up to twice
    // this; files of many records (JSON, JSON Lines, TREC, Reuters SGML) larger than this are
    // read record by record, and one record may then be twice this in raw bytes.
    std::size_t max_article_bytes = std::size_t{16} << 20;
    // What one file on disk may expand to beyond its own size (decompression, archive entries).
    std::uint64_t max_expanded_bytes = std::uint64_t{4} << 30;
    // Archives inside archives are opened down to this depth (the file on disk is depth 1).
    std::size_t max_archive_depth = 3;
    // Entries of one file on disk, nested archives' entries included.
    std::size_t max_archive_entries = 1'000'000;
};

struct WalkOptions {
    DecodeOptions decode;   // applies to every file (newsdex-index --encoding)
    bool prune = false;     // delete the articles of files that are gone
    bool follow_links = false;  // enter symbolic links to folders (loops are detected)
    // Called after each file, and every few articles inside large ones, on this thread.
    std::function<void(const IndexSummary&)> progress;
    InputLimits limits;
    // Only the articles of this part are written (newsdex-index --part, partition.h); the
    // others are counted in IndexSummary::other_parts. Files' states are recorded either way,
    // so an unchanged file is skipped next time whichever parts its articles belong to.
    std::optional<PartOf> part;
};

class FolderIndexer {
public:
    static constexpr std::size_t kWarningLinesPerFile = 10;

    // `states` are the file states recorded in the database when the run started.
    FolderIndexer(ParallelWriter& writer, const FileStates& states, Diagnostics& diag,
                  WalkOptions options = {})
        : writer_(writer), states_(states), diag_(diag), options_(std::move(options)) {}

    // Indexes files and folders (recursively; hidden entries skipped). A path that does not
    // exist is a warning; when none of them exists, throws Error. The caller finishes the
    // writer. Damaged archives and compressed files are warnings: what was read before the
    // damage is indexed. Only regular files are opened (FIFOs, sockets and devices are a
    // warning each); symbolic links to folders are entered only with `follow_links`. A file
    // that changes or disappears while it is read is a warning and is recorded with a state
    // no file matches, so the next run reads it again. One file prints at most kWarningLinesPerFile warnings (an
    // archive's entries count toward the archive), then how many more it had.
    IndexSummary run(const std::vector<std::string>& paths);

private:
    // Where bytes come from: the article path they give (before "#n"), the file on disk
    // relative to its root (the file term), and the name that chooses their reader.
    struct Source {
        std::string path;
        std::string file;
        std::string name;
    };
    // What the file on disk being read has expanded to, against InputLimits.
    struct Expansion {
        const ArchiveStream* outer = nullptr;  // the stream over the file on disk
        std::uint64_t allowed = 0;
        std::uint64_t produced = 0;
        std::size_t entries = 0;
    };
    class MeteredStream;
    // A file's article numbers and ids, to warn about an id used twice (bounded: see add()).
    using IdsSeen = std::unordered_map<std::string, std::size_t>;

    ParallelWriter& writer_;
    const FileStates& states_;
    Diagnostics& diag_;
    WalkOptions options_;
    IndexSummary summary_;
    std::string file_key_;  // the file being indexed (schema::file_key)
    Diagnostics* file_warnings_ = nullptr;  // that file's warnings (capped), while it is read
    std::string file_path_;                 // the file on disk being read, relative to its root
    Expansion expansion_;                   // of the file being read
    bool input_cut_ = false;                // only the first part of the current input was read
    std::chrono::steady_clock::time_point last_progress_;

    void visit_file(const FoundFile& file);
    // False, after a warning, when the file changed or vanished while it was read.
    bool unchanged_since_open(const InputFile& input, const FoundFile& file);
    void prune(const std::string& root_id, bool complete, const std::vector<FoundFile>& files);
    void report_progress(bool file_done);
    void index_file(const InputFile& input, const std::string& relative_path);
    void index_archive(ArchiveStream& archive, const std::string& path, std::size_t depth);
    void index_entry(ArchiveStream& archive, const std::string& path, const std::string& entry, std::size_t depth);
    void index_decompressed(ArchiveStream& stream, const Source& source);
    void index_stream(ByteStream& stream, const Source& source);
    void index_warc(ByteStream& stream, const Source& source);
    void index_bytes(std::string bytes, const Source& source, const Reader& reader);
    void index_records(std::string head, ByteStream& rest, const Source& source, const ReaderChoice& choice);
    void add(Article&& article, std::size_t record, const Source& source, IdsSeen& ids_seen);
    void report_damage(const StreamError& error, std::string_view where);
};

}  // namespace newsdex
