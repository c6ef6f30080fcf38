#include "index/folder_indexer.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "readers/file_loader.h"
#include "readers/reader_registry.h"
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

std::string file_title(const std::string& relative_path) {
    return fs::path(relative_path).stem().string();
}

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

    for (const auto& file : files) {
        if (reader_for(file.full) == nullptr) {
            ++summary_.files_ignored;
            continue;
        }
        index_file(file.full, file.relative);
    }
    writer_.commit();
    return summary_;
}

void FolderIndexer::index_file(const std::string& full_path, const std::string& relative_path) {
    const Reader* reader = reader_for(full_path);
    std::optional<std::string> text = load_text_file(full_path, relative_path, diag_);
    if (!text) {
        ++summary_.files_failed;
        return;
    }
    ++summary_.files_read;
    summary_.bytes += text->size();

    std::unordered_map<std::string, std::size_t> ids_seen;  // id → first record
    reader->read(*text, relative_path, [&](Article&& article, std::size_t record) {
        article.path = relative_path;
        if (record != 0) article.path += "#" + std::to_string(record);
        if (article.id.empty()) {
            article.id = article.path;
        } else if (auto [it, fresh] = ids_seen.emplace(article.id, record); !fresh) {
            diag_.warn({relative_path, 0, record},
                       "id '" + article.id + "' already used by record " + std::to_string(it->second) +
                           " of this file; both are kept");
        }
        if (article.title.empty() && record == 0 && !article.body.empty()) {
            article.title = file_title(relative_path);
        }
        if (writer_.add(article, relative_path)) ++summary_.updated;
        else ++summary_.added;
    }, diag_);
}

}  // namespace newsdex
