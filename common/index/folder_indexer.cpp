#include "index/folder_indexer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "index/schema.h"
#include "readers/file_loader.h"
#include "readers/input_file.h"
#include "readers/reader_registry.h"
#include "readers/record_stream.h"
#include "readers/trec_reader.h"
#include "readers/warc_reader.h"
#include "readers/xml_reader.h"
#include "util/errors.h"
#include "util/utf8.h"

namespace newsdex {

namespace fs = std::filesystem;

// A file found by the walk, with what the incremental rules need.
struct FoundFile {
    std::string full;      // path to open
    std::string relative;  // path relative to its root, as articles show it
    std::string key;       // schema::file_key
    std::uintmax_t size = 0;
    std::string state;     // file_state(size, mtime) as listed
};

namespace {

std::string absolute_root(const fs::path& root) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(root, ec), ec);
    return abs.generic_string();
}

// `status` is the file's (after any symbolic link), as the walk found it.
FoundFile found_file(const fs::path& full, std::string relative, const std::string& root_id,
                     const struct stat& status) {
    FoundFile f;
    f.full = full.string();
    f.key = schema::file_key(root_id, relative);
    f.relative = std::move(relative);
    f.size = static_cast<std::uintmax_t>(status.st_size);
    f.state = file_state(f.size, mtime_ns(status));
    return f;
}

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

// Lists the files under one root folder. Only regular files are listed: FIFOs, sockets and
// devices get a warning each (reading one could block forever or never end) and are counted
// as ignored. A symbolic link is followed to a file; to a folder only with `follow_links`,
// and never into a folder that is already on the path from the root (by device and inode),
// so a link loop cannot trap the walk (bind mounts are caught the same way). Hidden folders
// are not entered. The listing is sorted, so that runs are reproducible.
class FolderWalk {
public:
    FolderWalk(const fs::path& root, const std::string& root_id, bool follow_links, IndexSummary& summary,
               Diagnostics& diag)
        : root_(root), root_id_(root_id), follow_links_(follow_links), summary_(summary), diag_(diag) {}

    // Returns false when part of the tree could not be read (the scan is then incomplete, and
    // --prune must not take its files for deleted).
    bool run(std::vector<FoundFile>& out) {
        struct stat status {};
        if (::stat(root_.c_str(), &status) != 0) {
            diag_.warn({root_.string()}, std::string("cannot read folder: ") + std::strerror(errno));
            return false;
        }
        found_.clear();
        visit_folder(root_, "", status);
        std::sort(found_.begin(), found_.end(),
                  [](const FoundFile& a, const FoundFile& b) { return a.relative < b.relative; });
        out.insert(out.end(), found_.begin(), found_.end());
        return complete_;
    }

private:
    struct Folder {
        dev_t device;
        ino_t inode;
        std::string relative;
    };

    fs::path root_;
    std::string root_id_;
    bool follow_links_;
    IndexSummary& summary_;
    Diagnostics& diag_;
    std::vector<Folder> path_;  // the folders from the root down to the one being listed
    std::vector<FoundFile> found_;
    bool complete_ = true;

    void visit_folder(const fs::path& folder, const std::string& relative, const struct stat& status) {
        for (const Folder& above : path_) {
            if (above.device == status.st_dev && above.inode == status.st_ino) {
                diag_.warn({relative}, "folder loop: leads back to " +
                                           (above.relative.empty() ? std::string(".") : above.relative) +
                                           ", not entered");
                return;
            }
        }
        std::error_code ec;
        fs::directory_iterator it(folder, ec);
        if (ec) {
            const std::string shown = relative.empty() ? root_.string() : relative;
            diag_.warn({shown}, ec == std::errc::permission_denied ? std::string("cannot read folder: permission denied")
                                                                  : "cannot read folder: " + ec.message());
            complete_ = false;
            return;
        }
        std::vector<fs::path> entries;
        for (const fs::directory_iterator end; it != end; it.increment(ec)) {
            if (ec) break;
            entries.push_back(it->path());
        }
        if (ec) {
            diag_.warn({relative.empty() ? root_.string() : relative},
                       "cannot read part of the folder: " + ec.message());
            complete_ = false;
        }
        // In name order, so that the walk's warnings come in the same order on every run.
        std::sort(entries.begin(), entries.end());
        path_.push_back({status.st_dev, status.st_ino, relative});
        for (const fs::path& entry : entries) {
            visit_entry(entry, relative.empty() ? entry.filename().string()
                                                : relative + "/" + entry.filename().string());
        }
        path_.pop_back();
    }

    void visit_entry(const fs::path& entry, const std::string& relative) {
        struct stat status {};
        if (::lstat(entry.c_str(), &status) != 0) {
            // Gone since the folder was listed: as if it had never been there.
            if (errno == ENOENT) return;
            diag_.warn({relative}, std::string("cannot read: ") + std::strerror(errno));
            complete_ = false;
            return;
        }
        const bool link = S_ISLNK(status.st_mode);
        // A dangling link is ignored like a hidden file: there is nothing to read.
        if (link && ::stat(entry.c_str(), &status) != 0) {
            ++summary_.files_ignored;
            return;
        }
        if (is_hidden(entry)) {
            if (!S_ISDIR(status.st_mode)) ++summary_.files_ignored;
            return;
        }
        if (S_ISREG(status.st_mode)) {
            found_.push_back(found_file(entry, relative, root_id_, status));
        } else if (S_ISDIR(status.st_mode)) {
            if (link && !follow_links_) {
                ++summary_.files_ignored;
                return;
            }
            // A folder we may not read would be skipped silently by the iterator.
            if (::access(entry.c_str(), R_OK | X_OK) != 0) {
                diag_.warn({relative}, "cannot read folder: permission denied");
                complete_ = false;
                return;
            }
            visit_folder(entry, relative, status);
        } else {
            diag_.warn({relative}, "not a regular file (" + file_kind_name(status.st_mode) + "), skipped");
            ++summary_.files_ignored;
        }
    }
};

std::string file_title(const std::string& name) { return fs::path(name).stem().string(); }

// Inside archives: "__MACOSX/._a.txt", ".git/config", "dir/.DS_Store". The components "."
// and ".." are no hidden names: an entry called "../../x.txt" is read, its name only a label.
bool has_hidden_component(std::string_view path) {
    for (std::size_t start = 0; start < path.size();) {
        const auto end = std::min(path.find('/', start), path.size());
        const std::string_view component = path.substr(start, end - start);
        if (component.starts_with('.') && component != "." && component != "..") return true;
        start = end + 1;
    }
    return false;
}

// The state recorded for a file that changed or vanished while it was read; a real state is
// two numbers (file_state), so this one never matches.
const std::string kChangedWhileRead = "changed-while-read";

// True when the name alone says the file is to be read (a reader's extension, a compressed
// file or an archive); other names are read only when sniffing recognises their content.
bool has_reader_by_name(const std::string& name) {
    const NameKind kind = classify_name(name);
    return kind.packing != Packing::plain || is_warc_name(name) || reader_for(kind.inner) != nullptr;
}

// Enough of a file's start for the format sniffers.
constexpr std::size_t kSniffBytes = 4096;

// Of a damaged stream's bytes, the part up to its last line break: a JSON Lines or TREC file
// then loses only the record that was cut.
void keep_complete_lines(std::string& bytes) {
    const auto last = bytes.rfind('\n');
    bytes.resize(last == std::string::npos ? 0 : last + 1);
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// How much of a large file's start its charset is judged by.
constexpr std::size_t kCharsetProbeBytes = std::size_t{1} << 20;
// TREC and Reuters SGML records are read in runs of about this size.
constexpr std::size_t kSgmlRunBytes = std::size_t{1} << 20;
// Ids remembered per file for the "already used" warning: past this many, new ids are no longer
// remembered (a file of millions of records must not hold them all), only earlier ones checked.
constexpr std::size_t kIdsCheckedPerFile = 100'000;

// "16 MiB", "4 GiB", or "1234 bytes".
std::string byte_size_text(std::uint64_t n) {
    if (n != 0 && n % (std::uint64_t{1} << 30) == 0) return std::to_string(n >> 30) + " GiB";
    if (n != 0 && n % (std::uint64_t{1} << 20) == 0) return std::to_string(n >> 20) + " MiB";
    if (n != 0 && n % (std::uint64_t{1} << 10) == 0) return std::to_string(n >> 10) + " KiB";
    return std::to_string(n) + " bytes";
}

// Cuts raw bytes to at most `size`: after the last line break in the final 64 KiB when there is
// one (a line of a JSON Lines or CSV-like text stays whole), else at a character boundary. Also
// for bytes a limit cut short (`size` their length): half a character is dropped.
void cut_at_line_or_character(std::string& bytes, std::size_t size) {
    size = std::min(size, bytes.size());
    const auto line_end = std::string_view(bytes.data(), size).rfind('\n');
    if (size < bytes.size() && line_end != std::string_view::npos && size - line_end <= (std::size_t{64} << 10)) {
        bytes.resize(line_end + 1);
    } else {
        bytes.resize(utf8_prefix_length(bytes, size));
    }
}

// Cuts the article's text (title and body) to `cap` bytes at a character boundary, the body
// first. True when it cut.
bool cut_to_fit(Article& article, std::size_t cap) {
    if (article.title.size() + article.body.size() <= cap) return false;
    if (article.title.size() >= cap) {
        article.title.resize(utf8_prefix_length(article.title, cap));
        article.body.clear();
    } else {
        article.body.resize(utf8_prefix_length(article.body, cap - article.title.size()));
    }
    return true;
}

// Counts what passes through, for the summary's byte count of WARC files.
class CountingStream : public ByteStream {
public:
    explicit CountingStream(ByteStream& inner) : inner_(inner) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t n = inner_.read(buffer, size);
        count_ += n;
        return n;
    }
    std::size_t count() const { return count_; }

private:
    ByteStream& inner_;
    std::size_t count_ = 0;
};

}  // namespace

IndexSummary FolderIndexer::run(const std::vector<std::string>& paths) {
    summary_ = {};
    last_progress_ = std::chrono::steady_clock::now();
    struct Root {
        std::string id;
        bool complete;
        std::vector<FoundFile> files;
    };
    std::vector<Root> roots;
    for (const auto& given : paths) {
        const fs::path path(given);
        struct stat status {};
        if (::stat(path.c_str(), &status) != 0) {
            diag_.warn({given}, "no such file or folder");
            continue;
        }
        Root root;
        if (S_ISDIR(status.st_mode)) {
            root.id = schema::root_id(absolute_root(path));
            root.complete = FolderWalk(path, root.id, options_.follow_links, summary_, diag_).run(root.files);
        } else {
            // A file given by itself has its folder as root, so it keeps its key when the
            // folder is indexed later.
            root.id = schema::root_id(absolute_root(path.parent_path().empty() ? "." : path.parent_path()));
            root.complete = false;  // one file is no scan of its folder: nothing to prune
            if (S_ISREG(status.st_mode)) {
                root.files.push_back(found_file(path, path.filename().generic_string(), root.id, status));
            } else {
                diag_.warn({given}, "not a regular file (" + file_kind_name(status.st_mode) + "), skipped");
                ++summary_.files_ignored;
            }
        }
        roots.push_back(std::move(root));
    }
    if (roots.empty()) throw Error("none of the given paths exists");

    for (const auto& root : roots) {
        summary_.files_total += root.files.size();
        for (const auto& f : root.files) summary_.bytes_total += f.size;
    }
    for (const auto& root : roots) {
        for (const auto& file : root.files) visit_file(file);
        if (options_.prune) prune(root.id, root.complete, root.files);
    }
    return summary_;
}

void FolderIndexer::prune(const std::string& root_id, bool complete, const std::vector<FoundFile>& files) {
    if (!complete) return;
    std::unordered_set<std::string> present;
    for (const auto& f : files) present.insert(f.key);
    for (const auto& key : states_.keys_with_prefix(schema::file_key(root_id, ""))) {
        if (!present.contains(key)) writer_.remove_file(key);
    }
}

void FolderIndexer::visit_file(const FoundFile& file) {
    if (!states_.get(file.key).empty() && states_.get(file.key) == file.state) {
        ++summary_.files_unchanged;
        summary_.unchanged += states_.article_count(file.key);
    } else {
        // Everything this file (and, for an archive, its entries) warns about counts toward
        // one cap: a file with thousands of bad records prints ten of them and a count.
        Diagnostics warnings(diag_, file.relative, kWarningLinesPerFile);
        file_warnings_ = &warnings;
        struct Unset {  // also when a fatal error leaves early
            Diagnostics*& pointer;
            ~Unset() { pointer = nullptr; }
        } unset{file_warnings_};
        file_key_ = file.key;
        const std::size_t failed_before = summary_.files_failed;
        const std::size_t handled_before = summary_.files_read + summary_.files_failed;
        bool complete = true;
        std::string state = file.state;
        if (is_hidden(file.relative)) {
            ++summary_.files_ignored;
        } else {
            std::string error;
            if (const std::optional<InputFile> input = InputFile::open(file.full, error)) {
                index_file(*input, file.relative);
                // The state of the bytes read, which may be newer than the listing's.
                state = file_state(input->size(), input->mtime_ns());
                // Only files something was read from: a log file growing beside the news is
                // ignored by its name, and its changes are no concern.
                if (summary_.files_read + summary_.files_failed != handled_before) complete = unchanged_since_open(*input, file);
            } else if (has_reader_by_name(file.relative)) {
                warnings.warn({file.relative}, "cannot read file: " + error);
                ++summary_.files_failed;
            } else {
                ++summary_.files_ignored;  // as if opened and not recognised
            }
        }
        // A file that could not be read keeps its old articles and gets no state, so the next
        // run tries it again. One that changed or vanished while it was read gets a state no
        // file on disk can have: the next run reads it again, and --prune still knows it.
        if (summary_.files_failed == failed_before) writer_.end_file(file.key, complete ? state : kChangedWhileRead);
        warnings.finish_file();
    }
    summary_.bytes_done += file.size;
    report_progress(true);
}

bool FolderIndexer::unchanged_since_open(const InputFile& input, const FoundFile& file) {
    switch (input.change_since_open(file.full)) {
        case InputFile::Change::none:
            return true;
        case InputFile::Change::modified:
            file_warnings_->warn({file.relative}, "changed while it was read; it will be read again on the next run");
            return false;
        case InputFile::Change::gone:
            file_warnings_->warn({file.relative}, "deleted or moved while it was read");
            return false;
    }
    return false;
}

void FolderIndexer::report_progress(bool file_done) {
    if (!options_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (!file_done && now - last_progress_ < std::chrono::milliseconds(100)) return;
    last_progress_ = now;
    options_.progress(summary_);
}

// Counts what the file on disk expands to, and stops it past InputLimits: beyond its allowance,
// or at a ratio no news text reaches (a compression bomb: 4 GB of zeros gzip to 4 MB).
class FolderIndexer::MeteredStream : public ByteStream {
public:
    MeteredStream(ByteStream& inner, Expansion& expansion, const InputLimits& limits)
        : inner_(inner), expansion_(expansion), limits_(limits) {}

    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t n = inner_.read(buffer, size);
        expansion_.produced += n;
        if (expansion_.produced > expansion_.allowed) {
            throw StreamError("expands past " + byte_size_text(limits_.max_expanded_bytes) +
                                  " more than its own size (--max-expanded-bytes); the rest is not read",
                              StreamError::Layer::limit);
        }
        if (expansion_.outer != nullptr && expansion_.produced >= kRatioCheckedFrom &&
            expansion_.produced / kMaxRatio > expansion_.outer->bytes_consumed()) {
            throw StreamError("expands more than " + std::to_string(kMaxRatio) +
                                  " times its compressed size (a compression bomb?); the rest is not read",
                              StreamError::Layer::limit);
        }
        return n;
    }

private:
    // Text compresses 3 to 10 times, repetitive markup some tens of times; only crafted data
    // goes past hundreds. Small files are not judged: a short stream's ratio says little.
    static constexpr std::uint64_t kMaxRatio = 200;
    static constexpr std::uint64_t kRatioCheckedFrom = std::uint64_t{64} << 20;

    ByteStream& inner_;
    Expansion& expansion_;
    const InputLimits& limits_;
};

void FolderIndexer::index_file(const InputFile& input, const std::string& relative_path) {
    const NameKind kind = classify_name(relative_path);
    file_path_ = relative_path;
    expansion_ = {};
    expansion_.allowed = input.size() + options_.limits.max_expanded_bytes;
    const Source source{relative_path, relative_path, kind.inner};
    try {
        if (kind.packing == Packing::plain && !is_warc_name(relative_path)) {
            FileStream stream(input);
            index_stream(stream, source);
            return;
        }
        const bool archive = kind.packing == Packing::archive;
        ArchiveStream stream(input.fd(), archive ? ArchiveStream::Mode::archive : ArchiveStream::Mode::compressed);
        expansion_.outer = &stream;
        if (archive) {
            index_archive(stream, relative_path, 1);
        } else {
            // Compressed files, and WARC files (gzipped per record or not), are streamed.
            index_decompressed(stream, source);
        }
    } catch (const StreamError& e) {
        report_damage(e, relative_path);
    }
}

// The one stream of a compressed file or entry (libarchive's "raw" format), or an empty one.
void FolderIndexer::index_decompressed(ArchiveStream& stream, const Source& source) {
    std::string unused;
    MeteredStream metered(stream, expansion_, options_.limits);
    if (stream.next_entry(unused)) {
        index_stream(metered, source);
    } else {
        MemoryStream empty({});
        index_stream(empty, source);
    }
}

void FolderIndexer::index_archive(ArchiveStream& archive, const std::string& path, std::size_t depth) {
    std::string entry;
    while (archive.next_entry(entry)) {
        if (++expansion_.entries > options_.limits.max_archive_entries) {
            throw StreamError("more than " + std::to_string(options_.limits.max_archive_entries) +
                                  " entries (--max-archive-entries); the rest is not read",
                              StreamError::Layer::limit);
        }
        try {
            index_entry(archive, path, entry, depth);
        } catch (const StreamError& e) {
            // A broken compressed entry, or an entry libarchive cannot read (encrypted),
            // loses only itself; a damaged archive stream loses everything after it, and a
            // limit everything after it in the file on disk.
            if (e.layer() == StreamError::Layer::limit) throw;
            report_damage(e, path + ":" + entry);
            if (e.layer() == StreamError::Layer::archive && e.fatal() && depth == 1) return;
            if (e.layer() == StreamError::Layer::archive && e.fatal()) throw;
        }
    }
}

void FolderIndexer::index_entry(ArchiveStream& archive, const std::string& path, const std::string& entry,
                                std::size_t depth) {
    const NameKind kind = classify_name(entry);
    if (has_hidden_component(entry)) {
        ++summary_.files_ignored;
        return;
    }
    const std::string entry_path = path + ":" + entry;
    if (kind.packing == Packing::archive) {
        if (depth >= options_.limits.max_archive_depth) {
            file_warnings_->warn({entry_path}, "archive inside " + std::to_string(depth) +
                                                   " archives, not opened (--max-archive-depth " +
                                                   std::to_string(options_.limits.max_archive_depth) + ")");
            ++summary_.files_ignored;
            return;
        }
        ArchiveStream inner(archive, ArchiveStream::Mode::archive);
        index_archive(inner, entry_path, depth + 1);
        return;
    }
    const Source source{entry_path, file_path_, kind.inner};
    if (kind.packing == Packing::plain) {
        MeteredStream metered(archive, expansion_, options_.limits);
        index_stream(metered, source);
        return;
    }
    ArchiveStream inner(archive, ArchiveStream::Mode::compressed);
    index_decompressed(inner, source);
}

void FolderIndexer::index_stream(ByteStream& stream, const Source& source) {
    if (is_warc_name(source.name)) {
        index_warc(stream, source);
        return;
    }
    std::string bytes;
    ReaderChoice choice;
    input_cut_ = false;
    try {
        read_into(stream, bytes, kSniffBytes);
        choice = choose_reader(source.name, bytes);
        if (!choice) {
            ++summary_.files_ignored;
            return;
        }
        // A file small enough is read whole, as it always was; a larger one of many records
        // is read record by record, and one of a whole-text format only up to a cap.
        const std::size_t whole = choice.split == RecordSplit::none ? 2 * options_.limits.max_article_bytes
                                                                    : options_.limits.max_article_bytes;
        if (bytes.size() == kSniffBytes && whole >= bytes.size()) read_into(stream, bytes, whole + 1 - bytes.size());
        if (bytes.size() > whole) {
            if (choice.split != RecordSplit::none) {
                index_records(std::move(bytes), stream, source, choice);
                return;
            }
            cut_at_line_or_character(bytes, whole);
            input_cut_ = true;
        }
    } catch (const StreamError& e) {
        // What came before the damage is still news; the caller reports the damage.
        if (e.layer() == StreamError::Layer::limit && choice.split == RecordSplit::none) {
            cut_at_line_or_character(bytes, bytes.size());
        } else {
            keep_complete_lines(bytes);
        }
        if (choice && !is_blank(bytes)) index_bytes(std::move(bytes), source, *choice.reader);
        throw;
    }
    index_bytes(std::move(bytes), source, *choice.reader);
    if (input_cut_) {
        file_warnings_->warn({source.path}, "only the first " + byte_size_text(2 * options_.limits.max_article_bytes) +
                                                " read (twice --max-article-bytes)");
    }
}

void FolderIndexer::index_records(std::string head, ByteStream& rest, const Source& source,
                                  const ReaderChoice& choice) {
    // The charset is found from the start of the file and holds for all of it.
    std::string probe = head.substr(0, kCharsetProbeBytes);
    keep_complete_lines(probe);
    if (probe.empty()) probe = head.substr(0, kCharsetProbeBytes);
    const std::optional<Decoded> probed = decode_to_utf8(std::move(probe), options_.decode);
    if (!probed) {
        file_warnings_->warn({source.path}, "looks binary (NUL bytes), skipped");
        ++summary_.files_failed;
        return;
    }
    if (probed->encoding.starts_with("UTF-16") || probed->encoding.starts_with("UTF-32")) {
        file_warnings_->warn({source.path}, "over " + byte_size_text(options_.limits.max_article_bytes) + " in " + probed->encoding +
                                                ": too large to read whole, and its records can only be found in "
                                                "UTF-8 or an 8-bit charset; skipped");
        ++summary_.files_failed;
        return;
    }
    DecodeOptions each = options_.decode;
    each.forced = probed->encoding;
    Decoded replaced;  // what decoding replaced, summed over the records, for one warning
    replaced.encoding = probed->encoding;
    ++summary_.files_read;

    const std::size_t record_cap = 2 * options_.limits.max_article_bytes;
    IdsSeen ids_seen;
    auto sink = [&](Article&& article, std::size_t record) { add(std::move(article), record, source, ids_seen); };
    // Decodes one run of records and hands it to the reader; returns how many records it held.
    auto read_run = [&](RawRecord& run, Reader::Start start) -> std::size_t {
        std::optional<Decoded> decoded = decode_to_utf8(std::move(run.bytes), each);
        if (!decoded) {
            file_warnings_->warn({source.path, start.line, start.record}, "looks binary (NUL bytes), skipped");
            return 1;
        }
        replaced.replaced += decoded->replaced;
        replaced.nul_bytes += decoded->nul_bytes;
        summary_.bytes += decoded->text.size();
        return choice.reader->read_records(decoded->text, source.path, start, sink, *file_warnings_);
    };
    auto too_large = [&](const RawRecord& record, std::size_t number) {
        file_warnings_->warn({source.path, record.line, number},
                             "record of " + std::to_string(record.size) + " bytes is over " +
                                 byte_size_text(record_cap) + " (twice --max-article-bytes), skipped");
    };

    StreamCursor cursor(std::move(head), rest);
    std::size_t record = 1;
    try {
        switch (choice.split) {
            case RecordSplit::json: {
                JsonArraySplitter records(cursor, record_cap);
                while (std::optional<RawRecord> r = records.next()) {
                    if (r->over_cap) too_large(*r, record);
                    else read_run(*r, {r->line, record});
                    ++record;
                }
                if (!records.error().empty()) {
                    file_warnings_->warn({source.path, records.error_line()},
                                         "malformed JSON: " + records.error() + "; the rest of the file is not read");
                }
                break;
            }
            case RecordSplit::json_lines:
                while (std::optional<RawRecord> r = next_json_line(cursor, record_cap)) {
                    // A first line that does not begin like an object says the name lies (CSV,
                    // HTML): one warning, not one a line. Lines are never blank here.
                    const auto first_byte = r->over_cap ? std::string::npos : r->bytes.find_first_not_of(" \t");
                    if (record == 1 && first_byte != std::string::npos && r->bytes[first_byte] != '{') {
                        file_warnings_->warn({source.path, r->line},
                                             "the first line is no JSON object (not JSON Lines: the file is not read)");
                        break;
                    }
                    if (r->over_cap) too_large(*r, record);
                    else read_run(*r, {r->line, record});
                    ++record;
                }
                break;
            case RecordSplit::trec_docs:
            case RecordSplit::reuters: {
                const std::string_view close = choice.split == RecordSplit::trec_docs ? "</DOC>" : "</REUTERS>";
                while (std::optional<RawRecord> run = next_sgml_run(cursor, close, kSgmlRunBytes, record_cap)) {
                    record += read_run(*run, {run->line, record});
                }
                break;
            }
            case RecordSplit::xml_feed: {
                XmlFeedSplitter feed(cursor, record_cap);
                if (!feed.read_head()) {
                    file_warnings_->warn({source.path}, "not read: a feed over " +
                                                            byte_size_text(options_.limits.max_article_bytes) +
                                                            " with " + feed.error());
                    break;
                }
                bool last = false;
                while (std::optional<RawRecord> run = feed.next(kSgmlRunBytes, last)) {
                    if (run->over_cap) {
                        too_large(*run, record);
                        ++record;
                        continue;
                    }
                    RawRecord whole;
                    whole.bytes = feed.head() + run->bytes + (last ? std::string() : feed.closers());
                    record += read_run(whole, {run->line, record});
                }
                break;
            }
            case RecordSplit::none:
                break;
        }
    } catch (const StreamError&) {
        if (replaced.replaced != 0) file_warnings_->warn({source.path}, replacement_message(replaced));
        throw;
    }
    if (replaced.replaced != 0) file_warnings_->warn({source.path}, replacement_message(replaced));
}

void FolderIndexer::index_warc(ByteStream& stream, const Source& source) {
    const Reader* html = reader_for("page.html");
    if (html == nullptr) {  // no HTML reader built in: WARC pages cannot be read
        ++summary_.files_ignored;
        return;
    }
    ++summary_.files_read;
    CountingStream counted(stream);
    IdsSeen ids_seen;
    auto sink = [&](Article&& article, std::size_t record) {
        add(std::move(article), record, source, ids_seen);
    };
    try {
        WarcReader(*html, options_.decode).read(counted, source.path, sink, *file_warnings_);
    } catch (const StreamError&) {
        summary_.bytes += counted.count();
        throw;
    }
    summary_.bytes += counted.count();
}

void FolderIndexer::index_bytes(std::string bytes, const Source& source, const Reader& reader) {
    // Empty entries are common in archives (placeholders, a tar of zero-length files) and say
    // nothing about the archive: counted, without a warning each, and not failures, which
    // would keep the archive from being recorded and have it read again on every run.
    if (source.path != source.file && is_blank(bytes)) {
        ++summary_.entries_empty;
        return;
    }
    std::optional<std::string> text = prepare_text(std::move(bytes), source.path, *file_warnings_, options_.decode);
    if (!text) {
        ++summary_.files_failed;
        return;
    }
    ++summary_.files_read;
    summary_.bytes += text->size();
    IdsSeen ids_seen;
    reader.read(*text, source.path, [&](Article&& article, std::size_t record) {
        add(std::move(article), record, source, ids_seen);
    }, *file_warnings_);
}

void FolderIndexer::add(Article&& article, std::size_t record, const Source& source, IdsSeen& ids_seen) {
    article.path = source.path;
    if (record != 0) article.path += "#" + std::to_string(record);
    if (article.id.empty()) {
        article.id = article.path;
    } else if (auto it = ids_seen.find(article.id); it != ids_seen.end()) {
        file_warnings_->warn({source.path, 0, record},
                   "id '" + article.id + "' already used by record " + std::to_string(it->second) +
                       " of this file; both are kept");
    } else if (ids_seen.size() < kIdsCheckedPerFile) {
        ids_seen.emplace(article.id, record);
    }
    // After the id check, which is about the file, and before what is about this article.
    if (options_.part && part_for(article.path, options_.part->count) != options_.part->index) {
        ++summary_.other_parts;
        return;
    }
    if (article.title.empty() && record == 0 && !article.body.empty()) {
        article.title = file_title(source.name);
    }
    if (cut_to_fit(article, options_.limits.max_article_bytes)) {
        file_warnings_->warn({source.path, 0, record},
                             std::string(input_cut_ ? "a file over " + byte_size_text(2 * options_.limits.max_article_bytes) + ": " : "") +
                                 "article cut to its first " + byte_size_text(options_.limits.max_article_bytes) +
                                 " of text (--max-article-bytes)");
        input_cut_ = false;  // said: the file's own warning would repeat it
    }
    writer_.add(std::move(article), file_key_);
    ++summary_.articles_sent;
    if (summary_.articles_sent % 64 == 0) report_progress(false);
}

void FolderIndexer::report_damage(const StreamError& error, std::string_view where) {
    const char* what = "";
    switch (error.layer()) {
        case StreamError::Layer::archive: what = "damaged archive: "; break;
        case StreamError::Layer::compressed: what = "damaged compressed file: "; break;
        case StreamError::Layer::file: what = "cannot read file: "; break;
        case StreamError::Layer::limit: what = ""; break;
    }
    // A limit keeps what was read before it, as a file that is recorded: reading it again
    // would only stop at the same place.
    if (error.layer() != StreamError::Layer::limit) ++summary_.files_failed;
    file_warnings_->warn({where}, what + std::string(error.what()));
}

}  // namespace newsdex
