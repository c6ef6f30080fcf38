#include "database/shard_set.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

#include "database/stub_file.h"
#include "index/shard_layout.h"
#include "util/errors.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

// Stubs naming stubs deeper than this are taken for a loop.
constexpr int kMaxStubDepth = 8;

// Opening a Newsdex folder while newsdex-index commits or compacts may fail once; reopening
// picks up the new revision or the shards the stub names now.
constexpr int kOpenAttempts = 3;

// What one part is before it is opened.
struct PartSpec {
    std::string label;
    enum class Kind { newsdex_folder, shard, remote } kind = Kind::newsdex_folder;
    std::string folder;
    StubEntry remote;
};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void resolve(const std::string& source, int depth, const std::string& named_by, std::vector<PartSpec>& out);

void resolve_stub(const std::string& stub_path, int depth, std::vector<PartSpec>& out) {
    if (depth >= kMaxStubDepth) {
        throw Error("stub " + stub_path + " is nested more than " + std::to_string(kMaxStubDepth) +
                    " stubs deep (do two stubs name each other?)");
    }
    for (const StubEntry& entry : read_stub(stub_path)) {
        if (entry.kind != StubEntry::Kind::path) {
            out.push_back({entry.label(), PartSpec::Kind::remote, "", entry});
            continue;
        }
        resolve(entry.path, depth + 1, stub_path + ":" + std::to_string(entry.line), out);
    }
}

// `named_by` is "STUB:LINE" for a path read from a stub, "" for a source given by the user.
void resolve(const std::string& source, int depth, const std::string& named_by, std::vector<PartSpec>& out) {
    const std::string where = named_by.empty() ? "" : named_by + ": ";
    std::error_code ec;
    const fs::file_status status = fs::status(source, ec);
    if (!fs::exists(status)) {
        throw Error(where + "no database at " + source +
                    (named_by.empty() ? " (create it with: newsdex-index -d " + source + " FOLDER)" : ""));
    }
    if (fs::is_regular_file(status)) {
        resolve_stub(source, depth, out);
        return;
    }
    if (!fs::is_directory(status)) throw Error(where + "cannot use " + source + " as a database: not a folder or a stub file");
    const fs::path stub = fs::path(source) / "XAPIANDB";
    // A Newsdex folder's own XAPIANDB names only its shards; any other stub names parts.
    if (fs::is_regular_file(stub, ec) && !shard_layout::own_shard_names(read_text(stub))) {
        resolve_stub(stub.string(), depth, out);
        return;
    }
    if (!named_by.empty() && fs::exists(fs::path(source) / "iamglass", ec)) {
        // One shard named on its own, e.g. by a replica's stub.
        out.push_back({source, PartSpec::Kind::shard, source, {}});
        return;
    }
    out.push_back({source, PartSpec::Kind::newsdex_folder, source, {}});
}

// "Connection refused" as "connection refused": the message goes after a colon.
std::string network_reason(const Xapian::Error& e) {
    std::string reason = e.get_error_string() != nullptr && *e.get_error_string() != '\0' ? e.get_error_string()
                                                                                       : e.get_msg();
    if (std::string_view(e.get_type()) == "NetworkTimeoutError") reason = "no answer within the timeout";
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    return reason;
}

Xapian::Database open_remote(const StubEntry& entry, unsigned timeout_ms) {
    try {
        if (entry.kind == StubEntry::Kind::tcp) {
            return Xapian::Remote::open(entry.host, entry.port, timeout_ms, timeout_ms);
        }
        return Xapian::Remote::open(entry.path, entry.args, timeout_ms);
    } catch (const Xapian::Error& e) {
        throw Error("part " + entry.label() + ": " + network_reason(e));
    }
}

// The shards of a Newsdex folder, opened; `layout` gets the folders the stub named.
std::vector<Xapian::Database> open_newsdex_folder(const std::string& folder, std::vector<std::string>& layout) {
    for (int attempt = 1;; ++attempt) {
        // Read again on each attempt: a compaction may have swapped a shard for its compacted
        // copy, and removed the folder the stub named a moment ago.
        layout = shard_layout::shard_paths(folder);
        if (layout.empty()) {
            throw Error("no database at " + folder + " (create it with: newsdex-index -d " + folder + " FOLDER)");
        }
        try {
            std::vector<Xapian::Database> shards;
            for (const auto& shard : layout) shards.emplace_back(shard);
            return shards;
        } catch (const Xapian::DatabaseVersionError& e) {
            throw Error("database " + folder + " was made by an incompatible Xapian version: " + e.get_msg());
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == kOpenAttempts) throw Error("database " + folder + " keeps changing; try again");
        } catch (const Xapian::DatabaseCorruptError& e) {
            // Seen now and then when opening while newsdex-index commits; real damage persists.
            if (attempt == kOpenAttempts) throw Error("cannot open database " + folder + ": " + e.get_description());
        } catch (const Xapian::DatabaseOpeningError& e) {
            // A shard folder removed after its compacted copy was swapped in: the stub names
            // another folder now. Otherwise the folder is simply not there.
            if (attempt == kOpenAttempts || shard_layout::shard_paths(folder) == layout) {
                throw Error("cannot open database " + folder + ": " + e.get_description());
            }
        } catch (const Xapian::Error& e) {
            throw Error("cannot open database " + folder + ": " + e.get_description());
        }
    }
}

// What a part's metadata says of it: its analyzer settings and the part of a collection it
// holds, read again when a commit discards the revision being read.
void read_part_record(std::vector<Xapian::Database>& shards, Part& part) {
    const std::string& label = part.label;
    for (int attempt = 1;; ++attempt) {
        try {
            part.settings = read_settings(shards.front(), label);
            part.of_collection = read_part(shards.front(), label);
            return;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kOpenAttempts) throw Error("database " + label + " keeps changing; try again");
            for (auto& shard : shards) shard.reopen();
        } catch (const Xapian::NetworkError& e) {
            throw Error("part " + label + ": " + network_reason(e));
        } catch (const Xapian::Error& e) {
            throw Error("cannot read database " + label + ": " + e.get_description());
        }
    }
}

// Searching two or more parts of a collection indexed with --part is meant to search all of
// it: say which parts are not there (a stub that forgot one, a part left out by --partial).
// One part searched alone is taken as meant.
std::optional<std::string> missing_parts(const std::vector<Part>& parts) {
    std::set<unsigned> searched;
    std::optional<unsigned> count;
    for (const Part& part : parts) {
        if (!part.of_collection) continue;
        if (count && *count != part.of_collection->count) {
            return "the parts searched come from collections indexed in different numbers of parts (--part " +
                   PartOf{searched.empty() ? 0 : *searched.begin(), *count}.text() + " and --part " +
                   part.of_collection->text() + "); each article is found at most once, but some may be missing";
        }
        count = part.of_collection->count;
        searched.insert(part.of_collection->index);
    }
    if (searched.size() < 2 || searched.size() == *count) return std::nullopt;
    std::string missing;
    std::size_t n = 0;
    for (unsigned k = 0; k < *count; ++k) {
        if (searched.contains(k)) continue;
        if (++n <= 8) missing += (missing.empty() ? "" : ", ") + PartOf{k, *count}.text();
    }
    if (n > 8) missing += " and " + std::to_string(n - 8) + " more";
    return std::string(n == 1 ? "part " : "parts ") + missing + " of the collection " +
           (n == 1 ? "is" : "are") + " not searched: its articles are not found, and scores use the other parts' "
           "statistics";
}

}  // namespace

ShardSet::ShardSet(std::vector<std::string> sources, OpenOptions options)
    : sources_(std::move(sources)), options_(options) {
    if (sources_.empty()) throw Error("no database given");
    open();
}

void ShardSet::open() {
    std::vector<PartSpec> specs;
    for (const auto& source : sources_) resolve(source, 0, "", specs);

    std::vector<Part> parts;
    std::vector<Xapian::Database> shards;
    std::vector<std::vector<std::string>> layouts;
    std::vector<std::string> warnings;
    for (const PartSpec& spec : specs) {
        try {
            std::vector<std::string> layout;
            std::vector<Xapian::Database> opened;
            switch (spec.kind) {
                case PartSpec::Kind::newsdex_folder:
                    opened = open_newsdex_folder(spec.folder, layout);
                    break;
                case PartSpec::Kind::shard:
                    try {
                        opened.emplace_back(spec.folder);
                    } catch (const Xapian::Error& e) {
                        throw Error("cannot open database " + spec.folder + ": " + e.get_description());
                    }
                    break;
                case PartSpec::Kind::remote:
                    opened.push_back(open_remote(spec.remote, options_.timeout_ms));
                    break;
            }
            Part part;
            part.label = spec.label;
            part.folder = spec.folder;
            part.remote = spec.kind == PartSpec::Kind::remote;
            read_part_record(opened, part);
            part.first_shard = shards.size();
            part.shard_count = opened.size();
            for (auto& shard : opened) shards.push_back(std::move(shard));
            parts.push_back(std::move(part));
            layouts.push_back(std::move(layout));
        } catch (const Error& e) {
            if (!options_.partial) throw;
            warnings.push_back(std::string(e.what()) + " (left out: --partial)");
        }
    }
    if (parts.empty()) throw Error("no part of " + description() + " could be opened");
    for (const Part& part : parts) {
        if (auto difference = settings_difference(parts.front().settings, part.settings)) {
            throw Error("parts " + parts.front().label + " and " + part.label +
                        " were indexed with different settings (" + difference->first + " and " +
                        difference->second + "); search them separately or re-index one");
        }
    }
    if (auto missing = missing_parts(parts)) warnings.push_back(*missing);
    Xapian::Database whole;
    for (const auto& shard : shards) whole.add_database(shard);

    parts_ = std::move(parts);
    shards_ = std::move(shards);
    local_layouts_ = std::move(layouts);
    whole_ = std::move(whole);
    warnings_ = std::move(warnings);
}

bool ShardSet::has_remote() const {
    for (const auto& part : parts_) {
        if (part.remote) return true;
    }
    return false;
}

std::string ShardSet::description() const {
    std::string joined;
    for (const auto& source : sources_) joined += (joined.empty() ? "" : " + ") + source;
    return joined;
}

void ShardSet::refresh() {
    // Compaction swaps shards for new folders (index/shard_compaction.h): reopening the old
    // ones would find them gone, or keep showing what they held when they were replaced.
    for (std::size_t i = 0; i < parts_.size(); ++i) {
        if (!local_layouts_[i].empty() && shard_layout::shard_paths(parts_[i].folder) != local_layouts_[i]) {
            open();
            return;
        }
    }
    try {
        whole_.reopen();
        for (auto& shard : shards_) shard.reopen();
    } catch (const Xapian::DatabaseOpeningError&) {
        open();  // swapped since the stub was read
    }
}

}  // namespace newsdex
