// What newsdex-index does with what people point it at, end to end on the real binaries:
// special files and link loops in the walk, files that change while they are read, archive
// entry names that try to escape, files whose names lie, and the warnings all of that prints
// (at most ten a file, escaped, each counted for the exit code). Every input is made at test
// time in a temporary folder; each case asserts the exact warning lines and the exit code.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace {

using namespace newsdex::test;
using namespace std::chrono_literals;
using namespace std::string_literals;
namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kIndexBin = NEWSDEX_INDEX_BIN;
const std::string kSearchBin = NEWSDEX_SEARCH_BIN;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The warning lines of a run, in order.
std::vector<std::string> warnings_of(const RunResult& r) {
    std::vector<std::string> warnings;
    for (auto& line : lines_of(r.err)) {
        if (line.starts_with("warning: ")) warnings.push_back(line);
    }
    return warnings;
}

// The summary line (the last line of stderr).
std::string summary_of(const RunResult& r) {
    const auto lines = lines_of(r.err);
    return lines.empty() ? "" : lines.back();
}

std::string txt_article(const std::string& title, const std::string& body) {
    return "Title: " + title + "\n\n" + body + "\n";
}

// ---- a ustar archive, byte by byte, so that entry names can be anything ----------------------

void put_octal(std::string& header, std::size_t offset, std::size_t width, unsigned long value) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*lo", static_cast<int>(width - 1), value);
    header.replace(offset, width - 1, digits);
}

// One regular-file entry; `name` goes into the 100-byte name field as it is (a NUL in it ends
// the name for any reader).
std::string tar_entry(const std::string& name, const std::string& content) {
    std::string header(512, '\0');
    header.replace(0, std::min<std::size_t>(name.size(), 100), name.substr(0, 100));
    put_octal(header, 100, 8, 0644);
    put_octal(header, 108, 8, 0);
    put_octal(header, 116, 8, 0);
    put_octal(header, 124, 12, content.size());
    put_octal(header, 136, 12, 1700000000);
    header[156] = '0';
    header.replace(257, 6, "ustar\0"s);
    header.replace(263, 2, "00");
    header.replace(148, 8, "        ");
    unsigned long sum = 0;
    for (unsigned char c : header) sum += c;
    char checksum[8];
    std::snprintf(checksum, sizeof checksum, "%06lo", sum);
    header.replace(148, 7, std::string(checksum, 6) + '\0');
    std::string entry = header + content;
    entry.append((512 - content.size() % 512) % 512, '\0');
    return entry;
}

std::string tar_of(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string tar;
    for (const auto& [name, content] : entries) tar += tar_entry(name, content);
    return tar + std::string(1024, '\0');
}

// ---- running the programs -------------------------------------------------------------------

class WalkWarnings : public ::testing::Test {
protected:
    void SetUp() override {
        tmp_ = make_temp_dir("newsdex-walk");
        corpus_ = tmp_ / "corpus";
        db_ = tmp_ / "news.db";
        fs::create_directories(corpus_);
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(tmp_, ignored);
    }

    // Runs newsdex-index and fails the test (killing it) when it takes longer than a minute:
    // a FIFO that blocks or a loop that never ends must show up as a failure, not a hang.
    RunResult index(std::vector<std::string> args) {
        args.insert(args.begin(), {"-d", db_.string()});
        auto process = start(kIndexBin, args);
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (process->running() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
        const bool hung = process->running();
        if (hung) process->kill(SIGKILL);
        RunResult r = process->finish();
        EXPECT_FALSE(hung) << "newsdex-index did not finish within 60 s";
        return r;
    }

    RunResult search(const std::vector<std::string>& args) {
        std::vector<std::string> all{"-d", db_.string()};
        all.insert(all.end(), args.begin(), args.end());
        return run(kSearchBin, all);
    }

    // The paths of every article, as --format json reports them, for a query that finds them.
    std::set<std::string> paths_found(const std::string& query) {
        const RunResult r = search({"--format", "json", "-n", "1000", query});
        std::set<std::string> paths;
        EXPECT_EQ(r.exit_code, 0) << query << ": " << r.err;
        if (r.exit_code != 0) return paths;
        const Json result = Json::parse(r.out);
        for (const Json& hit : result.at("results")) paths.insert(hit.at("path").get<std::string>());
        return paths;
    }

    fs::path tmp_, corpus_, db_;
};

// ---- special files --------------------------------------------------------------------------

TEST_F(WalkWarnings, FifosSocketsAndDevicesAreSkippedWithOneWarningEach) {
    write_file(corpus_ / "good.txt", txt_article("Good", "harbour xylogood"));
    ASSERT_EQ(::mkfifo((corpus_ / "pipe.txt").c_str(), 0644), 0);
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(sock, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string sock_path = (corpus_ / "socket.json").string();
    ASSERT_LT(sock_path.size(), sizeof address.sun_path);
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", sock_path.c_str());
    ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    fs::create_symlink("/dev/zero", corpus_ / "zeros.txt");  // endless: it must never be read

    const RunResult r = index({corpus_.string()});
    ::close(sock);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(warnings_of(r), (std::vector<std::string>{
                                  "warning: pipe.txt: not a regular file (a FIFO), skipped",
                                  "warning: socket.json: not a regular file (a socket), skipped",
                                  "warning: zeros.txt: not a regular file (a character device), skipped",
                              }))
        << r.err;
    EXPECT_TRUE(summary_of(r).starts_with("indexed 1 articles: 1 added, 0 updated, 0 unchanged, 0 removed; "
                                          "1 files read, 0 unchanged, 3 ignored, 0 failed; 3 warnings; "))
        << r.err;
    EXPECT_EQ(paths_found("xylogood"), std::set<std::string>{"good.txt"});
}

TEST_F(WalkWarnings, AFifoGivenByNameIsAWarningNotAHang) {
    const fs::path pipe = tmp_ / "pipe.jsonl";
    ASSERT_EQ(::mkfifo(pipe.c_str(), 0644), 0);
    write_file(corpus_ / "good.txt", txt_article("Good", "harbour xylogood"));
    const RunResult r = index({pipe.string(), corpus_.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(warnings_of(r), std::vector<std::string>{"warning: " + pipe.string() +
                                                       ": not a regular file (a FIFO), skipped"})
        << r.err;
    EXPECT_EQ(paths_found("xylogood"), std::set<std::string>{"good.txt"});
}

// ---- symbolic links -------------------------------------------------------------------------

TEST_F(WalkWarnings, LinkedFoldersAreEnteredOnlyWithFollowLinksAndLoopsEnd) {
    const fs::path elsewhere = tmp_ / "elsewhere";
    fs::create_directories(elsewhere);
    write_file(elsewhere / "far.txt", txt_article("Far", "harbour xylofar"));
    fs::create_directories(corpus_ / "desk");
    write_file(corpus_ / "desk" / "near.txt", txt_article("Near", "harbour xylonear"));
    fs::create_symlink(elsewhere / "far.txt", corpus_ / "file-link.txt");  // a linked file: read as always
    fs::create_directory_symlink(elsewhere, corpus_ / "linked");
    fs::create_directory_symlink("..", corpus_ / "desk" / "up");  // desk/up/desk/up/…
    fs::create_directory_symlink(corpus_ / "desk", elsewhere / "back");  // linked/back/up/linked/…
    fs::create_symlink(tmp_ / "nothing-here", corpus_ / "dangling.txt");

    // Without --follow-links: the two folder links and the dangling link are ignored, silently.
    const RunResult plain = index({corpus_.string()});
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_TRUE(summary_of(plain).starts_with("indexed 2 articles: 2 added, 0 updated, 0 unchanged, 0 removed; "
                                              "2 files read, 0 unchanged, 3 ignored, 0 failed; 0 warnings; "))
        << plain.err;
    EXPECT_EQ(paths_found("harbour"), (std::set<std::string>{"desk/near.txt", "file-link.txt"}));

    // With it: every folder is entered once per path that leads there without going round,
    // and each link back to a folder above it is one warning.
    fs::remove_all(db_);
    const RunResult followed = index({"--follow-links", corpus_.string()});
    EXPECT_EQ(followed.exit_code, 1) << followed.err;
    EXPECT_EQ(warnings_of(followed), (std::vector<std::string>{
                                         "warning: desk/up: folder loop: leads back to ., not entered",
                                         "warning: linked/back/up: folder loop: leads back to ., not entered",
                                     }))
        << followed.err;
    EXPECT_EQ(paths_found("harbour"), (std::set<std::string>{"desk/near.txt", "file-link.txt", "linked/back/near.txt",
                                                              "linked/far.txt"}));
}

// ---- capped warnings ------------------------------------------------------------------------

TEST_F(WalkWarnings, AFileShowsTenWarningsThenHowManyMoreAndAllAreCounted) {
    std::string lines;
    for (int i = 1; i <= 25; ++i) {
        lines += R"({"id": "r)" + std::to_string(i) + R"(", "title": "Record", "body": "harbour xylorecord"})" + "\n";
        lines += R"({"id": "broken)" + std::to_string(i) + "\n";
    }
    write_file(corpus_ / "feed.jsonl", lines);
    write_file(corpus_ / "other.json", "{\"title\": \"Broken\"\n");

    const RunResult r = index({corpus_.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    std::vector<std::string> expected;
    for (int i = 1; i <= 10; ++i) {
        expected.push_back("warning: feed.jsonl:" + std::to_string(2 * i) + ": record " + std::to_string(2 * i) +
                           ": malformed JSON: invalid string: missing closing quote; last read: '\"broken" +
                           std::to_string(i) + "'");
    }
    expected.push_back("warning: feed.jsonl: 15 more warnings");
    // The next file has its own ten.
    expected.push_back("warning: other.json:1: malformed JSON: unexpected end of input; expected '}'");
    EXPECT_EQ(warnings_of(r), expected) << r.err;
    EXPECT_NE(summary_of(r).find("; 26 warnings; "), std::string::npos) << r.err;
    EXPECT_EQ(paths_found("xylorecord").size(), 25u);
}

TEST_F(WalkWarnings, EmptyArchiveEntriesAreCountedNotWarnedAbout) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (int i = 0; i < 2000; ++i) entries.push_back({"empty/e" + std::to_string(i) + ".txt", ""});
    entries.push_back({"blank.json", "  \n\n"});
    entries.push_back({"story.txt", txt_article("Story", "harbour xylostory")});
    write_file(corpus_ / "bundle.tar", tar_of(entries));

    const RunResult r = index({corpus_.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(warnings_of(r), std::vector<std::string>{}) << r.err;
    const std::string summary = summary_of(r);
    EXPECT_TRUE(summary.starts_with("indexed 1 articles: 1 added, 0 updated, 0 unchanged, 0 removed; "
                                    "1 files read, 0 unchanged, 0 ignored, 0 failed; 0 warnings; "))
        << r.err;
    // Its own part after the wire copies, before what compaction did (a new database is compacted).
    EXPECT_NE(summary.find("wire copies; 2001 empty archive entries skipped; compacted "), std::string::npos)
        << r.err;
    EXPECT_EQ(paths_found("xylostory"), std::set<std::string>{"bundle.tar:story.txt"});
    // Empty entries are no failure: the archive is recorded and not read again.
    const RunResult again = index({corpus_.string()});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(summary_of(again).starts_with("indexed 0 articles: 0 added, 0 updated, 1 unchanged, 0 removed; "
                                              "0 files read, 1 unchanged, "))
        << again.err;
}

// ---- files that change while they are read --------------------------------------------------

// 10,000 short records: indexing them with one writer thread keeps the file open for about a
// second, which is the window the tests below act in (they see it open within milliseconds).
std::string long_feed() {
    std::string text;
    for (int i = 0; i < 10000; ++i) {
        text += Json{{"id", "rec-" + std::to_string(i)}, {"title", "Record " + std::to_string(i)},
                     {"body", "harbour xylofeed record " + std::to_string(i)}}
                    .dump() +
                "\n";
    }
    return text;
}

// Waits until the process holds `file` open (one of /proc/PID/fd links to it), up to 30 s.
bool wait_until_open(pid_t pid, const fs::path& file) {
    const fs::path target = fs::canonical(file);
    const fs::path fds = "/proc/" + std::to_string(pid) + "/fd";
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
        std::error_code ec;
        for (fs::directory_iterator it(fds, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code link_error;
            if (fs::read_symlink(it->path(), link_error) == target) return true;
        }
        std::this_thread::sleep_for(1ms);
    }
    return false;
}

TEST_F(WalkWarnings, AFileAppendedToWhileReadIsAWarningAndReadAgainNextRun) {
    const fs::path feed = corpus_ / "feed.jsonl";
    write_file(feed, long_feed());
    auto process = start(kIndexBin, {"-d", db_.string(), "-j", "1", corpus_.string()});
    ASSERT_TRUE(wait_until_open(process->pid(), feed)) << "the indexer never opened " << feed;
    {
        std::ofstream out(feed, std::ios::app | std::ios::binary);
        out << Json{{"id", "late"}, {"title", "Late"}, {"body", "harbour xylolate"}}.dump() << "\n";
    }
    const RunResult r = process->finish();
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(warnings_of(r), std::vector<std::string>{
                                  "warning: feed.jsonl: changed while it was read; it will be read again on the next run"})
        << r.err;
    // The next run reads it again and finds the new record (which the first run may or may
    // not have seen, by when the append came).
    const RunResult again = index({"-j", "1", corpus_.string()});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(summary_of(again).starts_with("indexed 10001 articles: ")) << again.err;
    EXPECT_NE(summary_of(again).find("; 1 files read, 0 unchanged, "), std::string::npos) << again.err;
    EXPECT_EQ(paths_found("xylolate"), std::set<std::string>{"feed.jsonl#10001"});
    const RunResult third = index({"-j", "1", corpus_.string()});
    EXPECT_TRUE(summary_of(third).starts_with("indexed 0 articles: 0 added, 0 updated, 10001 unchanged, ")) << third.err;
}

TEST_F(WalkWarnings, AFileDeletedWhileReadIsAWarning) {
    const fs::path feed = corpus_ / "feed.jsonl";
    write_file(feed, long_feed());
    auto process = start(kIndexBin, {"-d", db_.string(), "-j", "1", corpus_.string()});
    ASSERT_TRUE(wait_until_open(process->pid(), feed)) << "the indexer never opened " << feed;
    fs::remove(feed);
    const RunResult r = process->finish();
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(warnings_of(r), std::vector<std::string>{"warning: feed.jsonl: deleted or moved while it was read"})
        << r.err;
    // What was read is kept, as for any deleted file until --prune.
    EXPECT_EQ(search({"--count", "xylofeed"}).out, "10000\n");
    const RunResult pruned = index({"--prune", corpus_.string()});
    EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
    EXPECT_TRUE(summary_of(pruned).starts_with("indexed 0 articles: 0 added, 0 updated, 0 unchanged, 10000 removed; "))
        << pruned.err;
}

// ---- bad bytes and names that lie: each a documented treatment and at most one warning -------

TEST_F(WalkWarnings, EachKindOfBadFileGivesAtMostOneWarning) {
    struct Row {
        std::string name;
        std::string content;
        std::string warning;  // after "warning: NAME"; empty: none
        std::size_t found;    // articles with the row's marker word
    };
    std::string stray_nul;
    for (int i = 0; i < 40; ++i) {
        std::string line = Json{{"id", "n" + std::to_string(i)}, {"body", "harbour xylonul"}}.dump();
        if (i == 20) line.insert(line.size() - 3, 1, '\0');  // inside the body's string
        stray_nul += line + "\n";
    }
    std::string long_line = "Title: Long line\n\n";
    while (long_line.size() < 3'000'000) long_line += "harbour words without a single line break ";
    long_line += "xylolongline\n";
    const std::vector<Row> rows = {
        {"bad-utf8.txt", "Title: Bad\n\nZürich, Zürich, Zürich, Zürich, Zürich, Zürich \xFF\xFE xylobadutf8\n",
         ": invalid UTF-8 replaced with U+FFFD (2 sequences)", 1},
        {"stray-nul.jsonl", stray_nul, ": NUL bytes replaced with U+FFFD (1 sequence)", 40},
        {"binary.txt", "Title: Bin\n\n\x89PNG\0\0\0\rIHDR\0\0\0 xylobinary"s, ": looks binary (NUL bytes), skipped", 0},
        {"gzip.txt", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03xylogzip"s, ": looks binary (NUL bytes), skipped", 0},
        {"long-line.txt", long_line, "", 1},
        {"long-word.txt", "Title: Long word\n\nxylolongword " + std::string(3'000'000, 'a') + "\n", "", 1},
        {"html.jsonl", "<html>\n<body>\n<p>xylohtmljsonl</p>\n</body>\n</html>\n",
         ":1: malformed JSON: invalid literal; last read: '<' (not JSON Lines: the file is not read)", 0},
        {"pretty.jsonl", "[\n  {\"id\": \"p1\", \"body\": \"xylopretty\"},\n  {\"id\": \"p2\", \"body\": \"xylopretty\"}\n]\n", "",
         2},
        {"html.json", "<html><body><p>xylohtmljson</p></body></html>\n",
         ":1: malformed JSON: invalid literal; last read: '<'", 0},
        {"json.xml", "{\"body\": \"xylojsonxml\"}\n", ":1: malformed XML: Start tag expected, '<' not found", 0},
        {"text.trec", "just text xylotrec\n", ": no <DOC> element: not TREC, nothing read", 0},
        {"fake.tar", "not an archive xylotar\n", ": damaged archive: Unrecognized archive format", 0},
        {"plain.json.gz", "{\"id\": \"g1\", \"body\": \"xyloplaingz\"}\n", "", 1},
    };
    std::map<std::string, const Row*> by_name;  // the walk's order
    for (const auto& row : rows) {
        write_file(corpus_ / row.name, row.content);
        by_name[row.name] = &row;
    }
    const RunResult r = index({corpus_.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    std::vector<std::string> expected;
    for (const auto& [name, row] : by_name) {
        if (!row->warning.empty()) expected.push_back("warning: " + name + row->warning);
    }
    EXPECT_EQ(warnings_of(r), expected) << r.err;
    const std::map<std::string, std::string> markers = {
        {"bad-utf8.txt", "xylobadutf8"}, {"stray-nul.jsonl", "xylonul"},   {"binary.txt", "xylobinary"},
        {"gzip.txt", "xylogzip"},        {"long-line.txt", "xylolongline"}, {"long-word.txt", "xylolongword"},
        {"html.jsonl", "xylohtmljsonl"}, {"pretty.jsonl", "xylopretty"},   {"html.json", "xylohtmljson"},
        {"json.xml", "xylojsonxml"},     {"text.trec", "xylotrec"},         {"fake.tar", "xylotar"},
        {"plain.json.gz", "xyloplaingz"},
    };
    for (const auto& row : rows) {
        const RunResult count = search({"--count", markers.at(row.name)});
        EXPECT_EQ(count.out, std::to_string(row.found) + "\n") << row.name;
    }
}

// ---- names and text from the data ------------------------------------------------------------

TEST_F(WalkWarnings, ArchiveEntryNamesAreOnlyLabels) {
    // No entry is ever written out: names that would climb out of a folder, an absolute one
    // and one cut by a NUL change nothing outside the database.
    const std::string absolute = (tmp_ / "absolute-target.txt").string();
    write_file(corpus_ / "evil.tar",
               tar_of({{"../../escaped.txt", txt_article("Climber", "harbour xyloclimb")},
                       {absolute, txt_article("Absolute", "harbour xyloabsolute")},
                       {"cut.txt\0../../../nul-escaped.txt"s, txt_article("Cut", "harbour xylocut")},
                       {"caf\xE9\x1b[2J.txt", "Title: Bad name\n\nharbour xylobadname\n"},
                       {"broken\x1b[31m.json", "{\"title\": "}}));
    std::set<std::string> files_before;
    for (const auto& entry : fs::recursive_directory_iterator(tmp_)) files_before.insert(entry.path().string());

    const RunResult r = index({corpus_.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    // The name in the warning is escaped like everything else printed from input.
    EXPECT_EQ(warnings_of(r), std::vector<std::string>{"warning: evil.tar:broken\\x1b[31m.json:1: malformed JSON: "
                                                       "unexpected end of input; expected '[', '{', or a literal"})
        << r.err;
    std::set<std::string> files_after;
    for (const auto& entry : fs::recursive_directory_iterator(tmp_)) {
        const std::string path = entry.path().string();
        if (!path.starts_with(db_.string() + "/")) files_after.insert(path);
    }
    files_before.erase(db_.string());
    files_after.erase(db_.string());
    EXPECT_EQ(files_after, files_before);
    EXPECT_FALSE(fs::exists(absolute));

    // JSON output is valid UTF-8 (the parser refuses anything else) and holds the labels.
    const std::string leading_slashes_removed = absolute.substr(absolute.find_first_not_of('/'));
    EXPECT_EQ(paths_found("harbour"),
              (std::set<std::string>{"evil.tar:../../escaped.txt", "evil.tar:" + leading_slashes_removed,
                                     "evil.tar:cut.txt", "evil.tar:caf\uFFFD\x1b[2J.txt"}));
    // Text output shows the raw name escaped.
    const RunResult text = search({"xylobadname"});
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_EQ(text.out, "1. Bad name\n"
                        "   evil.tar:caf\\xe9\\x1b[2J.txt\n"
                        "   harbour xylobadname\n"
                        "\n"
                        "results 1–1 of about 1\n");
}

TEST_F(WalkWarnings, ATitleWithAnEscapeSequenceIsPrintedEscaped) {
    write_file(corpus_ / "red.jsonl", Json{{"id", "red-1"}, {"title", "Red \x1b[31malert\x1b[0m"},
                                           {"body", "harbour xylored \x1b]0;owned\x07 done"}}
                                              .dump() +
                                          "\n");
    ASSERT_EQ(index({corpus_.string()}).exit_code, 0);
    const RunResult r = search({"--color", "always", "xylored"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "1. \x1b[1mRed \\x1b[31malert\\x1b[0m\x1b[0m\n"
                     "   \x1b[2mred.jsonl#1\x1b[0m\n"
                     "   harbour \x1b[1;31mxylored\x1b[0m \\x1b]0;owned\\x07 done\n"
                     "\n"
                     "results 1–1 of about 1\n");
    const RunResult shown = search({"--show", "red-1"});
    EXPECT_EQ(shown.out, "Title: Red \\x1b[31malert\\x1b[0m\nID: red-1\nPath: red.jsonl#1\n\n"
                         "harbour xylored \\x1b]0;owned\\x07 done\n");
}

}  // namespace
