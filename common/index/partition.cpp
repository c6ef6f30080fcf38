#include "index/partition.h"

#include <charconv>

#include "util/errors.h"
#include "util/hash.h"

namespace newsdex {

namespace {

const std::string kPartKey = "newsdex.part";

// A different starting state from every other hash Newsdex takes of a path, so that an
// article's part says nothing about its shard within the part.
const std::uint64_t kPartSeed = fnv1a("newsdex part routing\x1f");

std::optional<unsigned> number(std::string_view text) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

}  // namespace

std::string PartOf::text() const { return std::to_string(index) + "/" + std::to_string(count); }

PartOf parse_part(std::string_view text) {
    const auto slash = text.find('/');
    const auto k = slash == std::string_view::npos ? std::nullopt : number(text.substr(0, slash));
    const auto n = slash == std::string_view::npos ? std::nullopt : number(text.substr(slash + 1));
    if (!k || !n) {
        throw Error("--part: expected K/N, part K (from 0) of N, such as 0/4; got '" + std::string(text) + "'");
    }
    if (*n == 0 || *n > kMaxParts) {
        throw Error("--part " + std::string(text) + ": the number of parts must be from 1 to " + std::to_string(kMaxParts));
    }
    if (*k >= *n) {
        throw Error("--part " + std::string(text) + ": parts of " + std::to_string(*n) + " are numbered 0 to " +
                    std::to_string(*n - 1));
    }
    return PartOf{*k, *n};
}

unsigned part_for(std::string_view article_path, unsigned count) {
    return static_cast<unsigned>(mix64(fnv1a(article_path, kPartSeed)) % count);
}

std::optional<PartOf> read_part(const Xapian::Database& db, const std::string& db_path) {
    const std::string value = db.get_metadata(kPartKey);
    if (value.empty()) return std::nullopt;
    try {
        return parse_part(value);
    } catch (const Error&) {
        throw Error("database " + db_path + " has a damaged part record ('" + value + "'); re-index it");
    }
}

void record_or_check_part(Xapian::WritableDatabase& db, bool new_shard, const std::optional<PartOf>& wanted,
                          const std::string& db_path) {
    if (new_shard) {
        if (wanted) db.set_metadata(kPartKey, wanted->text());
        return;
    }
    const std::optional<PartOf> held = read_part(db, db_path);
    if (held == wanted) return;
    if (!wanted) {
        throw Error("database " + db_path + " holds part " + held->text() +
                    " of a collection (give --part " + held->text() + " to index into it)");
    }
    if (!held) {
        throw Error("database " + db_path + " holds a whole collection, not part " + wanted->text() +
                    " (leave out --part, or index the part into a new database)");
    }
    throw Error("database " + db_path + " holds part " + held->text() + " of a collection, not part " +
                wanted->text() + " (give --part " + held->text() + ", or index part " + wanted->text() +
                " into a new database)");
}

}  // namespace newsdex
