#include "index/shard_layout.h"
#include "util/hash.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "database/stub_file.h"
#include "util/errors.h"

namespace newsdex::shard_layout {

namespace fs = std::filesystem;

namespace {

const std::string kStub = "XAPIANDB";
const std::string kLock = "newsdex.lock";
const std::string kShardPrefix = "shard-";

bool is_ours(const fs::path& entry) {
    const std::string name = entry.filename().string();
    return name == kStub || name == kLock || name.starts_with(kShardPrefix) || name == kStub + ".tmp";
}

void fsync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return;
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw Error("cannot sync " + path.string() + " to disk");
}

// Whether the file reads as a stub naming other databases (parts), not a Newsdex folder's own.
bool names_parts(const std::string& path) {
    try {
        return !read_stub(path).empty();
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

std::vector<std::string> shard_paths(const std::string& db_path) {
    std::error_code ec;
    const fs::path root(db_path);
    if (!fs::exists(root, ec)) return {};
    if (!fs::is_directory(root, ec)) {
        if (names_parts(db_path)) {
            throw Error(db_path + " is a stub naming databases searched together; newsdex-index writes one "
                        "of them at a time: give -d that database's folder");
        }
        throw Error("cannot use " + db_path + " as a database: it is a file, not a folder");
    }
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        if (!is_ours(entry.path())) {
            if (entry.path().filename() == "iamglass") {
                throw Error("database " + db_path + " was made by an incompatible version of Newsdex "
                            "(a single Xapian database, not shards); re-index it with --rebuild");
            }
            throw Error("cannot use " + db_path + " as a database: the folder holds other files (" +
                        entry.path().filename().string() + ")");
        }
    }
    std::ifstream stub(root / kStub, std::ios::binary);
    if (!stub) return {};
    const std::string text((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
    const auto names = own_shard_names(text);
    if (!names) {
        if (names_parts((root / kStub).string())) {
            throw Error(db_path + " holds a stub naming databases searched together; newsdex-index writes "
                        "one of them at a time: give -d that database's folder");
        }
        throw Error("database " + db_path + " has a damaged XAPIANDB file");
    }
    std::vector<std::string> shards;
    for (const auto& name : *names) shards.push_back((root / name).string());
    return shards;
}

std::optional<std::vector<std::string>> own_shard_names(std::string_view stub_text) {
    std::vector<std::string> names;
    std::istringstream lines{std::string(stub_text)};
    for (std::string line; std::getline(lines, line);) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        std::istringstream words(line.substr(first));
        std::string backend, name, rest;
        words >> backend >> name >> rest;
        if (backend != "auto" || !name.starts_with(kShardPrefix) || name.find('/') != std::string::npos ||
            !rest.empty()) {
            return std::nullopt;
        }
        names.push_back(name);
    }
    if (names.empty()) return std::nullopt;
    return names;
}

std::vector<std::string> shard_names(const std::string& db_path, unsigned count) {
    std::vector<std::string> shards;
    for (unsigned i = 0; i < count; ++i) {
        shards.push_back((fs::path(db_path) / (kShardPrefix + std::to_string(i))).string());
    }
    return shards;
}

void write_stub(const std::string& db_path, unsigned count) {
    std::vector<std::string> names;
    for (unsigned i = 0; i < count; ++i) names.push_back(kShardPrefix + std::to_string(i));
    write_stub(db_path, names);
}

void write_stub(const std::string& db_path, const std::vector<std::string>& shard_names) {
    const fs::path root(db_path);
    std::vector<StubEntry> entries;
    for (const auto& name : shard_names) {
        if (!name.starts_with(kShardPrefix) || name.find('/') != std::string::npos) {
            throw Error("cannot name shard '" + name + "' in " + db_path + ": not a shard folder name");
        }
        StubEntry entry;
        entry.path = name;
        entries.push_back(std::move(entry));
    }
    // Temporary file, fsync, rename, fsync of the folder: the stub on disk is the old or the new one.
    write_stub_file((root / kStub).string(), entries);
}

std::vector<std::string> unnamed_entries(const std::string& db_path) {
    const fs::path root(db_path);
    std::error_code ec;
    if (!fs::exists(root / kStub, ec)) return {};
    std::vector<std::string> named;
    for (const auto& path : shard_paths(db_path)) named.push_back(fs::path(path).filename().string());
    std::vector<std::string> unnamed;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        const std::string name = entry.path().filename().string();
        const bool stray_shard =
            name.starts_with(kShardPrefix) && std::find(named.begin(), named.end(), name) == named.end();
        if (stray_shard || name == kStub + ".tmp") unnamed.push_back(name);
    }
    if (ec) throw Error("cannot list database folder " + db_path + ": " + ec.message());
    std::sort(unnamed.begin(), unnamed.end());
    return unnamed;
}

std::size_t remove_unnamed_entries(const std::string& db_path) {
    const std::vector<std::string> unnamed = unnamed_entries(db_path);
    for (const auto& name : unnamed) {
        std::error_code ec;
        fs::remove_all(fs::path(db_path) / name, ec);
        if (ec) throw Error("cannot remove " + (fs::path(db_path) / name).string() + ": " + ec.message());
    }
    return unnamed.size();
}

bool is_single_database(const std::string& db_path) {
    std::error_code ec;
    return fs::exists(fs::path(db_path) / "iamglass", ec);
}

void remove_single_database(const std::string& db_path) {
    if (!is_single_database(db_path)) return;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(db_path, ec)) {
        const std::string name = entry.path().filename().string();
        if (name == "iamglass" || name == "flintlock" || name.ends_with(".glass")) fs::remove(entry.path(), ec);
    }
    if (ec) throw Error("cannot remove the old database in " + db_path + ": " + ec.message());
}

void remove_shards(const std::string& db_path) {
    std::error_code ec;
    // The stub goes first: a crash midway leaves "no database" rather than a stub naming
    // missing shards.
    fs::remove(fs::path(db_path) / kStub, ec);
    for (const auto& entry : fs::directory_iterator(db_path, ec)) {
        if (entry.path().filename().string().starts_with(kShardPrefix)) fs::remove_all(entry.path(), ec);
    }
    if (ec) throw Error("cannot remove the old database in " + db_path + ": " + ec.message());
}

unsigned shard_for(std::string_view file_key, unsigned count) {
    return static_cast<unsigned>(mix64(fnv1a(file_key)) % count);  // stable across builds and platforms
}

void sync_to_disk(const std::string& db_path) {
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(db_path, ec)) {
        // Not the lock file: closing any descriptor of it releases this process's fcntl lock.
        if (entry.path().filename() == kLock) continue;
        if (entry.is_regular_file(ec)) fsync_path(entry.path(), false);
        else if (entry.is_directory(ec)) fsync_path(entry.path(), true);
    }
    fsync_path(db_path, true);
}

void sync_folder(const std::string& folder) {
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(folder, ec)) {
        if (entry.is_regular_file(ec)) fsync_path(entry.path(), false);
        else if (entry.is_directory(ec)) fsync_path(entry.path(), true);
    }
    if (ec) throw Error("cannot sync " + folder + " to disk: " + ec.message());
    fsync_path(folder, true);
    fsync_path(fs::path(folder).parent_path(), true);
}

std::uintmax_t folder_bytes(const std::string& folder) {
    std::uintmax_t bytes = 0;
    std::error_code ec;
    // Files may vanish while they are counted (a compaction removing a shard): count what is
    // there, and never throw.
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code size_error;
        if (it->is_regular_file(size_error)) {
            const auto size = it->file_size(size_error);
            if (!size_error) bytes += size;
        }
    }
    return bytes;
}

}  // namespace newsdex::shard_layout
