// The byte-stream readers: WARC records, and archives and compressed streams through
// libarchive. Damaged bytes may only surface as StreamError (archive_source.h), and a WARC
// read from memory, where the stream itself cannot fail, throws nothing at all.
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_targets.h"
#include "readers/archive_source.h"
#include "readers/html_reader.h"
#include "readers/warc_reader.h"

namespace newsdex::fuzz {

namespace {

// Enough to pass every seed through; a small input that inflates past this (a compression
// bomb) is cut short so one run stays fast, and the rest of the stream is not the point.
constexpr std::size_t kMaxBytes = 4 << 20;
constexpr int kMaxEntries = 10000;

void read_compressed(ByteStream& source) {
    ArchiveStream stream(source, ArchiveStream::Mode::compressed);
    std::string name;
    // An empty stream has no entry at all, which the indexer reads as an empty file.
    if (!stream.next_entry(name)) return;
    require(name.empty(), "a compressed stream's entry has a name");
    std::string bytes;
    read_into(stream, bytes, kMaxBytes);
    require(bytes.size() <= kMaxBytes, "read_into went past its limit");
}

}  // namespace

void warc_target(std::string_view bytes) {
    static const HtmlReader html;
    MemoryStream stream(bytes);
    Records records;
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    WarcReader(html).read(stream, "fuzz.warc", collect(records), diag);
    check_records(records);
    check_warnings(warnings.str());
}

void archive_target(std::string_view bytes) {
    MemoryStream source(bytes);
    try {
        ArchiveStream archive(source, ArchiveStream::Mode::archive);
        std::string name;
        for (int entries = 0; entries < kMaxEntries; ++entries) {
            try {
                if (!archive.next_entry(name)) return;
                require(!name.starts_with("./"), "an entry name keeps its leading ./");
                // As the indexer does with a .json.gz inside a .tar: a stream within a stream.
                if (classify_name(name).packing == Packing::compressed) {
                    read_compressed(archive);
                } else {
                    std::string entry;
                    read_into(archive, entry, kMaxBytes);
                }
            } catch (const StreamError& error) {
                // A compressed entry's damage loses that entry only; the archive's own, or
                // fatal damage, ends it.
                if (error.fatal() && error.layer() == StreamError::Layer::archive) return;
            }
        }
    } catch (const StreamError&) {
    }
}

void compressed_target(std::string_view bytes) {
    MemoryStream source(bytes);
    try {
        read_compressed(source);
    } catch (const StreamError&) {
    }
}

}  // namespace newsdex::fuzz
