// Compressed files and archives, indexed by the real FolderIndexer into a temporary database
// and read back: exact article paths, ids, titles and file terms, exact warnings and counts.
// Fixtures in data/archives/ are made by data/make-fixtures.sh (data/archives/README).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/folder_indexer.h"
#include "index/index_run.h"
#include "index/schema.h"
#include "readers/archive_source.h"

namespace {

using namespace newsdex;
namespace fs = std::filesystem;

const fs::path kData = fs::path(NEWSDEX_TEST_DATA) / "archives";

// A folder under the system's temporary folder, removed with everything in it.
class TempDir {
public:
    explicit TempDir(const std::string& name)
        : path_(fs::temp_directory_path() /
                ("newsdex-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter_))) {
        fs::remove_all(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    static inline int counter_ = 0;
    fs::path path_;
};

struct Indexed {
    std::vector<std::string> articles;  // "path | id | title | file term", sorted
    std::vector<Article> stored;        // the articles themselves, in the same order
    std::string warnings;
    IndexSummary summary;
};

std::string file_term(const Xapian::Document& doc) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        // The file key is "<root id>:<path>"; the root's id changes with the temporary folder.
        if (term.starts_with(schema::kFile)) return term.substr(term.find(':') + 1);
    }
    return "(none)";
}

Indexed index_paths(const std::vector<fs::path>& paths) {
    TempDir db("archive-test-db");
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    Indexed out;
    {
        IndexOptions options;
        options.db = db.path().string();
        options.jobs = 1;
        std::vector<std::string> given;
        for (const auto& p : paths) given.push_back(p.string());
        out.summary = run_index(given, options, diag).walk;
    }
    Xapian::Database database(db.path().string());
    std::vector<std::pair<std::string, Article>> rows;
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        const Xapian::Document doc = database.get_document(*it);
        Article article = schema::decode_article(doc.get_data());
        rows.emplace_back(article.path + " | " + article.id + " | " + article.title + " | " + file_term(doc),
                          std::move(article));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, article] : rows) {
        out.articles.push_back(line);
        out.stored.push_back(std::move(article));
    }
    out.warnings = warnings.str();
    return out;
}

using Lines = std::vector<std::string>;

TEST(ArchiveNames, ClassifiesByTheirEndings) {
    const struct {
        const char* name;
        Packing packing;
        const char* inner;
    } rows[] = {
        {"news.jsonl.gz", Packing::compressed, "news.jsonl"},
        {"dir/Note.TXT.BZ2", Packing::compressed, "dir/Note.TXT"},
        {"a.md.xz", Packing::compressed, "a.md"},
        {"a.json.zst", Packing::compressed, "a.json"},
        {"la010189.Z", Packing::compressed, "la010189"},
        {"crawl.warc.gz", Packing::compressed, "crawl.warc"},
        {"a.tar", Packing::archive, "a.tar"},
        {"a.tar.gz", Packing::archive, "a.tar.gz"},
        {"a.TGZ", Packing::archive, "a.TGZ"},
        {"a.tar.bz2", Packing::archive, "a.tar.bz2"},
        {"a.tar.xz", Packing::archive, "a.tar.xz"},
        {"a.tar.zst", Packing::archive, "a.tar.zst"},
        {"a.zip", Packing::archive, "a.zip"},
        {"a.txt", Packing::plain, "a.txt"},
        {"crawl.warc", Packing::plain, "crawl.warc"},
        {"README", Packing::plain, "README"},
        {".gz", Packing::plain, ".gz"},
        {"a.gzip", Packing::plain, "a.gzip"},
    };
    for (const auto& row : rows) {
        const NameKind kind = classify_name(row.name);
        EXPECT_EQ(kind.packing, row.packing) << row.name;
        EXPECT_EQ(kind.inner, row.inner) << row.name;
    }
    EXPECT_TRUE(is_warc_name("a/crawl.WARC"));
    EXPECT_FALSE(is_warc_name("crawl.warc.gz"));  // only once the .gz is taken off
}

TEST(ArchiveStream, ListsRegularFilesInOrder) {
    ArchiveStream archive(kData / "news.tar.gz", ArchiveStream::Mode::archive);
    Lines names;
    std::string name;
    while (archive.next_entry(name)) names.push_back(name);  // entries left unread are skipped
    EXPECT_EQ(names, (Lines{"world/markets.txt", "world/briefs.jsonl", "data/wire.json.gz", ".DS_Store",
                            "world/photo.jpg", "old/inner.tar"}));
}

TEST(ArchiveStream, DecompressesANestedEntry) {
    ArchiveStream archive(kData / "news.tar.gz", ArchiveStream::Mode::archive);
    std::string name;
    while (archive.next_entry(name) && name != "data/wire.json.gz") {}
    ASSERT_EQ(name, "data/wire.json.gz");
    ArchiveStream inner(archive, ArchiveStream::Mode::compressed);
    ASSERT_TRUE(inner.next_entry(name));
    std::string text;
    read_into(inner, text, 10);
    EXPECT_EQ(text, "[{\"id\": \"w");
    read_into(inner, text);
    EXPECT_TRUE(text.ends_with("\"Tin fell.\"}]\n")) << text;
    EXPECT_FALSE(inner.next_entry(name));
}

TEST(ArchiveStream, PassesUncompressedBytesThrough) {
    MemoryStream plain("just text\n");
    ArchiveStream stream(plain, ArchiveStream::Mode::compressed);
    std::string name;
    ASSERT_TRUE(stream.next_entry(name));
    std::string text;
    read_into(stream, text);
    EXPECT_EQ(text, "just text\n");
}

TEST(ArchiveStream, ReportsDamage) {
    const std::string bad_gzip("\x1F\x8B\x08\x00\x00\x00\x00\x00\x02\x03\xFF\xFF\xFF\xFF", 14);
    MemoryStream bytes(bad_gzip);
    try {
        ArchiveStream stream(bytes, ArchiveStream::Mode::compressed);
        FAIL() << "no error";
    } catch (const StreamError& e) {
        EXPECT_EQ(std::string(e.what()), "gzip decompression failed");
        EXPECT_EQ(e.layer(), StreamError::Layer::compressed);
    }
    EXPECT_THROW(ArchiveStream(kData / "README", ArchiveStream::Mode::archive), StreamError);
}

TEST(ArchiveIndexing, TarGzWithANestedCompressedEntry) {
    const Indexed out = index_paths({kData / "news.tar.gz"});
    // Entries are paths inside the archive; the file term is the archive, for all of them.
    EXPECT_EQ(out.articles, (Lines{
        "news.tar.gz:data/wire.json.gz#1 | w-100 | Wire one | news.tar.gz",
        "news.tar.gz:data/wire.json.gz#2 | w-101 | Wire two | news.tar.gz",
        // An archive inside the archive is opened (down to --max-archive-depth); its entries'
        // file term is still the file on disk.
        "news.tar.gz:old/inner.tar:markets.txt | news.tar.gz:old/inner.tar:markets.txt | Markets steady | news.tar.gz",
        "news.tar.gz:world/briefs.jsonl#1 | b-1 | Ferry strike ends | news.tar.gz",
        "news.tar.gz:world/briefs.jsonl#2 | b-2 | Rail link approved | news.tar.gz",
        "news.tar.gz:world/markets.txt | news.tar.gz:world/markets.txt | Markets steady | news.tar.gz",
    }));
    EXPECT_EQ(out.warnings, "");
    EXPECT_EQ(out.summary.files_read, 4u);
    EXPECT_EQ(out.summary.files_ignored, 2u);  // .DS_Store, photo.jpg
    EXPECT_EQ(out.summary.files_failed, 0u);
}

TEST(ArchiveIndexing, Zip) {
    const Indexed out = index_paths({kData / "bundle.zip"});
    EXPECT_EQ(out.articles, (Lines{
        "bundle.zip:notes/brief.txt | bundle.zip:notes/brief.txt | Orchard harvest | bundle.zip",
        "bundle.zip:story.md | bundle.zip:story.md | Lighthouse keepers return | bundle.zip",
    }));
    EXPECT_EQ(out.warnings, "");
    EXPECT_EQ(out.summary.files_ignored, 1u);  // __MACOSX/._story.md
}

TEST(ArchiveIndexing, CompressedFilesAndSniffedTrec) {
    const Indexed out = index_paths({kData / "feed.jsonl.gz", kData / "note.txt.bz2",
                                     kData / "report.md.xz", kData / "wire.json.zst", kData / "trec",
                                     kData / "README"});
    EXPECT_EQ(out.articles, (Lines{
        "fb396001.gz#1 | FB396001-0001 | Grain harvest estimate raised | fb396001.gz",
        "feed.jsonl.gz#1 | f-1 | Snow closes pass | feed.jsonl.gz",
        "feed.jsonl.gz#2 | f-2 | Pass reopens | feed.jsonl.gz",
        "la010190#1 | LA010190-0001 | Council approves bus lanes | la010190",
        "note.txt.bz2 | note.txt.bz2 | Compressed with bzip2 | note.txt.bz2",
        "report.md.xz | report.md.xz | Compressed with xz | report.md.xz",
        "wire.json.zst | z-1 | Compressed with zstd | wire.json.zst",
    }));
    EXPECT_EQ(out.warnings, "");
    EXPECT_EQ(out.summary.files_read, 6u);
    EXPECT_EQ(out.summary.files_ignored, 1u);  // README: no extension, not TREC
}

TEST(ArchiveIndexing, TruncatedArchiveKeepsWhatCameBefore) {
    const Indexed out = index_paths({kData / "truncated.tar.gz"});
    EXPECT_EQ(out.warnings,
              "warning: truncated.tar.gz:wire/third.txt: damaged archive: truncated gzip input\n");
    ASSERT_EQ(out.articles, (Lines{
        "truncated.tar.gz:wire/first.txt | truncated.tar.gz:wire/first.txt | First wire | truncated.tar.gz",
        "truncated.tar.gz:wire/second.json | t-2 | Second wire | truncated.tar.gz",
        "truncated.tar.gz:wire/third.txt | truncated.tar.gz:wire/third.txt | Third wire | truncated.tar.gz",
    }));
    // The cut entry keeps its complete lines only.
    const std::string& body = out.stored[2].body;
    EXPECT_TRUE(body.starts_with("Paragraph 0001 of the long wire report.\n")) << body.substr(0, 80);
    EXPECT_TRUE(body.ends_with(" of the long wire report.")) << body.substr(body.size() - 80);
    EXPECT_EQ(body.find("Paragraph 2000"), std::string::npos);
    EXPECT_EQ(out.summary.files_failed, 1u);
}

TEST(ArchiveIndexing, BadGzipStreams) {
    const Indexed alone = index_paths({kData / "broken.jsonl.gz"});
    EXPECT_EQ(alone.warnings, "warning: broken.jsonl.gz: damaged compressed file: gzip decompression failed\n");
    EXPECT_EQ(alone.articles, Lines{});
    EXPECT_EQ(alone.summary.files_failed, 1u);

    // As an archive entry it loses only itself: the entries after it are read.
    const Indexed entry = index_paths({kData / "mixed.tar"});
    EXPECT_EQ(entry.warnings,
              "warning: mixed.tar:bad.json.gz: damaged compressed file: gzip decompression failed\n");
    EXPECT_EQ(entry.articles, (Lines{
        "mixed.tar:after.md | mixed.tar:after.md | After the bad entry | mixed.tar",
        "mixed.tar:good.txt | mixed.tar:good.txt | Before the bad entry | mixed.tar",
    }));
}

// The real binary on the whole folder: the damaged fixtures make the exit code 1, and every
// good file is still indexed.
TEST(ArchiveEndToEnd, IndexerReadsTheFolderAndExitsOne) {
    TempDir dir("archive-e2e");
    fs::create_directories(dir.path());
    const fs::path db = dir.path() / "db";
    const fs::path err = dir.path() / "stderr";
    const std::string command = std::string("'") + NEWSDEX_INDEX_BIN + "' -d '" + db.string() + "' '" +
                                kData.string() + "' 2> '" + err.string() + "' > /dev/null";
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1);
    std::ifstream in(err);
    std::stringstream text;
    text << in.rdbuf();
    const std::string stderr_text = text.str();
    const std::string warnings = stderr_text.substr(0, stderr_text.find("indexed "));
    EXPECT_EQ(warnings,
              "warning: broken.jsonl.gz: damaged compressed file: gzip decompression failed\n"
              "warning: crawl.warc.gz: record 6: malformed WARC record (bad Content-Length 'many'), skipped\n"
              "warning: mixed.tar:bad.json.gz: damaged compressed file: gzip decompression failed\n"
              "warning: truncated.tar.gz:wire/third.txt: damaged archive: truncated gzip input\n");
    // 5 + 2 from the archives (and 1 from an archive inside one), 7 from compressed and TREC
    // files, 3 + 2 around the damage, 3 pages of the crawl.
    EXPECT_TRUE(stderr_text.find("indexed 23 articles: 23 added, 0 updated, 0 unchanged, 0 removed; "
                                 "18 files read, 0 unchanged, 4 ignored, 3 failed; 4 warnings;") != std::string::npos)
        << stderr_text;
}

}  // namespace
