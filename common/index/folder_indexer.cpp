#include "index/folder_indexer.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "index/schema.h"
#include "readers/file_loader.h"
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
    std::string state;     // file_state(size, mtime)
};

namespace {

std::string absolute_root(const fs::path& root) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(root, ec), ec);
    return abs.generic_string();
}

long long mtime_ns(const fs::path& p) {
    std::error_code ec;
    const auto t = fs::last_write_time(p, ec);
    return ec ? 0 : static_cast<long long>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                        t.time_since_epoch()).count());
}

FoundFile found_file(const fs::path& full, std::string relative, const std::string& root_id) {
    std::error_code ec;
    const auto size = fs::file_size(full, ec);
    FoundFile f;
    f.full = full.string();
    f.key = schema::file_key(root_id, relative);
    f.relative = std::move(relative);
    f.size = ec ? 0 : size;
    f.state = file_state(f.size, mtime_ns(full));
    return f;
}

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}


// Lists a folder's files, sorted so that runs are reproducible. Hidden folders are not
// entered; directory symlinks are not followed, so a symlink loop cannot trap the walk.
// Returns false when part of the folder could not be read (the scan is then incomplete).
bool list_folder(const fs::path& root, const std::string& root_id, std::vector<FoundFile>& out,
                 IndexSummary& summary, Diagnostics& diag) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        diag.warn({root.string()}, "cannot read folder: " + ec.message());
        return false;
    }
    bool complete = true;
    std::vector<FoundFile> found;
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            diag.warn({root.string()}, "cannot read part of the folder: " + ec.message());
            complete = false;
            ec.clear();
            if (it == end) break;
            continue;
        }
        const fs::path& p = it->path();
        // A folder we may not read would be skipped silently; it makes the scan incomplete,
        // and --prune must not take its files for deleted.
        if (it->is_directory(ec) && !is_hidden(p) && ::access(p.c_str(), R_OK | X_OK) != 0) {
            diag.warn({p.lexically_relative(root).generic_string()}, "cannot read folder: permission denied");
            complete = false;
            it.disable_recursion_pending();
            continue;
        }
        if (is_hidden(p)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            else ++summary.files_ignored;
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        found.push_back(found_file(p, p.lexically_relative(root).generic_string(), root_id));
    }
    std::sort(found.begin(), found.end(),
              [](const FoundFile& a, const FoundFile& b) { return a.relative < b.relative; });
    out.insert(out.end(), found.begin(), found.end());
    return complete;
}

std::string file_title(const std::string& name) { return fs::path(name).stem().string(); }

// Inside archives: "__MACOSX/._a.txt", ".git/config", "dir/.DS_Store".
bool has_hidden_component(std::string_view path) {
    for (std::size_t start = 0; start < path.size();) {
        const auto end = std::min(path.find('/', start), path.size());
        if (end > start && path[start] == '.') return true;
        start = end + 1;
    }
    return false;
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
        std::error_code ec;
        const fs::path path(given);
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            diag_.warn({given}, "no such file or folder");
            continue;
        }
        Root root;
        if (fs::is_directory(status)) {
            root.id = schema::root_id(absolute_root(path));
            root.complete = list_folder(path, root.id, root.files, summary_, diag_);
        } else {
            // A file given by itself has its folder as root, so it keeps its key when the
            // folder is indexed later.
            root.id = schema::root_id(absolute_root(path.parent_path().empty() ? "." : path.parent_path()));
            root.complete = false;  // one file is no scan of its folder: nothing to prune
            root.files.push_back(found_file(path, path.filename().generic_string(), root.id));
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
        file_key_ = file.key;
        const std::size_t failed_before = summary_.files_failed;
        index_file(file.full, file.relative);
        // A file that could not be read keeps its old articles and gets no state, so the next
        // run tries it again.
        if (summary_.files_failed == failed_before) writer_.end_file(file.key, file.state);
    }
    summary_.bytes_done += file.size;
    report_progress(true);
}

void FolderIndexer::report_progress(bool file_done) {
    if (!options_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (!file_done && now - last_progress_ < std::chrono::milliseconds(100)) return;
    last_progress_ = now;
    options_.progress(summary_);
}

void FolderIndexer::index_file(const std::string& full_path, const std::string& relative_path) {
    if (is_hidden(relative_path)) {
        ++summary_.files_ignored;
        return;
    }
    const NameKind kind = classify_name(relative_path);
    if (kind.packing == Packing::archive) {
        index_archive(full_path, relative_path);
        return;
    }
    const Source source{relative_path, relative_path, kind.inner};
    if (kind.packing == Packing::plain && !is_warc_name(relative_path)) {
        index_plain(full_path, source);
        return;
    }
    // Compressed files, and WARC files (gzipped per record or not), are streamed.
    try {
        ArchiveStream stream(full_path, ArchiveStream::Mode::compressed);
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

void FolderIndexer::index_plain(const std::string& full_path, const Source& source) {
    const Reader* reader = reader_for(source.name);
    if (reader == nullptr) reader = sniffed_reader(read_head(full_path, kSniffBytes));
    if (reader == nullptr) {
        ++summary_.files_ignored;
        return;
    }
    std::optional<std::string> bytes = load_bytes(full_path, source.path, diag_);
    if (!bytes) {
        ++summary_.files_failed;
        return;
    }
    index_bytes(std::move(*bytes), source, *reader);
}

void FolderIndexer::index_archive(const std::string& full_path, const std::string& relative_path) {
    try {
        ArchiveStream archive(full_path, ArchiveStream::Mode::archive);
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
        WarcReader(*html, options_.decode).read(counted, source.path, sink, diag_);
    } catch (const StreamError&) {
        summary_.bytes += counted.count();
        throw;
    }
    summary_.bytes += counted.count();
}

void FolderIndexer::index_bytes(std::string bytes, const Source& source, const Reader& reader) {
    std::optional<std::string> text = prepare_text(std::move(bytes), source.path, diag_, options_.decode);
    if (!text) {
        ++summary_.files_failed;
        return;
    }
    ++summary_.files_read;
    summary_.bytes += text->size();
    std::unordered_map<std::string, std::size_t> ids_seen;  // id → first record
    reader.read(*text, source.path, [&](Article&& article, std::size_t record) {
        add(std::move(article), record, source, ids_seen);
    }, diag_);
}

void FolderIndexer::add(Article&& article, std::size_t record, const Source& source,
                        std::unordered_map<std::string, std::size_t>& ids_seen) {
    article.path = source.path;
    if (record != 0) article.path += "#" + std::to_string(record);
    if (article.id.empty()) {
        article.id = article.path;
    } else if (auto [it, fresh] = ids_seen.emplace(article.id, record); !fresh) {
        diag_.warn({source.path, 0, record},
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
    diag_.warn({where}, what + std::string(error.what()));
}

}  // namespace newsdex
