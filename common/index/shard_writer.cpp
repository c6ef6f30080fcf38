#include "index/shard_writer.h"

#include <algorithm>

#include "index/schema.h"
#include "util/errors.h"

namespace newsdex {

namespace {

const std::string kFileStatePrefix = "file:";

Xapian::WritableDatabase open_shard(const std::string& shard_path, const std::string& db_path) {
    try {
        // DB_NO_SYNC: commits stay atomic for a killed process (the page cache survives it);
        // the indexer fsyncs the whole database once at the end of the run.
        return Xapian::WritableDatabase(shard_path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_NO_SYNC);
    } catch (const Xapian::DatabaseLockError&) {
        throw Error("database " + db_path + " is being written by another process");
    } catch (const Xapian::DatabaseVersionError& e) {
        throw Error("database " + db_path + " was made by an incompatible Xapian version: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw Error("cannot open database " + db_path + " for writing: " + e.get_description());
    }
}

AnalyzerSettings checked_settings(Xapian::WritableDatabase& db, const std::string& db_path,
                                  const AnalyzerSettings& wanted, const std::optional<PartOf>& part) {
    validate_language(wanted.language);  // a typo is reported as such, not as a mismatch
    const bool new_shard = !has_settings(db);
    if (new_shard) {
        write_settings(db, wanted);
    } else {
        check_same_settings(read_settings(db, db_path), wanted, db_path);
    }
    record_or_check_part(db, new_shard, part, db_path);
    return wanted;
}

}  // namespace

std::string file_state(std::uintmax_t size, long long mtime_ns) {
    return std::to_string(size) + " " + std::to_string(mtime_ns);
}

ShardWriter::ShardWriter(const std::string& shard_path, const std::string& db_path,
                         const AnalyzerSettings& settings, const std::optional<PartOf>& part, CommitPolicy policy)
    : shard_path_(shard_path),
      db_path_(db_path),
      db_(open_shard(shard_path, db_path)),
      analyzer_(checked_settings(db_, db_path, settings, part)),
      stems_(analyzer_),
      builder_(analyzer_, &stems_),
      policy_(policy),
      last_commit_(std::chrono::steady_clock::now()) {
    commit();  // a new shard's settings are on disk before the stub names it
}

void ShardWriter::fail(const char* doing, const Xapian::Error& e) const {
    throw Error("cannot " + std::string(doing) + " database " + db_path_ + ": " + e.get_description());
}

bool ShardWriter::add(const Article& article, const std::string& file_key) {
    const std::string key = schema::article_key(file_key, article.path, article.id);
    Xapian::Document doc = builder_.build(article, file_key);
    try {
        const bool existed = db_.term_exists(key);
        added_by_file_[file_key].insert(db_.replace_document(key, doc));
        ++pending_;
        pending_text_bytes_ += article.title.size() + article.body.size();
        commit_if_due();
        return existed;
    } catch (const Xapian::Error& e) {
        fail("write to", e);
    }
}

std::size_t ShardWriter::finish_file(const std::string& file_key, const std::string& state) {
    DocidSet added = std::move(added_by_file_[file_key]);
    added_by_file_.erase(file_key);
    std::size_t removed = 0;
    try {
        const std::string file_term = std::string(schema::kFile) + file_key;
        std::vector<Xapian::docid> stale;
        for (auto it = db_.postlist_begin(file_term); it != db_.postlist_end(file_term); ++it) {
            if (!added.contains(*it)) stale.push_back(*it);
        }
        for (Xapian::docid id : stale) db_.delete_document(id);
        removed = stale.size();
        db_.set_metadata(kFileStatePrefix + file_key, state + " " + std::to_string(added.size()));
        pending_ += removed + 1;
        commit_if_due();
    } catch (const Xapian::Error& e) {
        fail("write to", e);
    }
    return removed;
}

std::size_t ShardWriter::remove_file(const std::string& file_key) {
    try {
        const std::string file_term = std::string(schema::kFile) + file_key;
        const Xapian::doccount before = db_.get_doccount();
        db_.delete_document(file_term);
        const std::size_t removed = before - db_.get_doccount();
        db_.set_metadata(kFileStatePrefix + file_key, "");
        pending_ += removed + 1;
        commit_if_due();
        return removed;
    } catch (const Xapian::Error& e) {
        fail("write to", e);
    }
}

void ShardWriter::commit_if_due() {
    if (pending_ >= policy_.every_articles || pending_text_bytes_ >= policy_.every_text_bytes ||
        std::chrono::steady_clock::now() - last_commit_ >= policy_.every_seconds) {
        commit();
    }
}

void ShardWriter::commit() {
    try {
        stems_.flush(db_);
        db_.commit();
    } catch (const Xapian::Error& e) {
        fail("commit to", e);
    }
    pending_ = 0;
    pending_text_bytes_ = 0;
    last_commit_ = std::chrono::steady_clock::now();
}

// ---- FileStates -------------------------------------------------------------------------------

namespace {

// "size mtime count" → "size mtime" and count.
std::pair<std::string, std::size_t> split_state(const std::string& value) {
    const auto last_space = value.rfind(' ');
    if (last_space == std::string::npos) return {value, 0};
    return {value.substr(0, last_space), std::strtoull(value.c_str() + last_space + 1, nullptr, 10)};
}

}  // namespace

FileStates::FileStates(const std::vector<std::string>& shard_paths) {
    for (const auto& path : shard_paths) {
        try {
            shards_.emplace_back(path);
        } catch (const Xapian::DatabaseOpeningError&) {
            // A shard never committed yet: no file has a state everywhere.
            shards_.clear();
            return;
        }
    }
}

std::string FileStates::get(const std::string& file_key) const {
    if (shards_.empty()) return {};
    std::string agreed;
    for (std::size_t i = 0; i < shards_.size(); ++i) {
        const std::string value = shards_[i].get_metadata(kFileStatePrefix + file_key);
        if (value.empty()) return {};
        std::string state = split_state(value).first;
        if (i == 0) agreed = std::move(state);
        else if (state != agreed) return {};
    }
    return agreed;
}

std::size_t FileStates::article_count(const std::string& file_key) const {
    std::size_t count = 0;
    for (const auto& shard : shards_) count += split_state(shard.get_metadata(kFileStatePrefix + file_key)).second;
    return count;
}

std::vector<std::string> FileStates::keys_with_prefix(const std::string& prefix) const {
    std::vector<std::string> keys;
    const std::string full = kFileStatePrefix + prefix;
    for (const auto& shard : shards_) {
        for (auto it = shard.metadata_keys_begin(full); it != shard.metadata_keys_end(full); ++it) {
            keys.push_back((*it).substr(kFileStatePrefix.size()));
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

}  // namespace newsdex
