// The input readers as tables of behaviour: text in, the exact articles (every field, via
// describe()) and the exact warnings out. Broken inputs live as files in data/readers/.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "reader_harness.h"
#include "readers/file_loader.h"
#include "readers/json_reader.h"
#include "readers/reader_registry.h"
#include "readers/text_reader.h"


namespace {

using namespace newsdex;
using namespace newsdex::testing;  // run, check_rows, run_fixture, describe

const std::filesystem::path kData = std::filesystem::path(NEWSDEX_TEST_DATA) / "readers";


TEST(TextReader, HeadersTitlesAndBodies) {
    check_rows(TextReader{}, "a.txt", {
        {"every header field",
         "Title: Cocoa review\nDate: 2025-01-04\nSource: Reuters\nAuthor: Ann Lee, Bo Chan\n"
         "URL: https://example.com/a\nID: r-1\nLanguage: en\nTopics: cocoa, sugar, cocoa\n"
         "Places: brazil\nOrganizations: ICCO\n\nShowers continued.\n\nSecond paragraph.\n",
         {"#0 id=[r-1] title=[Cocoa review] body=[Showers continued.\n\nSecond paragraph.] "
          "date=[2025-01-04] source=[Reuters] authors=[Ann Lee|Bo Chan] url=[https://example.com/a] "
          "language=[en] topics=[cocoa|sugar] places=[brazil] organisations=[ICCO]"}},
        {"keys are case-insensitive; Organisations spelled with s",
         "TITLE: Loud\ndate: 2025-01-04\nORGANISATIONS: OPEC\n\nBody.",
         {"#0 title=[Loud] body=[Body.] date=[2025-01-04] organisations=[OPEC]"}},
        {"unknown first key is body text",
         "Note: the market fell\nsharply today.\n",
         {"#0 body=[Note: the market fell\nsharply today.]"}},
        {"short first line before a blank line is the title",
         "Markets rally\n\nStocks rose.\n",
         {"#0 title=[Markets rally] body=[Stocks rose.]"}},
        {"a first line ending in a full stop is body",
         "The market fell.\n\nMore.\n",
         {"#0 body=[The market fell.\n\nMore.]"}},
        {"a first line running on without a blank line is body",
         "Markets rally\nas stocks rose.\n",
         {"#0 body=[Markets rally\nas stocks rose.]"}},
        {"title line after a header without a title",
         "Date: 2025-01-04\n\nHeadline here\n\nBody.\n",
         {"#0 title=[Headline here] body=[Body.] date=[2025-01-04]"}},
        {"a header title wins over the first line",
         "Title: From header\n\nShort line\n\nBody.\n",
         {"#0 title=[From header] body=[Short line\n\nBody.]"}},
        {"markdown heading marker is not part of the title",
         "## Big news\n\nText.\n",
         {"#0 title=[Big news] body=[Text.]"}},
        {"header-only file",
         "Title: Markets closed\nDate: 2025-01-04\n",
         {"#0 title=[Markets closed] date=[2025-01-04]"}},
        {"a line that is not Key: value ends the header",
         "Title: X\nThe body starts here.\n",
         {"#0 title=[X] body=[The body starts here.]"}},
        {"blank lines around the body go, indentation and paragraphs stay",
         "\n\n  Indented first line goes on.\n\n    Second para.\n\n\n",
         {"#0 body=[  Indented first line goes on.\n\n    Second para.]"}},
        {"windows line breaks",
         "Title: X\r\nTopics: a, b\r\n\r\nLine one\r\nline two\r\n",
         {"#0 title=[X] body=[Line one\nline two] topics=[a|b]"}},
        {"a single line is body",
         "Just one line",
         {"#0 body=[Just one line]"}},
        {"bracketed list in a header",
         "Tags: ['cocoa', 'sugar']\n\nBody.",
         {"#0 body=[Body.] topics=[cocoa|sugar]"}},
    });
}

TEST(TextReader, TitleLengthCountsCodePoints) {
    std::string line;
    for (int i = 0; i < 120; ++i) line += "é";  // 240 bytes, 120 code points
    const auto at_limit = run(TextReader{}, line + "\n\nText", "a.txt");
    EXPECT_EQ(at_limit.articles, Articles{"#0 title=[" + line + "] body=[Text]"});
    const auto over = run(TextReader{}, line + "é\n\nText", "a.txt");
    EXPECT_EQ(over.articles, Articles{"#0 body=[" + line + "é\n\nText]"});
}

TEST(TextReader, FrontMatter) {
    check_rows(TextReader{}, "a.md", {
        {"quoted values, inline and block lists, unknown keys",
         "---\ntitle: \"Cocoa: a review\"\ndate: '2025-01-04'\ntags: [cocoa, 'sugar']\n"
         "authors:\n  - Ann Lee\n  - \"Bo Chan\"\nlayout: post\nsource: 'It''s Reuters'\n---\n\n"
         "# Heading stays in the body\n\nText.\n",
         {"#0 title=[Cocoa: a review] body=[# Heading stays in the body\n\nText.] date=[2025-01-04] "
          "source=[It's Reuters] authors=[Ann Lee|Bo Chan] topics=[cocoa|sugar]"}},
        {"list items at the key's indentation; nested maps ignored",
         "---\nplaces:\n- Paris\n- Lyon\nseo:\n  title: not the title\n---\nShort body\n",
         {"#0 body=[Short body] places=[Paris|Lyon]"}},
        {"block scalar",
         "---\ntitle: >\n  A folded\n  title\n---\nBody.\n",
         {"#0 title=[A folded title] body=[Body.]"}},
        {"without a title the first line may still be one",
         "---\ndate: 2025-01-04\n---\n\nHeadline\n\nBody.\n",
         {"#0 title=[Headline] body=[Body.] date=[2025-01-04]"}},
        {"unclosed front matter is body",
         "---\ntitle: never closed\n\nThe body goes on.\n",
         {"#0 body=[---\ntitle: never closed\n\nThe body goes on.]"}},
    });
}

TEST(TextReader, Warnings) {
    check_rows(TextReader{}, "a.txt", {
        {"unreadable date: article kept undated",
         "Title: X\nDate: xyz\n\nBody.",
         {"#0 title=[X] body=[Body.]"},
         "warning: a.txt:2: date 'xyz' not understood\n"},
        {"year only: kept, with a warning",
         "Date: 2025\n\nBody.",
         {"#0 body=[Body.] date=[2025]"},
         "warning: a.txt:1: date '2025' gives only the year\n"},
        {"month only: kept, with a warning",
         "Title: X\nDate: 2025-03\n\nBody.",
         {"#0 title=[X] body=[Body.] date=[2025-03]"},
         "warning: a.txt:2: date '2025-03' gives only the year and month\n"},
        {"unknown key inside a header",
         "Title: X\nSubject: y\n\nBody.",
         {"#0 title=[X] body=[Body.]"},
         "warning: a.txt:2: unknown header field 'Subject' ignored\n"},
        {"a header with nothing in it",
         "Title:\n\n",
         {},
         "warning: a.txt: record has no text or metadata\n"},
        {"front matter date line is named",
         "---\ntitle: T\ndate: someday\n---\nBody.",
         {"#0 title=[T] body=[Body.]"},
         "warning: a.txt:3: date 'someday' not understood\n"},
    });
}

TEST(JsonReader, FieldAliasesAndValues) {
    check_rows(JsonReader{}, "a.json", {
        {"aliases",
         R"({"headline": "H", "text": "T", "publishedAt": "2025-01-04T10:00:00Z", "publisher": "P",
             "link": "https://e.com/x", "byline": "B", "guid": "g-1", "tags": ["a"], "locations": ["l"],
             "orgs": ["o"], "lang": "en"})",
         {"#0 id=[g-1] title=[H] body=[T] date=[2025-01-04T10:00:00Z] source=[P] authors=[B] "
          "url=[https://e.com/x] language=[en] topics=[a] places=[l] organisations=[o]"}},
        {"keys are case-insensitive; title beats headline",
         R"({"HEADLINE": "second", "Title": "first", "PubDate": "2025-01-04"})",
         {"#0 title=[first] date=[2025-01-04]"}},
        {"description only without a body",
         R"({"title": "t", "summary": "the summary"})",
         {"#0 title=[t] body=[the summary]"}},
        {"a body wins over a description",
         R"({"description": "d", "content": "the content"})",
         {"#0 body=[the content]"}},
        {"null is missing, so the next alias counts",
         R"({"title": null, "headline": "h", "body": null, "description": "d", "date": null})",
         {"#0 title=[h] body=[d]"}},
        {"nested objects give their name",
         R"({"source": {"id": "reuters", "name": "Reuters"}, "authors": [{"name": "A"}, {"title": "B"}]})",
         {"#0 source=[Reuters] authors=[A|B]"}},
        {"numeric ids become decimal text",
         R"({"id": 5102, "title": "t"})",
         {"#0 id=[5102] title=[t]"}},
        {"ids are kept exactly",
         R"({"id": " x  y ", "title": "  spaced \n  title "})",
         {"#0 id=[ x  y ] title=[spaced title]"}},
        {"unix seconds",
         R"({"timestamp": 1736000000})",
         {"#0 date=[2025-01-04T14:13:20Z]"}},
        {"unix milliseconds",
         R"({"date": 1736000000000})",
         {"#0 date=[2025-01-04T14:13:20Z]"}},
        {"python list in a string",
         R"({"topics": "['cocoa', 'sugar']"})",
         {"#0 topics=[cocoa|sugar]"}},
        {"json list in a string",
         R"({"topics": "[\"a\", \"b\"]"})",
         {"#0 topics=[a|b]"}},
        {"a plain string is one item",
         R"({"topics": "cocoa, sugar", "author": "Lee, Ann"})",
         {"#0 authors=[Lee, Ann] topics=[cocoa, sugar]"}},
        {"items trimmed, empty and repeated items dropped, lists merged across aliases",
         R"({"places": [" usa ", "uk", "usa", "", null], "tags": ["x"], "keywords": ["x", "y"]})",
         {"#0 topics=[x|y] places=[usa|uk]"}},
        {"a body given as paragraphs",
         R"({"body": ["One.", "Two."]})",
         {"#0 body=[One.\n\nTwo.]"}},
        {"the body keeps its inner layout",
         R"({"body": "\n\n  Para one.\n\n  Para two.\n\n"})",
         {"#0 body=[  Para one.\n\n  Para two.]"}},
        {"unknown keys are ignored",
         R"({"title": "t", "urlToImage": "x", "score": 3})",
         {"#0 title=[t]"}},
    });
}

TEST(JsonReader, Containers) {
    check_rows(JsonReader{}, "a.json", {
        {"array records are numbered from 1",
         R"([{"title": "a"}, {"title": "b"}])",
         {"#1 title=[a]", "#2 title=[b]"}},
        {"wrapper under a known key",
         R"({"status": "ok", "totalResults": 2, "articles": [{"title": "a"}, {"title": "b"}]})",
         {"#1 title=[a]", "#2 title=[b]"}},
        {"wrapper under any key",
         R"({"payload": [{"title": "a"}], "count": 1})",
         {"#1 title=[a]"}},
        {"a known key wins over another array",
         R"({"meta": [{"title": "not this"}], "results": [{"title": "this"}]})",
         {"#1 title=[this]"}},
        {"an object with article fields is an article, whatever arrays it holds",
         R"({"title": "t", "authors": [{"name": "A"}], "related": [{"title": "r"}]})",
         {"#0 title=[t] authors=[A]"}},
        {"an empty array is no articles",
         "[]",
         {}},
        {"an empty wrapper is no articles",
         R"({"articles": []})",
         {}},
    });
}

TEST(JsonReader, Warnings) {
    check_rows(JsonReader{}, "a.json", {
        {"non-object element skipped",
         R"([{"title": "a"}, 42, {"title": "c"}])",
         {"#1 title=[a]", "#3 title=[c]"},
         "warning: a.json: record 2: record is not a JSON object (got number), skipped\n"},
        {"wrong-typed fields ignored, the rest kept",
         R"([{"title": {"lang": "en"}, "date": true, "body": "Kept.", "topics": ["a", true, "b"], "source": [1]}])",
         {"#1 body=[Kept.] topics=[a|b]"},
         "warning: a.json: record 1: field 'title' ignored: object has no name\n"
         "warning: a.json: record 1: field 'date' ignored: expected a string or number, got boolean\n"
         "warning: a.json: record 1: field 'source' ignored: expected a string, got array\n"
         "warning: a.json: record 1: field 'topics' item 2 ignored: expected a string, got boolean\n"},
        {"wrong-typed list",
         R"({"title": "t", "places": false, "authors": [{"role": "x"}]})",
         {"#0 title=[t]"},
         "warning: a.json: field 'authors' item 1 ignored: object has no name\n"
         "warning: a.json: field 'places' ignored: expected a list or string, got boolean\n"},
        {"unreadable and coarse dates",
         R"([{"title": "a", "date": "xyz"}, {"title": "b", "date": "2025"}, {"title": "c", "date": 1e300}])",
         {"#1 title=[a]", "#2 title=[b] date=[2025]", "#3 title=[c]"},
         "warning: a.json: record 1: date 'xyz' not understood\n"
         "warning: a.json: record 2: date '2025' gives only the year\n"
         "warning: a.json: record 3: date '1e+300' not understood\n"},
        {"an unreadable date falls back to the next alias",
         R"({"date": "xyz", "published": "2025-01-04"})",
         {"#0 date=[2025-01-04]"},
         "warning: a.json: date 'xyz' not understood\n"},
        {"empty records",
         R"([{"title": "fine"}, {"unrelated": 1}, {"title": null, "body": "  "}])",
         {"#1 title=[fine]"},
         "warning: a.json: record 2: record has no text or metadata\n"
         "warning: a.json: record 3: record has no text or metadata\n"},
        {"truncated file: the line of the error, nothing indexed",
         "[\n  {\"title\": \"a\", \"body\": \"b\"},\n  {\"title\": \"c\", \"bo",
         {},
         "warning: a.json:3: malformed JSON: invalid string: missing closing quote; last read: "
         "'\"bo'; expected string literal\n"},
        {"truncated after a final line break names the last line with text",
         "[\n  {\"title\": \"a\"},\n",
         {},
         "warning: a.json:2: malformed JSON: unexpected end of input; expected '[', '{', or a literal\n"},
        {"a scalar file",
         "42",
         {},
         "warning: a.json: expected an article object or an array of them, got number\n"},
        {"long values are shortened in warnings",
         R"({"title": "t", "date": "0123456789012345678901234567890123456789012345678901234567890123456789"})",
         {"#0 title=[t]"},
         "warning: a.json: date '012345678901234567890123456789012345678901234567890123456789…' not understood\n"},
    });
}

TEST(JsonLinesReader, RecordsAndWarnings) {
    check_rows(JsonLinesReader{}, "a.jsonl", {
        {"records count non-blank lines; warnings name the physical line",
         "{\"title\": \"one\"}\n\n{\"title\": \"broken\", \n{\"title\": \"four\", \"date\": \"xyz\"}\n[1, 2]\n"
         "{\"title\": \"six\"}",
         {"#1 title=[one]", "#3 title=[four]", "#5 title=[six]"},
         "warning: a.jsonl:3: record 2: malformed JSON: unexpected end of input; expected string literal\n"
         "warning: a.jsonl:4: record 3: date 'xyz' not understood\n"
         "warning: a.jsonl:5: record 4: record is not a JSON object (got array), skipped\n"},
        {"windows line breaks and blank lines",
         "\r\n{\"title\": \"a\"}\r\n   \r\n{\"title\": \"b\"}\r\n",
         {"#1 title=[a]", "#2 title=[b]"}},
        {"garbage line",
         "{\"title\": \"a\"}\nnot json\n",
         {"#1 title=[a]"},
         "warning: a.jsonl:2: record 2: malformed JSON: invalid literal; last read: 'no'\n"},
        // Names that lie: a first line that is no JSON decides how the file is taken.
        {"one JSON array over many lines is read as .json",
         "[\n  {\"title\": \"a\"},\n  {\"title\": \"b\"}\n]\n",
         {"#1 title=[a]", "#2 title=[b]"}},
        {"one object over many lines is read as .json",
         "{\n  \"title\": \"a\"\n}\n",
         {"#0 title=[a]"}},
        {"HTML: one warning, not one a line",
         "\n<html>\n<body>\n<p>hi</p>\n</body>\n</html>\n",
         {},
         "warning: a.jsonl:2: malformed JSON: invalid literal; last read: '<' (not JSON Lines: the file is not "
         "read)\n"},
        {"a broken first object among good lines is one bad record",
         "{\"title\": \"cut\n{\"title\": \"b\"}\n",
         {"#2 title=[b]"},
         "warning: a.jsonl:1: record 1: malformed JSON: invalid string: missing closing quote; last read: "
         "'\"cut'\n"},
    });
}

TEST(ReaderFixtures, FilesReadEndToEnd) {
    const FixtureRow rows[] = {
        {"article.txt",
         {"#0 title=[Cocoa review] "
          "body=[Showers continued in the Bahia cocoa zone.\n\n    Arrivals were 155,221 bags.] "
          "date=[2025-01-04] source=[Reuters] authors=[Ann Lee|Bo Chan] topics=[cocoa|sugar]"}},
        {"article.md",
         {"#0 title=[Cocoa: a review] body=[Heading stays in the body\n\nShowers continued.] "
          "date=[2025-01-04] "
          "authors=[Ann Lee|Bo Chan] topics=[cocoa|sugar]"}},
        {"header_only.txt", {"#0 title=[Markets closed] date=[2025-01-04]"}},
        {"front_matter_unclosed.md", {"#0 body=[title: never closed\n\nThe body goes on.]"}},
        {"crlf.txt", {"#0 title=[Windows file] body=[First line\nsecond line] date=[2025-01-04]"}},
        {"bom.txt", {"#0 title=[With a BOM] body=[Body.]"}},
        {"empty.txt", {}, "warning: empty.txt: empty file, skipped\n"},
        {"blank.txt", {}, "warning: blank.txt: empty file, skipped\n"},
        {"binary.txt", {}, "warning: binary.txt: looks binary (NUL bytes), skipped\n"},
        {"invalid_utf8.txt",
         {"#0 title=[Caf\uFFFD au lait] body=[Zürich, Zürich, Zürich, Zürich, Zürich, Zürich, Zürich, "
          "Zürich, Zürich: price \uFFFD\uFFFD rose \uFFFD]"},
         "warning: invalid_utf8.txt: invalid UTF-8 replaced with U+FFFD (4 sequences)\n"},
        {"articles.json",
         {"#1 id=[1] title=[First] body=[One.] date=[1987-02-26T15:01:01Z] topics=[cocoa] places=[brazil]",
          "#2 id=[2] title=[Second] body=[Two.]"}},
        {"wrapped.json",
         {"#1 title=[Wrapped one] body=[Full text.] date=[2025-01-04T10:00:00Z] source=[Reuters] "
          "url=[https://example.com/1]",
          "#2 title=[Wrapped two] body=[Only a description.] source=[AP]"}},
        {"single.json", {"#0 id=[5102] title=[Single object] body=[Body text.] authors=[Ann Lee|Bo Chan]"}},
        {"non_object.json",
         {"#1 title=[kept one]", "#3 title=[kept three]"},
         "warning: non_object.json: record 2: record is not a JSON object (got number), skipped\n"},
        {"wrong_type.json",
         {"#1 body=[Kept body.] topics=[a|b]"},
         "warning: wrong_type.json: record 1: field 'title' ignored: object has no name\n"
         "warning: wrong_type.json: record 1: field 'date' ignored: expected a string or number, got boolean\n"
         "warning: wrong_type.json: record 1: field 'topics' item 2 ignored: expected a string, got boolean\n"},
        {"truncated.json", {},
         "warning: truncated.json:3: malformed JSON: invalid string: missing closing quote; last read: "
         "'\"bo'; expected string literal\n"},
        {"empty_record.json",
         {"#1 title=[fine]"},
         "warning: empty_record.json: record 2: record has no text or metadata\n"
         "warning: empty_record.json: record 3: record has no text or metadata\n"},
        {"broken.jsonl",
         {"#1 id=[a] title=[line one]", "#3 id=[b] title=[line four]"},
         "warning: broken.jsonl:3: record 2: malformed JSON: unexpected end of input; expected string literal\n"
         "warning: broken.jsonl:5: record 4: record is not a JSON object (got array), skipped\n"},
        {"articles.ndjson", {"#1 title=[n1]", "#2 title=[n2] date=[2025-01-04T14:13:20Z]"}},
    };
    for (const auto& row : rows) {
        const auto output = run_fixture(kData, row.file);
        EXPECT_EQ(output.articles, row.articles) << row.file;
        EXPECT_EQ(output.warnings, row.warnings) << row.file;
    }
}

TEST(ReaderRegistry, ChoosesByExtension) {
    const TextReader* text = dynamic_cast<const TextReader*>(reader_for("x.txt"));
    const JsonReader* json = dynamic_cast<const JsonReader*>(reader_for("x.json"));
    const JsonLinesReader* lines = dynamic_cast<const JsonLinesReader*>(reader_for("x.jsonl"));
    const TextReader* markdown = dynamic_cast<const TextReader*>(reader_for("x.md"));
    ASSERT_NE(text, nullptr);
    ASSERT_NE(markdown, nullptr);
    EXPECT_NE(markdown, text);  // .md bodies lose their markup, .txt bodies keep every character
    ASSERT_NE(json, nullptr);
    ASSERT_NE(lines, nullptr);
    const struct {
        const char* path;
        const Reader* expected;
    } rows[] = {
        {"a.txt", text},          {"A.TXT", text},           {"dir/notes.md", markdown},
        {"news.Md", markdown},    {"b.markdown", markdown},        {"x.json", json},          {"X.JSON", json},
        {"x.jsonl", lines},       {"x.NDJSON", lines},       {".hidden.txt", nullptr},
        {"dir/.x.json", nullptr}, {"README", nullptr},       {"a.xls", nullptr},
        {"a.json.gz", nullptr},   {"a.txt~", nullptr},       {"dir.txt/a", nullptr},
    };
    for (const auto& row : rows) EXPECT_EQ(reader_for(row.path), row.expected) << row.path;
}

TEST(FileLoader, PreparesBytes) {
    const struct {
        const char* name;
        std::string bytes;
        std::optional<std::string> text;
        const char* warnings;
    } rows[] = {
        {"plain", "hello\n", "hello\n", ""},
        {"bom removed", "\xEF\xBB\xBFhello", "hello", ""},
        {"empty", "", std::nullopt, "warning: f.txt: empty file, skipped\n"},
        {"white space only", " \n\t\r\n", std::nullopt, "warning: f.txt: empty file, skipped\n"},
        {"bom only", "\xEF\xBB\xBF\n", std::nullopt, "warning: f.txt: empty file, skipped\n"},
        {"nul byte in a short text: more than one byte in a hundred", std::string("ab\0cd", 5), std::nullopt,
         "warning: f.txt: looks binary (NUL bytes), skipped\n"},
        // A stray NUL in a long text (one bad record of a dump) is damage, not a binary file.
        {"one nul byte in 120 of text", std::string(60, 'a') + '\0' + std::string(59, 'b'),
         std::string(60, 'a') + "\uFFFD" + std::string(59, 'b'),
         "warning: f.txt: NUL bytes replaced with U+FFFD (1 sequence)\n"},
        {"nul bytes and bad UTF-8 in one warning", "Zürich Zürich Zürich \xFF " + std::string(100, 'x') + '\0',
         "Zürich Zürich Zürich \uFFFD " + std::string(100, 'x') + "\uFFFD",
         "warning: f.txt: invalid UTF-8 and NUL bytes replaced with U+FFFD (2 sequences)\n"},
        {"nul bytes in text that is not UTF-8 at all", "\xE9\xE9\xE9 " + std::string(200, 'x') + '\0',
         std::nullopt, "warning: f.txt: looks binary (NUL bytes), skipped\n"},
        {"gzip data named .txt", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10) + std::string(200, 'x'),
         std::nullopt, "warning: f.txt: looks binary (NUL bytes), skipped\n"},
        // Damaged UTF-8 (well-formed multi-byte sequences around the damage) is repaired.
        {"one bad sequence", "Zürich, Zürich, Zürich caf\xE9!", "Zürich, Zürich, Zürich caf\uFFFD!",
         "warning: f.txt: invalid UTF-8 replaced with U+FFFD (1 sequence)\n"},
        {"several bad sequences, one warning", "ü ü ü ü ü ü ü \xFF x \xC0\xAF",
         "ü ü ü ü ü ü ü \uFFFD x \uFFFD\uFFFD",
         "warning: f.txt: invalid UTF-8 replaced with U+FFFD (3 sequences)\n"},
        // Not UTF-8 at all, too short to detect: read as Windows-1252, nothing to warn about.
        {"short legacy text", "caf\xE9!", "café!", ""},
    };
    for (const auto& row : rows) {
        std::ostringstream warnings;
        Diagnostics diag(&warnings);
        EXPECT_EQ(prepare_text(row.bytes, "f.txt", diag), row.text) << row.name;
        EXPECT_EQ(warnings.str(), row.warnings) << row.name;
    }
}

TEST(FileLoader, ReportsUnreadableFiles) {
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    EXPECT_EQ(load_text_file(kData / "no-such-file.txt", "no-such-file.txt", diag), std::nullopt);
    EXPECT_EQ(load_text_file(kData, "readers", diag), std::nullopt);
    EXPECT_EQ(warnings.str(),
              "warning: no-such-file.txt: cannot read file: No such file or directory\n"
              "warning: readers: cannot read file: Is a directory\n");
}

TEST(FileLoader, LoadsAFile) {
    Diagnostics diag(nullptr);
    EXPECT_EQ(load_text_file(kData / "bom.txt", "bom.txt", diag), "Title: With a BOM\n\nBody.\n");
    EXPECT_EQ(diag.count(), 0u);
}

}  // namespace
