#include "index/folder_indexer.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "readers/file_loader.h"
#include "readers/reader_registry.h"
#include "readers/trec_reader.h"
#include "readers/warc_reader.h"
#include "readers/xml_reader.h"
#include "util/errors.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

struct FileEntry {
    std::string full;
    std::string relative;
};

// Lists a folder's files, sorted so that runs are reproducible. Hidden folders are not
// entered; directory symlinks are not followed, so a symlink loop cannot trap the walk.
void list_folder(const fs::path& root, std::vector<FileEntry>& out, IndexSummary& summary,
                 Diagnostics& diag) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        diag.warn({root.string()}, "cannot read folder: " + ec.message());
        return;
    }
    std::vector<FileEntry> found;
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            diag.warn({it->path().string()}, "cannot read folder: " + ec.message());
            ec.clear();
            continue;
        }
        const fs::path& p = it->path();
        if (is_hidden(p)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            else ++summary.files_ignored;
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        found.push_back({p.string(), p.lexically_relative(root).generic_string()});
    }
    std::sort(found.begin(), found.end(),
              [](const FileEntry& a, const FileEntry& b) { return a.relative < b.relative; });
    out.insert(out.end(), found.begin(), found.end());
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
    std::vector<FileEntry> files;
    std::size_t existing = 0;
    for (const auto& given : paths) {
        std::error_code ec;
        const fs::path path(given);
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            diag_.warn({given}, "no such file or folder");
            continue;
        }
        ++existing;
        if (fs::is_directory(status)) {
            list_folder(path, files, summary_, diag_);
        } else {
            files.push_back({given, path.filename().generic_string()});
        }
    }
    if (existing == 0) throw Error("none of the given paths exists");

    for (const auto& file : files) index_file(file.full, file.relative);
    writer_.commit();
    return summary_;
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
        WarcReader(*html, decode_).read(counted, source.path, sink, diag_);
    } catch (const StreamError&) {
        summary_.bytes += counted.count();
        throw;
    }
    summary_.bytes += counted.count();
}

void FolderIndexer::index_bytes(std::string bytes, const Source& source, const Reader& reader) {
    std::optional<std::string> text = prepare_text(std::move(bytes), source.path, diag_, decode_);
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
    if (writer_.add(article, source.file)) ++summary_.updated;
    else ++summary_.added;
}

void FolderIndexer::report_damage(const StreamError& error, std::string_view where) {
    ++summary_.files_failed;
    const char* what = error.layer() == StreamError::Layer::archive ? "damaged archive: "
                                                                    : "damaged compressed file: ";
    diag_.warn({where}, what + std::string(error.what()));
}

}  // namespace newsdex
