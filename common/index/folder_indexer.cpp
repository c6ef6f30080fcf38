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
#include "readers/trec_reader.h"
#include "readers/warc_reader.h"
#include "readers/xml_reader.h"
#include "util/errors.h"

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

// The reader for bytes whose name says nothing (no or an unknown extension), chosen by how
// they begin; nullptr when they are not a format worth reading.
const Reader* sniffed_reader(std::string_view head) {
    if (looks_like_trec(head)) return reader_for("sniffed.trec");
    if (looks_like_xml_feed_or_news(head)) return reader_for("sniffed.xml");
    return nullptr;
}

// Of a damaged stream's bytes, the part up to its last line break: a JSON Lines or TREC file
// then loses only the record that was cut.
void keep_complete_lines(std::string& bytes) {
    const auto last = bytes.rfind('\n');
    bytes.resize(last == std::string::npos ? 0 : last + 1);
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
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

void FolderIndexer::index_file(const InputFile& input, const std::string& relative_path) {
    const NameKind kind = classify_name(relative_path);
    if (kind.packing == Packing::archive) {
        index_archive(input, relative_path);
        return;
    }
    const Source source{relative_path, relative_path, kind.inner};
    if (kind.packing == Packing::plain && !is_warc_name(relative_path)) {
        index_plain(input, source);
        return;
    }
    // Compressed files, and WARC files (gzipped per record or not), are streamed.
    try {
        ArchiveStream stream(input.fd(), ArchiveStream::Mode::compressed);
        std::string unused;
        if (stream.next_entry(unused)) {
            index_stream(stream, source);
        } else {
            MemoryStream empty({});
            index_stream(empty, source);
        }
    } catch (const StreamError& e) {
        report_damage(e, relative_path);
    }
}

void FolderIndexer::index_plain(const InputFile& input, const Source& source) {
    const Reader* reader = reader_for(source.name);
    if (reader == nullptr) reader = sniffed_reader(read_head(input, kSniffBytes));
    if (reader == nullptr) {
        ++summary_.files_ignored;
        return;
    }
    std::optional<std::string> bytes = load_bytes(input, source.path, *file_warnings_);
    if (!bytes) {
        ++summary_.files_failed;
        return;
    }
    index_bytes(std::move(*bytes), source, *reader);
}

void FolderIndexer::index_archive(const InputFile& input, const std::string& relative_path) {
    try {
        ArchiveStream archive(input.fd(), ArchiveStream::Mode::archive);
        std::string entry;
        while (archive.next_entry(entry)) {
            try {
                index_entry(archive, relative_path, entry);
            } catch (const StreamError& e) {
                report_damage(e, relative_path + ":" + entry);
                // A broken compressed entry, or an entry libarchive cannot read (encrypted),
                // loses only itself; a damaged archive stream loses everything after it.
                if (e.layer() == StreamError::Layer::archive && e.fatal()) return;
            }
        }
    } catch (const StreamError& e) {
        report_damage(e, relative_path);
    }
}

void FolderIndexer::index_entry(ArchiveStream& archive, const std::string& relative_path,
                                const std::string& entry) {
    const NameKind kind = classify_name(entry);
    // Archives inside archives are not opened: one level of nesting, as compressed entries.
    if (has_hidden_component(entry) || kind.packing == Packing::archive) {
        ++summary_.files_ignored;
        return;
    }
    const Source source{relative_path + ":" + entry, relative_path, kind.inner};
    if (kind.packing == Packing::plain) {
        index_stream(archive, source);
        return;
    }
    ArchiveStream inner(archive, ArchiveStream::Mode::compressed);
    std::string unused;
    if (inner.next_entry(unused)) {
        index_stream(inner, source);
    } else {
        MemoryStream empty({});
        index_stream(empty, source);
    }
}

void FolderIndexer::index_stream(ByteStream& stream, const Source& source) {
    if (is_warc_name(source.name)) {
        index_warc(stream, source);
        return;
    }
    const Reader* reader = reader_for(source.name);
    std::string bytes;
    try {
        if (reader == nullptr) {
            read_into(stream, bytes, kSniffBytes);
            reader = sniffed_reader(bytes);
            if (reader == nullptr) {
                ++summary_.files_ignored;
                return;
            }
        }
        read_into(stream, bytes);
    } catch (const StreamError&) {
        // What came before the damage is still news; the caller reports the damage.
        keep_complete_lines(bytes);
        if (reader != nullptr && !is_blank(bytes)) index_bytes(std::move(bytes), source, *reader);
        throw;
    }
    index_bytes(std::move(bytes), source, *reader);
}

void FolderIndexer::index_warc(ByteStream& stream, const Source& source) {
    const Reader* html = reader_for("page.html");
    if (html == nullptr) {  // no HTML reader built in: WARC pages cannot be read
        ++summary_.files_ignored;
        return;
    }
    ++summary_.files_read;
    CountingStream counted(stream);
    std::unordered_map<std::string, std::size_t> ids_seen;
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
    std::unordered_map<std::string, std::size_t> ids_seen;  // id → first record
    reader.read(*text, source.path, [&](Article&& article, std::size_t record) {
        add(std::move(article), record, source, ids_seen);
    }, *file_warnings_);
}

void FolderIndexer::add(Article&& article, std::size_t record, const Source& source,
                        std::unordered_map<std::string, std::size_t>& ids_seen) {
    article.path = source.path;
    if (record != 0) article.path += "#" + std::to_string(record);
    if (article.id.empty()) {
        article.id = article.path;
    } else if (auto [it, fresh] = ids_seen.emplace(article.id, record); !fresh) {
        file_warnings_->warn({source.path, 0, record},
                   "id '" + article.id + "' already used by record " + std::to_string(it->second) +
                       " of this file; both are kept");
    }
    if (article.title.empty() && record == 0 && !article.body.empty()) {
        article.title = file_title(source.name);
    }
    writer_.add(std::move(article), file_key_);
    ++summary_.articles_sent;
    if (summary_.articles_sent % 64 == 0) report_progress(false);
}

void FolderIndexer::report_damage(const StreamError& error, std::string_view where) {
    ++summary_.files_failed;
    const char* what = error.layer() == StreamError::Layer::archive ? "damaged archive: "
                                                                    : "damaged compressed file: ";
    file_warnings_->warn({where}, what + std::string(error.what()));
}

}  // namespace newsdex
