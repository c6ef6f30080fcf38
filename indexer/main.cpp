// newsdex-index: the command line around common/'s FolderIndexer. Parses options, opens the
// database, runs the walk, prints the summary, and turns errors into exit codes:
// 0 nothing to report, 1 some input produced warnings, 2 fatal error.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "index/folder_indexer.h"
#include "index/index_writer.h"
#include "readers/encoding.h"
#include "util/diagnostics.h"
#include "util/errors.h"

namespace {

std::string default_db() {
    const char* env = std::getenv("NEWSDEX_DB");
    return (env != nullptr && *env != '\0') ? env : "newsdex.db";
}

void print_summary(const newsdex::IndexSummary& s, std::size_t warnings, double seconds) {
    const double mb = static_cast<double>(s.bytes) / 1e6;
    const std::size_t articles = s.added + s.updated;
    char line[512];
    std::snprintf(line, sizeof line,
                  "indexed %zu articles (%zu added, %zu updated) from %zu files; %zu ignored, "
                  "%zu failed; %zu warnings; %.2f s, %.1f MB/s, %.0f articles/s\n",
                  articles, s.added, s.updated, s.files_read, s.files_ignored, s.files_failed,
                  warnings, seconds, seconds > 0 ? mb / seconds : 0.0,
                  seconds > 0 ? static_cast<double>(articles) / seconds : 0.0);
    std::cerr << line;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "newsdex-index - index news articles for full-text search\n\n"
        "Reads the given files and folders (recursively; hidden files are skipped) and adds each\n"
        "article to a Xapian database that newsdex-search queries. Formats, by extension:\n"
        "  .txt .md        one article; optional 'Key: value' header block or --- front matter\n"
        "  .json           one article object, an array of them, or {\"articles\": [...]}\n"
        "  .jsonl .ndjson  one article object per line\n"
        "Other files are ignored and counted. Re-indexing a file replaces its articles.\n\n"
        "Exit status: 0 all input indexed cleanly, 1 indexed with warnings (each printed on\n"
        "stderr with its file and line), 2 fatal error (bad usage, no path exists, database\n"
        "cannot be opened, is locked, or was made with other analyzer settings).\n\n"
        "Examples:\n"
        "  newsdex-index -d news.db ~/archive/articles\n"
        "  newsdex-index -d news.de.db --language german --accents keep berliner/ feeds.jsonl\n"};
    app.get_formatter()->column_width(32);

    std::string db = default_db();
    std::vector<std::string> paths;
    std::string language = "english";
    std::string accents = "fold";
    bool quiet = false;
    std::string encoding;
    app.add_option("paths", paths, "Files and folders to index")->required();
    app.add_option("-d,--db", db, "Database folder (default: $NEWSDEX_DB, else ./newsdex.db)");
    app.add_option("--language", language,
                   "Stemming language: a Snowball stemmer name (english, german, french, russian, "
                   "...) or none")
        ->capture_default_str();
    app.add_option("--accents", accents, "fold: accents do not matter; keep: they do")
        ->check(CLI::IsMember({"fold", "keep"}))
        ->capture_default_str();
    app.add_option("--encoding", encoding,
                   "Charset of every file (latin1, koi8-r, shift_jis, ...) instead of detection")
        ->option_text("NAME");
    app.add_flag("-q,--quiet", quiet, "No summary line (warnings are still printed)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    if (!encoding.empty() && !newsdex::encoding_supported(encoding)) {
        std::cerr << "error: unknown encoding '" << encoding << "'\n";
        return 2;
    }

    newsdex::Diagnostics diag(&std::cerr);
    const auto start = std::chrono::steady_clock::now();
    try {
        newsdex::AnalyzerSettings settings{language, accents == "fold"};
        newsdex::IndexWriter writer(db, settings);
        newsdex::FolderIndexer indexer(writer, diag, newsdex::DecodeOptions{encoding, {}});
        const newsdex::IndexSummary summary = indexer.run(paths);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!quiet) print_summary(summary, diag.count(), seconds);
    } catch (const newsdex::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
    return diag.count() == 0 ? 0 : 1;
}
