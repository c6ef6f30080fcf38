// newsdex-index: the command line around common/'s run_index. Parses options, shows progress
// on a terminal, prints the summary, and turns the outcome into an exit code:
// 0 nothing to report, 1 some input produced warnings, 2 fatal error.
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "database/stub_file.h"
#include "index/index_run.h"
#include "index/partition.h"
#include "output/progress_line.h"
#include "readers/encoding.h"
#include "util/diagnostics.h"
#include "util/errors.h"
#include "util/version.h"

namespace {

std::string default_db() {
    const char* env = std::getenv("NEWSDEX_DB");
    return (env != nullptr && *env != '\0') ? env : "newsdex.db";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "newsdex-index - index news articles for full-text search\n\n"
        "Reads the given files and folders (recursively; hidden files are skipped) and adds each\n"
        "article to a database that newsdex-search queries. Formats, by name or by content:\n"
        "  .txt .md              one article; optional 'Key: value' header or --- front matter\n"
        "  .json .jsonl .ndjson  an article object, an array or {\"articles\": [...]}; one per line\n"
        "  .html .htm            a web page (title, date, author from meta tags and JSON-LD)\n"
        "  .xml .rss .atom .nitf RSS and Atom feeds (one article an item), NITF, other XML\n"
        "  .trec .sgml .sgm      TREC newswire (<DOC>), Reuters-21578 SGML\n"
        "  .warc .warc.gz        web crawls: each HTML response is an article\n"
        "  .gz .bz2 .xz .zst, .tar(.gz) .tgz .zip  around or holding any of these\n"
        "Other files are ignored and counted. Text that is not UTF-8 is detected and converted.\n\n"
        "Re-running is incremental: unchanged files (same size and mtime) are skipped, changed\n"
        "files have their articles replaced, --prune removes articles of deleted files. Commits\n"
        "happen as it goes: an interrupted run keeps what was committed, and a re-run finishes.\n"
        "A run that added, changed or removed a fifth of the articles or more (a new database\n"
        "too) ends by compacting the shards, which makes the database a third to a half smaller;\n"
        "--compact always does, --no-compact never, and --compact without paths only compacts.\n\n"
        "Exit status: 0 all input indexed cleanly, 1 indexed with warnings (each printed on\n"
        "stderr with its file and line), 2 fatal error (bad usage, no path exists, database\n"
        "cannot be opened or written, is locked, was made with other analyzer settings, or by\n"
        "an older newsdex-index: rebuild it with --rebuild).\n\n"
        "Examples:\n"
        "  newsdex-index -d news.db ~/archive/articles\n"
        "  newsdex-index -d news.db --prune ~/archive/articles      # after deleting files\n"
        "  newsdex-index -d news.db --compact                       # compact, index nothing\n"
        "  newsdex-index -d part1.db --part 1/4 /mnt/archive        # machine 1 of 4: docs/scaling.md\n"
        "  newsdex-index --write-stub all.stub part0.db part1.remote  # parts searched as one\n"
        "  newsdex-index -d news.de.db --language german --accents keep berliner/ feeds.jsonl.gz\n"};
    app.get_formatter()->column_width(34);
    app.set_version_flag("--version", newsdex::version_line("newsdex-index"));

    std::string db = default_db();
    std::vector<std::string> paths;
    std::string language = "english";
    std::string accents = "fold";
    std::string metadata_text = "yes";
    std::string encoding;
    std::string progress = "auto";
    bool quiet = false;
    std::string part;
    std::string stub;
    newsdex::IndexOptions options;
    std::size_t commit_every = options.commits.every_articles;
    long commit_seconds = options.commits.every_seconds.count();
    app.add_option("paths", paths, "Files and folders to index (none with --compact: only compact)");
    app.add_option("-d,--db", db, "Database folder (default: $NEWSDEX_DB, else ./newsdex.db)")->type_name("DIR");
    app.add_option("--language", language,
                   "Stemming language: a Snowball stemmer name (english, german, french, russian, "
                   "...) or none")
        ->type_name("NAME")
        ->capture_default_str();
    app.add_option("--accents", accents, "fold: accents do not matter; keep: they do")
        ->check(CLI::IsMember({"fold", "keep"}))
        ->capture_default_str();
    app.add_option("--metadata-text", metadata_text,
                   "yes: words of source, authors, topics, places and organisations are searchable "
                   "as keywords too; no: only as field filters (topic:cocoa) and facets")
        ->check(CLI::IsMember({"yes", "no"}))
        ->capture_default_str();
    app.add_option("--encoding", encoding,
                   "Charset of every file (latin1, koi8-r, shift_jis, ...) instead of detection")
        ->type_name("NAME");
    app.add_option("-j,--jobs", options.jobs,
                   "Writer threads (default: one per core); a new database gets this many shards")
        ->type_name("N")
        ->check(CLI::Range(1u, 256u));
    app.add_option("--part", part,
                   "Index only part K (from 0) of a collection indexed in N parts, one per machine: "
                   "each article's part is a hash of its path below the folder given, so give every "
                   "machine the same folder of the collection")
        ->type_name("K/N");
    app.add_option("--write-stub", stub,
                   "Index nothing: write FILE, a stub naming the parts given instead of paths (Newsdex "
                   "folders, stub files such as scripts/serve-shards.sh writes, or HOST:PORT of a one-shard "
                   "remote database), for newsdex-search -d FILE. Replaces FILE atomically")
        ->type_name("FILE");
    app.add_flag("--prune", options.prune, "Delete articles whose files are gone (after a complete scan)");
    app.add_flag("--follow-links", options.follow_links,
                 "Enter symbolic links to folders (links to files are always read; loops are skipped)");
    app.add_flag("--rebuild", options.rebuild, "Start from an empty database");
    app.add_flag("--wait", options.wait, "Wait for another newsdex-index on the same database to finish");
    bool compact = false;
    bool no_compact = false;
    app.add_flag("--compact", compact,
                 "Compact the database's shards at the end of the run (smaller, faster to search); "
                 "done anyway after a run that wrote a fifth of the articles or more");
    app.add_flag("--no-compact", no_compact, "Never compact, not even after a large run");
    app.add_option("--progress", progress, "Progress line on stderr: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_option("--commit-every", commit_every, "Commit after this many articles per shard")
        ->type_name("N")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}))
        ->capture_default_str();
    app.add_option("--commit-seconds", commit_seconds, "... and at least this often")
        ->type_name("S")
        ->check(CLI::Range(1L, 86400L))
        ->capture_default_str();
    auto& limits = options.limits;
    app.add_option("--max-article-bytes", limits.max_article_bytes,
                   "Text of one article (at least 4KiB); past it the article is cut, with a warning (sizes as 16MiB, 500KB)")
        ->transform(CLI::AsSizeValue(false).description(""))
        ->check(CLI::Range(std::size_t{4096}, std::size_t{1} << 40).description(""))
        ->type_name("SIZE")
        ->default_str("16MiB");
    app.add_option("--max-expanded-bytes", limits.max_expanded_bytes,
                   "What one compressed file or archive may expand to beyond its own size")
        ->transform(CLI::AsSizeValue(false).description(""))
        ->type_name("SIZE")
        ->default_str("4GiB");
    app.add_option("--max-archive-depth", limits.max_archive_depth,
                   "Archives inside archives are opened down to this depth (1: none)")
        ->type_name("N")
        ->check(CLI::Range(std::size_t{1}, std::size_t{64}))
        ->capture_default_str();
    app.add_option("--max-archive-entries", limits.max_archive_entries,
                   "Entries read from one archive, nested archives' entries included")
        ->type_name("N")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40))
        ->capture_default_str();
    app.add_flag("-q,--quiet", quiet, "No progress and no summary (warnings are still printed)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (!stub.empty()) {
        try {
            const auto entries = newsdex::stub_entries_for(paths, stub);
            newsdex::write_stub_file(stub, entries);
            if (!quiet) std::cerr << "wrote " << stub << ": " << entries.size() << (entries.size() == 1 ? " part\n" : " parts\n");
            return 0;
        } catch (const std::exception& e) {
            std::cerr << "error: " << e.what() << "\n";
            return 2;
        }
    }
    if (compact && no_compact) {
        std::cerr << "error: --compact and --no-compact exclude each other\n";
        return 2;
    }
    if (paths.empty() && !compact) {
        std::cerr << "error: no files or folders to index (give some, or --compact alone to compact the "
                     "database)\nRun with --help for more information.\n";
        return 2;
    }
    if (paths.empty() && (options.rebuild || options.prune)) {
        std::cerr << "error: " << (options.rebuild ? "--rebuild" : "--prune") << " needs the files and folders to index\n";
        return 2;
    }
    if (!encoding.empty() && !newsdex::encoding_supported(encoding)) {
        std::cerr << "error: unknown encoding '" << encoding << "'\n";
        return 2;
    }
    // A full disk or a file size limit must be an error we report, not a signal that kills us.
    std::signal(SIGXFSZ, SIG_IGN);

    const bool show_progress = !quiet && (progress == "always" || (progress == "auto" && isatty(STDERR_FILENO)));
    newsdex::ProgressLine progress_line(std::cerr, show_progress);
    newsdex::Diagnostics diag(&std::cerr, [&progress_line] { progress_line.clear(); });
    const auto start = std::chrono::steady_clock::now();
    try {
        options.db = db;
        if (!part.empty()) options.part = newsdex::parse_part(part);
        options.settings = newsdex::AnalyzerSettings{language, accents == "fold", metadata_text == "yes"};
        options.decode = newsdex::DecodeOptions{encoding, {}};
        options.commits.every_articles = commit_every;
        options.commits.every_seconds = std::chrono::seconds(commit_seconds);
        options.compact = compact      ? newsdex::CompactWhen::always
                          : no_compact ? newsdex::CompactWhen::never
                                       : newsdex::CompactWhen::automatic;
        if (show_progress) options.progress = [&](const newsdex::IndexSummary& s) { progress_line.update(s); };
        const newsdex::IndexReport report = newsdex::run_index(paths, options, diag);
        progress_line.clear();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!quiet) std::cerr << newsdex::summary_line(report, diag.count(), seconds);
    } catch (const std::exception& e) {
        progress_line.clear();
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const Xapian::Error& e) {  // not a std::exception; a last line of defence
        progress_line.clear();
        std::cerr << "error: " << e.get_description() << "\n";
        return 2;
    }
    return diag.count() == 0 ? 0 : 1;
}
