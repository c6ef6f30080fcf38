#include "index/index_writer.h"

#include <filesystem>

#include "index/schema.h"
#include "util/errors.h"

namespace newsdex {

namespace {

// Measured: Xapian's inverter slows as its pending batch grows; committing every thousand
// articles is faster than its default of ten thousand and needs less memory.
constexpr std::size_t kCommitEvery = 1000;

// Refuses to turn an unrelated, non-empty folder into a database.
void check_target(const std::string& db_path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path path(db_path);
    if (!fs::exists(path, ec)) return;
    if (!fs::is_directory(path, ec)) {
        throw Error("cannot use " + db_path + " as a database: it is a file, not a directory");
    }
    if (fs::is_empty(path, ec)) return;
    if (fs::exists(path / "iamglass", ec) || fs::exists(path / "iamchert", ec)) return;
    throw Error("cannot use " + db_path + " as a database: the directory holds other files");
}

}  // namespace

Xapian::WritableDatabase open_writable(const std::string& db_path) {
    check_target(db_path);
    try {
        return Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw Error("database " + db_path + " is being written by another newsdex-index");
    } catch (const Xapian::DatabaseVersionError& e) {
        throw Error("database " + db_path + " was made by an incompatible Xapian version: " +
                    e.get_msg());
    } catch (const Xapian::Error& e) {
        throw Error("cannot open database " + db_path + " for writing: " + e.get_description());
    }
}

namespace {
AnalyzerSettings checked_settings(Xapian::WritableDatabase& db, const std::string& path,
                                  const AnalyzerSettings& wanted) {
    validate_language(wanted.language);  // a typo is reported as such, not as a mismatch
    if (has_settings(db)) {
        check_same_settings(read_settings(db, path), wanted, path);
    } else {
        write_settings(db, wanted);
    }
    return wanted;
}
}  // namespace

IndexWriter::IndexWriter(const std::string& db_path, const AnalyzerSettings& settings)
    : path_(db_path),
      db_(open_writable(db_path)),
      analyzer_(checked_settings(db_, db_path, settings)),
      stems_(analyzer_),
      builder_(analyzer_, &stems_) {}

IndexWriter::~IndexWriter() {
    try {
        commit();
    } catch (...) {
        // Destructors must not throw; callers that care call commit() themselves.
    }
}

bool IndexWriter::add(const Article& article, const std::string& file_path) {
    const std::string key = schema::unique_term(article.path, article.id);
    Xapian::Document doc = builder_.build(article, file_path);
    try {
        const bool existed = db_.term_exists(key);
        db_.replace_document(key, doc);
        if (++pending_ >= kCommitEvery) commit();
        return existed;
    } catch (const Xapian::Error& e) {
        throw Error("cannot write to database " + path_ + ": " + e.get_description());
    }
}

void IndexWriter::commit() {
    try {
        stems_.flush(db_);
        db_.commit();
        pending_ = 0;
    } catch (const Xapian::Error& e) {
        throw Error("cannot commit to database " + path_ + ": " + e.get_description());
    }
}

}  // namespace newsdex
