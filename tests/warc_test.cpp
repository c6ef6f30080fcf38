// WARC reading as a table: WARC text in (built by record() and http() below), the articles a
// stub HTML reader makes of the pages and the exact warnings out. Then the crawl fixture
// (data/archives/crawl.warc.gz, made by data/make-fixtures.sh) through the real HTML reader.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "article/date.h"
#include "readers/archive_source.h"
#include "readers/reader_registry.h"
#include "readers/warc_reader.h"

namespace {

using namespace newsdex;
using namespace std::string_literals;

// The page text as the body, so a row shows what reached the HTML reader after transfer,
// content and charset decoding. "canonical" and "dated" in a page stand for a page that
// names its own URL and date.
class StubHtmlReader : public Reader {
public:
    void read(std::string_view text, std::string_view, const ArticleSink& sink, Diagnostics&) const override {
        Article article;
        article.body = std::string(text);
        if (text.find("canonical") != std::string_view::npos) article.url = "https://canonical.example/page";
        if (text.find("dated") != std::string_view::npos) article.date = parse_date("2020-05-06");
        sink(std::move(article), 0);
    }
};

std::string describe(const Article& a, std::size_t record) {
    std::string out = "#" + std::to_string(record);
    if (!a.title.empty()) out += " title=[" + a.title + "]";
    if (!a.body.empty()) out += " body=[" + a.body + "]";
    if (!a.url.empty()) out += " url=[" + a.url + "]";
    if (a.date) out += " date=[" + format_date(*a.date) + "]";
    return out;
}

using Articles = std::vector<std::string>;

struct Output {
    Articles articles;
    std::string warnings;
};

Output read_warc(ByteStream& stream, const Reader& html, const char* file) {
    Output out;
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    WarcReader(html).read(stream, file, [&](Article&& a, std::size_t record) {
        out.articles.push_back(describe(a, record));
    }, diag);
    out.warnings = warnings.str();
    return out;
}

// An HTTP response: status line, header lines (each ending in CRLF), blank line, body.
std::string http(std::string_view headers, std::string_view body, std::string_view status = "HTTP/1.1 200 OK") {
    return std::string(status) + "\r\n" + std::string(headers) + "\r\n" + std::string(body);
}

std::string html_ok(std::string_view body) { return http("Content-Type: text/html\r\n", body); }

struct RecordSpec {
    std::string type = "response";
    std::string content_type = "application/http; msgtype=response";
    std::string extra_headers;  // whole lines, CRLF-terminated
    std::string length;         // Content-Length as written; empty: the block's size
};

std::string record(const std::string& block, const RecordSpec& spec = {}) {
    return "WARC/1.0\r\nWARC-Type: " + spec.type +
           "\r\nWARC-Target-URI: https://example.org/page\r\nWARC-Date: 2025-02-11T09:30:00Z\r\n" +
           spec.extra_headers + "Content-Type: " + spec.content_type + "\r\nContent-Length: " +
           (spec.length.empty() ? std::to_string(block.size()) : spec.length) + "\r\n\r\n" + block +
           "\r\n\r\n";
}

std::string record_of_type(const std::string& type, const std::string& block) {
    RecordSpec spec;
    spec.type = type;
    spec.content_type = type == "request" ? "application/http; msgtype=request" : "application/warc-fields";
    return record(block, spec);
}

RecordSpec with_length(std::string length) {
    RecordSpec spec;
    spec.length = std::move(length);
    return spec;
}

const std::string kPage = "https://example.org/page";
const std::string kDate = "2025-02-11T09:30:00Z";
const std::string kGzippedBody(
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xb3\x29\xb0\x4b\xaf\xb2\xd1\x2f\xb0\x03\x00\xe2\x8d\x21"
    "\xbb\x09\x00\x00\x00", 29);  // "<p>gz</p>"

std::string article(std::size_t record, const std::string& body, const std::string& url = kPage,
                    const std::string& date = kDate) {
    return "#" + std::to_string(record) + " body=[" + body + "] url=[" + url + "] date=[" + date + "]";
}

TEST(Warc, RecordsAndPages) {
    const struct {
        const char* name;
        std::string input;
        Articles articles;
        std::string warnings = "";
    } rows[] = {
        {"an HTML response", record(html_ok("<p>Hi</p>")), {article(1, "<p>Hi</p>")}},
        {"ordinals count every record",
         record_of_type("warcinfo", "software: x\r\n") + record_of_type("request", "GET / HTTP/1.1\r\n\r\n") +
             record(html_ok("<p>Hi</p>")) + record_of_type("metadata", "a: b\r\n") + record(html_ok("<p>Two</p>")),
         {article(3, "<p>Hi</p>"), article(5, "<p>Two</p>")}},
        {"the page's canonical link and date win",
         record(html_ok("<link canonical> dated")),
         {article(1, "<link canonical> dated", "https://canonical.example/page", "2020-05-06")}},
        {"non-HTML responses are no articles",
         record(http("Content-Type: image/png\r\n", "\x89PNG")) +
             record(http("Content-Type: application/json\r\n", "{}")),
         {}},
        {"XHTML is HTML", record(http("Content-Type: application/xhtml+xml; charset=utf-8\r\n", "<p>x</p>")),
         {article(1, "<p>x</p>")}},
        {"without a Content-Type, the body decides",
         record(http("", "<!DOCTYPE html><p>x</p>")) + record(http("", "plain words")),
         {article(1, "<!DOCTYPE html><p>x</p>")}},
        {"redirects and errors are no articles",
         record(http("Content-Type: text/html\r\n", "<p>Moved</p>", "HTTP/1.1 301 Moved Permanently")) +
             record(http("Content-Type: text/html\r\n", "<p>Gone</p>", "HTTP/1.0 404 Not Found")),
         {}},
        {"DNS lookups are response records too", record("20250211 1.2.3.4\r\n", [] {
             RecordSpec spec;
             spec.content_type = "text/dns";
             return spec;
         }()),
         {}},
        {"an empty page is skipped without a word", record(html_ok("  \r\n")), {}},
        {"chunked transfer encoding",
         record(http("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                     "4\r\n<p>W\r\n9;name=value\r\niki</p>!!\r\n0\r\nExpires: never\r\n\r\n")),
         {article(1, "<p>Wiki</p>!!")}},
        {"broken chunked encoding",
         record(http("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", "zz\r\n<p>x</p>\r\n0\r\n\r\n")),
         {},
         "warning: a.warc: record 1: broken chunked transfer encoding, page skipped\n"},
        {"gzip content encoding",
         record(http("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", kGzippedBody)),
         {article(1, "<p>gz</p>")}},
        {"a gzip header on a body that is not compressed",
         record(http("Content-Type: text/html\r\nContent-Encoding: x-gzip\r\n", "<p>plain</p>")),
         {article(1, "<p>plain</p>")}},
        {"an encoding that cannot be undone",
         record(http("Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x1b\x03")),
         {},
         "warning: a.warc: record 1: Content-Encoding 'br' not supported, page skipped\n"},
        {"the HTTP charset beats the meta tag",
         record(http("Content-Type: text/html; charset=windows-1252\r\n", "<meta charset=\"utf-8\">caf\xE9")),
         {article(1, "<meta charset=\"utf-8\">café")}},
        {"undecodable bytes are named by the page's path",
         record(http("Content-Type: text/html; charset=iso-8859-8\r\n", "a\xA1z")),
         {article(1, "a\uFFFDz")},
         "warning: a.warc#1: undecodable bytes in ISO-8859-8 replaced with U+FFFD (1 sequence)\n"},
        {"folded header and a URI in angle brackets (WARC 1.0's examples)",
         "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI:\r\n <https://example.org/folded>\r\n"
         "Content-Length: " + std::to_string(html_ok("<p>f</p>").size()) + "\r\n\r\n" + html_ok("<p>f</p>") +
             "\r\n\r\n",
         {"#1 body=[<p>f</p>] url=[https://example.org/folded]"}},
        {"LF line ends, one line break after the block, no end at all",
         "WARC/1.0\nWARC-Type: response\nContent-Length: 52\n\n" + html_ok("<p>a</p>") +
             "\nWARC/1.0\nWARC-Type: response\nContent-Length: 52\n\n" + html_ok("<p>b</p>"),
         {"#1 body=[<p>a</p>]", "#2 body=[<p>b</p>]"}},
        {"bad Content-Length: skipped to the next record",
         record(html_ok("<p>lost</p>"), with_length("many")) + record(html_ok("<p>kept</p>")),
         {article(2, "<p>kept</p>")},
         "warning: a.warc: record 1: malformed WARC record (bad Content-Length 'many'), skipped\n"},
        {"no Content-Length",
         "WARC/1.0\r\nWARC-Type: response\r\n\r\n" + html_ok("<p>lost</p>") + "\r\n\r\n" +
             record(html_ok("<p>kept</p>")),
         {article(2, "<p>kept</p>")},
         "warning: a.warc: record 1: malformed WARC record (no Content-Length), skipped\n"},
        {"a header line that is not one",
         "WARC/1.0\r\nWARC-Type response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n" + record(html_ok("<p>kept</p>")),
         {article(2, "<p>kept</p>")},
         "warning: a.warc: record 1: malformed WARC record (bad header line 'WARC-Type response'), skipped\n"},
        {"a Content-Length that is too short",
         record(html_ok("<p>long</p>"), with_length("20")) + record(html_ok("<p>kept</p>")),
         {article(2, "<p>kept</p>")},
         "warning: a.warc: record 1: malformed WARC record (block not followed by a blank line; wrong "
         "Content-Length?), skipped\n"},
        {"a truncated last record",
         record(html_ok("<p>one</p>")) + record(html_ok("<p>cut</p>"), with_length("500")),
         {article(1, "<p>one</p>")},
         "warning: a.warc: record 2: truncated WARC record (Content-Length 500, only 58 bytes)\n"},
        {"data before the first record",
         "not a warc\r\nat all\r\n" + record(html_ok("<p>x</p>")),
         {article(1, "<p>x</p>")},
         "warning: a.warc: no WARC record at the start, skipped to the first 'WARC/' line\n"},
        {"data between records",
         record(html_ok("<p>x</p>")) + "stray\r\nlines\r\n" + record(html_ok("<p>y</p>")),
         {article(1, "<p>x</p>"), article(2, "<p>y</p>")},
         "warning: a.warc: unexpected data after record 1, skipped to the next 'WARC/' line\n"},
        {"a response that is not HTTP", record("garbage\r\n"), {},
         "warning: a.warc: record 1: response is not an HTTP response, skipped\n"},
        {"no records at all", "", {}},
    };
    const StubHtmlReader stub;
    for (const auto& row : rows) {
        MemoryStream stream(row.input);
        const Output out = read_warc(stream, stub, "a.warc");
        EXPECT_EQ(out.articles, row.articles) << row.name;
        EXPECT_EQ(out.warnings, row.warnings) << row.name;
    }
}

// The fixture as the indexer reads it: gzip members concatenated, through libarchive, and the
// pages through the HTML reader the registry gives for .html.
TEST(Warc, CrawlFixtureThroughTheHtmlReader) {
    const Reader* html = reader_for("page.html");
    ASSERT_NE(html, nullptr);
    ArchiveStream stream(std::filesystem::path(NEWSDEX_TEST_DATA) / "archives" / "crawl.warc.gz",
                         ArchiveStream::Mode::compressed);
    std::string name;
    ASSERT_TRUE(stream.next_entry(name));
    Output out;
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    std::vector<std::pair<std::size_t, Article>> pages;
    WarcReader(*html).read(stream, "crawl.warc.gz", [&](Article&& a, std::size_t record) {
        pages.emplace_back(record, std::move(a));
    }, diag);
    EXPECT_EQ(warnings.str(),
              "warning: crawl.warc.gz: record 6: malformed WARC record (bad Content-Length 'many'), skipped\n");
    ASSERT_EQ(pages.size(), 3u);
    // Record 3: the page's canonical link and its own date.
    EXPECT_EQ(pages[0].first, 3u);
    EXPECT_EQ(pages[0].second.title, "Harbour cranes return");
    EXPECT_EQ(pages[0].second.url, "https://news.example.org/harbour-cranes");
    EXPECT_EQ(format_date(*pages[0].second.date), "2025-02-10T08:00:00Z");
    EXPECT_NE(pages[0].second.body.find("The port of Kestrel Bay reopened its container berths on Monday."),
              std::string::npos);
    // Record 4: chunked, Windows-1252 by its HTTP header although its meta tag says UTF-8; no
    // canonical link and no date of its own, so the target URI and WARC-Date.
    EXPECT_EQ(pages[1].first, 4u);
    EXPECT_EQ(pages[1].second.title, "Café prices “soar”");
    EXPECT_EQ(pages[1].second.body, "Traders in Zürich paid 5 € more.");
    EXPECT_EQ(pages[1].second.url, "https://news.example.org/cafe");
    EXPECT_EQ(format_date(*pages[1].second.date), "2025-02-11T09:31:00Z");
    // Record 7, after the image (5) and the malformed record (6): gzip content encoding.
    EXPECT_EQ(pages[2].first, 7u);
    EXPECT_EQ(pages[2].second.title, "Glacier survey");
    EXPECT_EQ(pages[2].second.body, "The ice retreated 40 metres.");
    EXPECT_EQ(pages[2].second.url, "https://news.example.org/glacier");
}

}  // namespace
