// Large and hostile inputs: the record splitters that let a file of any size be read with a
// bounded buffer, and the indexer's limits (--max-article-bytes, --max-expanded-bytes,
// --max-archive-depth, --max-archive-entries) end to end on the real binaries. The limits are
// set small here so that files CI can afford reach them.
#include <gtest/gtest.h>

#include <xapian.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus_fixture.h"
#include "index/schema.h"
#include "readers/record_stream.h"
#include "test_support.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using newsdex::test::make_temp_dir;
using newsdex::test::run;
using newsdex::test::RunResult;
using newsdex::test::write_file;
using newsdex::test::kCorpus;
using newsdex::test::kIndexBin;
using newsdex::test::kSearchBin;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// ---- the splitters ----------------------------------------------------------------------------

struct Split {
    std::vector<std::string> records;  // "LINE:BYTES", or "LINE:over N" for a record over the cap
    std::string error;
};

Split split_json(const std::string& text, std::size_t cap = 1000, std::size_t block = 3) {
    // Blocks of a few bytes: records and strings cross every block boundary.
    struct Trickle : ByteStream {
        std::string_view rest;
        std::size_t block;
        std::size_t read(char* buffer, std::size_t size) override {
            const std::size_t n = std::min({size, block, rest.size()});
            std::copy_n(rest.data(), n, buffer);
            rest.remove_prefix(n);
            return n;
        }
    } stream;
    stream.rest = text;
    stream.block = block;
    StreamCursor cursor("", stream);
    JsonArraySplitter splitter(cursor, cap);
    Split out;
    while (auto r = splitter.next()) {
        out.records.push_back(std::to_string(r->line) + ":" + (r->over_cap ? "over " + std::to_string(r->size) : r->bytes));
    }
    if (!splitter.error().empty()) out.error = std::to_string(splitter.error_line()) + ": " + splitter.error();
    return out;
}

TEST(JsonArraySplitter, GivesEachElementOfAnArrayWithItsLine) {
    const Split s = split_json("\xEF\xBB\xBF [ {\"a\": 1},\n  {\"b\": \"x]}\\\"y\", \"c\": [1, {\"d\": null}]} ,\n\n{}\n]\n");
    EXPECT_EQ(s.records, (std::vector<std::string>{"1:{\"a\": 1}", "2:{\"b\": \"x]}\\\"y\", \"c\": [1, {\"d\": null}]}", "4:{}"}));
    EXPECT_EQ(s.error, "");
}

TEST(JsonArraySplitter, FindsTheArrayAnObjectWraps) {
    const Split s = split_json(R"({"status": "ok", "tags": ["a", "b"], "n": {"x": [1]}, "articles": [{"t": 1}, {"t": 2}], "z": 1})");
    EXPECT_EQ(s.records, (std::vector<std::string>{"1:{\"t\": 1}", "1:{\"t\": 2}"}));
    EXPECT_EQ(s.error, "");
}

TEST(JsonArraySplitter, PassesOverARecordLargerThanTheCapAndGoesOn) {
    const Split s = split_json("[{\"a\": \"" + std::string(50, 'x') + "\"}, 7, \"s\"]", 20);
    EXPECT_EQ(s.records, (std::vector<std::string>{"1:over 59", "1:7", "1:\"s\""}));
}

TEST(JsonArraySplitter, StopsAtDamageKeepingTheRecordsBefore) {
    EXPECT_EQ(split_json("[{\"a\": 1}, {\"b\": 2} {\"c\": 3}]").error, "1: expected ',' or ']' between records");
    const Split cut = split_json("[{\"a\": 1},\n{\"b\": \"x");
    EXPECT_EQ(cut.records, std::vector<std::string>{"1:{\"a\": 1}"});
    EXPECT_EQ(cut.error, "2: the file ends inside a string");
    EXPECT_EQ(split_json("{\"a\": 1, \"b\": \"no array\"}").error, "1: no member of the object is an array of records");
    EXPECT_EQ(split_json("  <html>").error, "1: expected an array of records or an object holding one");
    EXPECT_EQ(split_json("[" + std::string(300, '[') + std::string(300, ']') + "]").error,
              "1: nested deeper than 256 levels");
}

TEST(RecordStream, JsonLinesSkipBlankLinesAndKeepTheirNumbers) {
    const std::string text = "{\"a\": 1}\r\n\n   \n{\"b\": 2}\n" + std::string(30, 'x') + "\n{\"c\": 3}";
    MemoryStream stream(text);
    StreamCursor cursor("", stream);
    std::vector<std::string> got;
    while (auto r = next_json_line(cursor, 20)) {
        got.push_back(std::to_string(r->line) + ":" + (r->over_cap ? "over " + std::to_string(r->size) : r->bytes));
    }
    EXPECT_EQ(got, (std::vector<std::string>{"1:{\"a\": 1}", "4:{\"b\": 2}", "5:over 30", "6:{\"c\": 3}"}));
}

TEST(RecordStream, SgmlRunsEndAfterAClosingTagPastTheTarget) {
    const std::string text = "<DOC>a</DOC>\n<doc>b</Doc>\n<DOC>c</DOC>\n";
    auto runs = [&](std::size_t target, std::size_t cap) {
        MemoryStream stream(text);
        StreamCursor cursor("", stream);
        std::vector<std::string> got;
        while (auto r = next_sgml_run(cursor, "</DOC>", target, cap)) {
            got.push_back(std::to_string(r->line) + (r->over_cap ? " cut:" : ":") + r->bytes);
        }
        return got;
    };
    EXPECT_EQ(runs(1, 1000), (std::vector<std::string>{"1:<DOC>a</DOC>", "1:\n<doc>b</Doc>", "2:\n<DOC>c</DOC>", "3:\n"}));
    EXPECT_EQ(runs(15, 1000), (std::vector<std::string>{"1:<DOC>a</DOC>\n<doc>b</Doc>", "2:\n<DOC>c</DOC>\n"}));
    // At the cap, a run ends after its last closing tag; a record larger than the cap is cut.
    EXPECT_EQ(runs(1000, 20), (std::vector<std::string>{"1:<DOC>a</DOC>", "1:\n<doc>b</Doc>", "2:\n<DOC>c</DOC>\n"}));
    EXPECT_EQ(runs(1000, 8), (std::vector<std::string>{"1 cut:<DOC>a</", "1 cut:DOC>\n<do", "2 cut:c>b</Doc",
                                                        "2 cut:>\n<DOC>c", "3:</DOC>\n"}));
}

// ---- end to end -------------------------------------------------------------------------------

struct Stored {
    std::string path, id, title, body;
    auto operator<=>(const Stored&) const = default;
};

std::vector<Stored> stored(const fs::path& db) {
    Xapian::Database database(db.string());
    std::vector<Stored> articles;
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        const Article a = schema::decode_article(database.get_document(*it).get_data());
        articles.push_back({a.path, a.id, a.title, a.body});
    }
    std::sort(articles.begin(), articles.end());
    return articles;
}

std::vector<std::string> warnings_of(const std::string& err) {
    std::vector<std::string> lines;
    for (const auto& line : lines_of(err)) {
        if (line.starts_with("warning: ")) lines.push_back(line);
    }
    return lines;
}

class InputLimits : public ::testing::Test {
protected:
    void SetUp() override {
        tmp_ = make_temp_dir("newsdex-limits");
        fs::create_directories(tmp_ / "in");
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(tmp_, ignored);
    }
    RunResult index(const std::string& db, std::vector<std::string> args) {
        args.insert(args.begin(), {"-q", "-d", (tmp_ / db).string()});
        return run(kIndexBin, args);
    }
    fs::path tmp_;
};

std::string article_json(int i) {
    return nlohmann::json{{"id", "n-" + std::to_string(i)},
                          {"title", "Story " + std::to_string(i)},
                          {"body", "Harbour news number " + std::to_string(i) + " with some words about tides."}}
        .dump();
}

// A file over --max-article-bytes is read record by record, and stores exactly what reading it
// whole stores: the same paths with the same "#n", ids, titles and bodies.
TEST_F(InputLimits, LargeFilesOfRecordsAreStreamedToTheSameArticles) {
    const fs::path in = tmp_ / "in";
    std::string array = "{\"status\": \"ok\", \"articles\": [\n", lines, trec, sgml;
    std::string rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a feed -->\n<rss version=\"2.0\"\n"
                      "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n<title>Valley &amp; Coast</title>\n"
                      "<language>en</language>\n";
    std::string atom = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>Atom Desk</title>\n";
    for (int i = 1; i <= 300; ++i) {
        array += (i > 1 ? ",\n" : "") + article_json(i);
        lines += article_json(i) + "\n" + (i % 50 == 0 ? "\n" : "");
        trec += "<DOC>\n<DOCNO> T-" + std::to_string(i) + " </DOCNO>\n<HEADLINE>Story " + std::to_string(i) +
                "</HEADLINE>\n<TEXT>\nHarbour news " + std::to_string(i) + ".\n</TEXT>\n</DOC>\n";
        sgml += "<REUTERS NEWID=\"" + std::to_string(i) + "\">\n<TEXT><TITLE>Story " + std::to_string(i) +
                "</TITLE><BODY>Harbour news " + std::to_string(i) + ".</BODY></TEXT>\n</REUTERS>\n";
        rss += "<item>\n  <title>Story " + std::to_string(i) + "</title>\n  <guid>r-" + std::to_string(i) +
               "</guid>\n  <dc:creator>Ann Lee</dc:creator>\n  <description>Harbour &lt;b&gt;news&lt;/b&gt; " +
               std::to_string(i) + ".</description>\n" + (i == 150 ? "  <pubDate>the ides of March</pubDate>\n" : "") + "</item>\n";
        atom += "<entry><title>Story " + std::to_string(i) + "</title><id>a-" + std::to_string(i) +
                "</id><content type=\"html\">Harbour news " + std::to_string(i) + "</content></entry>\n";
    }
    write_file(in / "wrapped.json", array + "]}\n");
    write_file(in / "lines.jsonl", lines);
    write_file(in / "docs.trec", trec);
    write_file(in / "reut2-000.sgm", sgml);
    // Item 150's date is no date: the same warning, on the same line, either way.
    write_file(in / "feed.rss", rss + "</channel>\n</rss>\n");
    write_file(in / "desk.atom", atom + "</feed>\n");

    const RunResult whole = index("whole", {in.string()});
    ASSERT_EQ(whole.exit_code, 1) << whole.err;
    const RunResult streamed = index("streamed", {"--max-article-bytes", "4KiB", in.string()});
    ASSERT_EQ(streamed.exit_code, 1) << streamed.err;
    EXPECT_EQ(warnings_of(streamed.err), warnings_of(whole.err));
    EXPECT_EQ(warnings_of(whole.err), std::vector<std::string>{
        "warning: feed.rss:907: record 150: date 'the ides of March' not understood"});
    const auto expected = stored(tmp_ / "whole");
    EXPECT_EQ(expected.size(), 1800u);
    EXPECT_TRUE(stored(tmp_ / "streamed") == expected);
}

TEST_F(InputLimits, StreamedRecordsAreNumberedAndWarnedAboutByLine) {
    const fs::path in = tmp_ / "in";
    std::string lines;
    for (int i = 1; i <= 100; ++i) {
        if (i == 3) lines += "{\"title\": \"big\", \"body\": \"" + std::string(9000, 'x') + "\"}\n";
        else if (i == 5) lines += "{\"title\": broken}\n";
        else lines += article_json(i) + "\n";
    }
    write_file(in / "feed.jsonl", lines);
    write_file(in / "array.json", "[" + article_json(1) + ",\n" + article_json(2) + "\n" + article_json(3) + "]" +
                                      std::string(5000, ' '));
    const RunResult r = index("db", {"--max-article-bytes", "4KiB", in.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(warnings_of(r.err), (std::vector<std::string>{
        "warning: array.json:3: malformed JSON: expected ',' or ']' between records; the rest of the file is not read",
        "warning: feed.jsonl:3: record 3: record of 9028 bytes is over 8 KiB (twice --max-article-bytes), skipped",
        "warning: feed.jsonl:5: record 5: malformed JSON: invalid literal; last read: '\"title\": b'",
    }));
    const auto articles = stored(tmp_ / "db");
    EXPECT_EQ(articles.size(), 100u);  // 2 of the array, 98 of the lines
    EXPECT_EQ(articles[0].path, "array.json#1");
    EXPECT_EQ(articles[2].path, "feed.jsonl#1");
    EXPECT_EQ(articles.back().path, "feed.jsonl#99");  // "#n" counts the lines skipped too
}

TEST_F(InputLimits, AnArticleIsCutAtACharacterBoundaryWithAWarning) {
    const fs::path in = tmp_ / "in";
    std::string body;
    while (body.size() < 6000) body += "Zürich fjörd ";
    write_file(in / "long.txt", "Long\n\nxyloopening " + body + " xyloclosing\n");
    const RunResult r = index("db", {"--max-article-bytes", "4KiB", in.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(warnings_of(r.err), std::vector<std::string>{
        "warning: long.txt: article cut to its first 4 KiB of text (--max-article-bytes)"});
    const auto articles = stored(tmp_ / "db");
    ASSERT_EQ(articles.size(), 1u);
    EXPECT_LE(articles[0].title.size() + articles[0].body.size(), 4096u);
    EXPECT_GT(articles[0].title.size() + articles[0].body.size(), 4090u);
    EXPECT_TRUE(articles[0].body.starts_with("xyloopening")) << articles[0].body.substr(0, 40);
    EXPECT_EQ(articles[0].body.find("xyloclosing"), std::string::npos);
}

// The hostile corpus of scripts/make-hostile-corpus.sh at CI size: every bad input is one
// warning (or a count), the five normal articles are all found, and the exit code is 1.
TEST_F(InputLimits, HostileCorpusLeavesEveryNormalArticleSearchable) {
    const fs::path corpus = tmp_ / "hostile";
    const std::string script = (fs::path(kCorpus).parent_path() / "scripts" / "make-hostile-corpus.sh").string();
    const RunResult made = run("/bin/bash", {script, corpus.string()});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    const RunResult r = index("db", {"--max-article-bytes", "1MiB", "--max-expanded-bytes", "32MiB",
                                     "--max-archive-entries", "2000", corpus.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(warnings_of(r.err), (std::vector<std::string>{
        "warning: hostile/pipe.txt: not a regular file (a FIFO), skipped",
        "warning: hostile/deep-array.json:1: JSON nested deeper than 256 levels, not read",
        "warning: hostile/deep.html: page has no text",
        "warning: hostile/deep.json:1: JSON nested deeper than 256 levels, not read",
        "warning: hostile/deep.xml:1: malformed XML: Excessive depth in document: 256 use XML_PARSE_HUGE option",
        "warning: hostile/deep.xml: document has no text or metadata",
        "warning: hostile/empty-entries.tar: more than 2000 entries (--max-archive-entries); the rest is not read",
        "warning: hostile/huge-text.txt.gz: a file over 2 MiB: article cut to its first 1 MiB of text (--max-article-bytes)",
        "warning: hostile/letters.jsonl.gz: expands past 32 MiB more than its own size (--max-expanded-bytes); the rest is not read",
        "warning: hostile/lies.json:1: malformed JSON: invalid literal; last read: '<'",
        "warning: hostile/lies.jsonl:1: malformed JSON: invalid literal; last read: 'i' (not JSON Lines: the file is not read)",
        "warning: hostile/long-line.jsonl:1: record 1: record of 3145754 bytes is over 2 MiB (twice --max-article-bytes), skipped",
        "warning: hostile/long-line.txt: a file over 2 MiB: article cut to its first 1 MiB of text (--max-article-bytes)",
        "warning: hostile/nested.zip:level2.zip:level3.zip:level4.zip: archive inside 3 archives, not opened (--max-archive-depth 3)",
        "warning: hostile/nul.txt: looks binary (NUL bytes), skipped",
        "warning: hostile/picture.txt: looks binary (NUL bytes), skipped",
        "warning: hostile/zeros.jsonl.gz: looks binary (NUL bytes), skipped",
    })) << r.err;
    const RunResult search = run(kSearchBin, {"-d", (tmp_ / "db").string(), "--format", "jsonl", "-n", "20", "kestrelwatch"});
    ASSERT_EQ(search.exit_code, 0) << search.err;
    std::set<std::string> paths;
    for (const auto& line : lines_of(search.out)) {
        const auto hit = nlohmann::json::parse(line);
        if (hit.contains("path")) paths.insert(hit.at("path").get<std::string>());
    }
    EXPECT_EQ(paths, (std::set<std::string>{"normal/council-budget.md", "normal/ferry-strike.json",
                                            "normal/harbour-birds.txt", "normal/market-day.jsonl#1",
                                            "normal/school-choir.html"}));
    // Entry names are labels: nothing was written outside the database, and they print escaped.
    EXPECT_FALSE(fs::exists(tmp_ / "escaped.txt"));
    EXPECT_FALSE(fs::exists(corpus / "escaped.txt"));
}

}  // namespace
}  // namespace newsdex
