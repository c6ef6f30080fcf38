#include "index/shard_compaction.h"

#include <xapian.h>

#include <cctype>
#include <filesystem>
#include <vector>

#include "index/shard_layout.h"
#include "util/errors.h"

namespace newsdex {

namespace fs = std::filesystem;

std::size_t remove_compaction_leftovers(const std::string& db_path) {
    return shard_layout::remove_unnamed_entries(db_path);
}

std::string compacted_name(const std::string& shard_name) {
    const std::size_t dot = shard_name.rfind('.');
    if (dot != std::string::npos && dot + 1 < shard_name.size()) {
        const std::string generation = shard_name.substr(dot + 1);
        bool digits = generation.size() < 10;
        for (char c : generation) digits = digits && std::isdigit(static_cast<unsigned char>(c)) != 0;
        if (digits) return shard_name.substr(0, dot) + "." + std::to_string(std::stoul(generation) + 1);
    }
    return shard_name + ".1";
}

bool worth_compacting(std::size_t written, std::size_t articles) {
    if (written == 0) return false;
    return written * 100 >= articles * kCompactAbovePercent;
}

CompactionReport compact_shards(const std::string& db_path) {
    const std::vector<std::string> paths = shard_layout::shard_paths(db_path);
    if (paths.empty()) throw Error("no database at " + db_path + " to compact");
    std::vector<std::string> names;
    for (const auto& path : paths) names.push_back(fs::path(path).filename().string());

    CompactionReport report;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const fs::path old_folder = fs::path(db_path) / names[i];
        const std::string fresh_name = compacted_name(names[i]);
        const fs::path fresh = fs::path(db_path) / fresh_name;
        std::error_code ec;
        fs::remove_all(fresh, ec);  // a killed compaction's copy, should the caller not have cleaned
        if (ec) throw Error("cannot remove " + fresh.string() + ": " + ec.message());
        const std::uintmax_t before = shard_layout::folder_bytes(old_folder.string());
        try {
            // FULL, as xapian-compact does by default: blocks are filled, but items are not
            // made oversize, which FULLER does and later updates would pay for.
            Xapian::Database(old_folder.string())
                .compact(fresh.string(), Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
        } catch (const Xapian::Error& e) {
            fs::remove_all(fresh, ec);
            throw Error("cannot compact " + old_folder.string() + ": " + e.get_description());
        }
        // The copy is on disk before the stub names it: after a power cut the stub may name
        // either folder, and each is then whole.
        shard_layout::sync_folder(fresh.string());
        names[i] = fresh_name;
        shard_layout::write_stub(db_path, names);
        fs::remove_all(old_folder, ec);
        if (ec) throw Error("cannot remove the replaced shard " + old_folder.string() + ": " + ec.message());
        ++report.shards;
        report.bytes_before += before;
        report.bytes_after += shard_layout::folder_bytes(fresh.string());
    }
    return report;
}

}  // namespace newsdex
