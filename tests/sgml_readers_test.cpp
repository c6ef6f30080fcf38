// The SGML readers (TREC, Reuters-21578) and their shared scanner as tables of behaviour: text
// in, the exact articles (every field, via describe()) and the exact warnings out. Broken
// inputs live as files in data/sgml/.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "reader_harness.h"
#include "readers/field_values.h"
#include "readers/file_loader.h"
#include "readers/reader_registry.h"
#include "readers/reuters_sgml_reader.h"
#include "readers/sgml_scanner.h"
#include "readers/trec_reader.h"

namespace {


using namespace newsdex;
using namespace newsdex::testing;  // run, check_rows, run_fixture, describe

const std::filesystem::path kData = std::filesystem::path(NEWSDEX_TEST_DATA) / "sgml";


// ---- scanner ----

std::string describe(const SgmlToken& token) {
    const std::string at = "@" + std::to_string(token.line) + ":";
    switch (token.kind) {
        case SgmlToken::Kind::text: return "text" + at + std::string(token.text);
        case SgmlToken::Kind::start_tag:
            return "start" + at + std::string(token.name) + "|" + std::string(token.attributes);
        case SgmlToken::Kind::end_tag: return "end" + at + std::string(token.name);
        case SgmlToken::Kind::other: return "other" + at;
    }
    return "?";
}

TEST(SgmlScanner, Tokens) {
    const struct {
        const char* name;
        const char* input;
        std::vector<std::string> tokens;
    } rows[] = {
        {"tags and text", "a <b> c </b>",
         {"text@1:a ", "start@1:b|", "text@1: c ", "end@1:b"}},
        {"a '<' that opens no tag is text", "x < 5 and y<z\n<P>",
         {"text@1:x < 5 and y<z\n", "start@2:P|"}},
        {"a tag closes on its own line", "<A\nB> <C", {"text@1:<A\nB> <C"}},
        {"a '<' before the '>' means the first was text", "a<b and R&D.</T>",
         {"text@1:a<b and R&D.", "end@1:T"}},
        {"malformed names and end tags are text", "</ DOC> </a b> <a=b> <a&b> <>",
         {"text@1:</ DOC> </a b> <a=b> <a&b> <>"}},
        {"attributes kept raw", "<REUTERS TOPICS=\"YES\"  NEWID=\"5\" >",
         {"start@1:REUTERS|TOPICS=\"YES\"  NEWID=\"5\""}},
        {"empty-element slash", "<BR/>", {"start@1:BR|/"}},
        {"declarations and comments (across lines)",
         "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<!-- c\n<DOC> -->x<?pi?>",
         {"other@1:", "text@1:\n", "other@2:", "text@3:x", "other@3:"}},
        {"an unterminated comment is text", "<!-- never closed <DOC>",
         {"text@1:<!-- never closed ", "start@1:DOC|"}},
        {"lines counted across tokens and CR LF", "\n\n<a>\r\n<b>\n\n</b>",
         {"text@1:\n\n", "start@3:a|", "text@3:\r\n", "start@4:b|", "text@4:\n\n", "end@6:b"}},
        {"empty input", "", {}},
    };
    for (const auto& row : rows) {
        std::vector<std::string> tokens;
        for (const auto& token : scan_sgml(row.input)) tokens.push_back(describe(token));
        EXPECT_EQ(tokens, row.tokens) << row.name;
    }
}

TEST(SgmlScanner, TextDecoding) {
    const struct {
        const char* name;
        std::string raw;
        std::string text;
    } rows[] = {
        {"named entities", "&amp; &lt; &gt; &quot; &apos;", "& < > \" '"},
        {"numeric references", "&#65;&#x42;&#X43; &#233;t&#xe9;", "ABC été"},
        {"bare ampersands stay", "AT&T & co &", "AT&T & co &"},
        {"unknown entities stay as written", "&unknown; &hyph; &nbsp;", "&unknown; &hyph; &nbsp;"},
        {"no semicolon, no reference", "&amp &#65 &; &#;", "&amp &#65 &; &#;"},
        {"referenced controls dropped", "&#2;x&#3;&#5;&#22;&#31;&#127;&#133;", "x"},
        {"tab and line feed references kept", "a&#9;b&#10;c", "a\tb\nc"},
        {"raw controls dropped", "a\x03" "b\x7F" "c\x01", "abc"},
        {"raw C1 controls dropped, other two-byte letters kept", "\xC2\x85x \xC2\xA0\xC3\xA9",
         "x \xC2\xA0\xC3\xA9"},
        {"references that name no character stay", "&#0;|&#xD800;|&#1114112;|&#123456789;",
         "|&#xD800;|&#1114112;|&#123456789;"},
        {"line breaks", "a\r\nb\rc\fd\ve", "a\nb\nc d e"},
        {"multi-byte text untouched", "\xE6\xBC\xA2 \xF0\x9F\x93\xB0", "\xE6\xBC\xA2 \xF0\x9F\x93\xB0"},
    };
    for (const auto& row : rows) {
        std::string out;
        append_sgml_text(out, row.raw);
        EXPECT_EQ(out, row.text) << row.name;
    }
}

TEST(SgmlScanner, Attributes) {
    const struct {
        const char* attributes;
        const char* name;
        const char* value;
    } rows[] = {
        {"TOPICS=\"YES\" NEWID=\"5\"", "NEWID", "5"},
        {"newid='7'", "NEWID", "7"},
        {"NEWID=8 OLDID=9", "OLDID", "9"},
        {"COMPACT NEWID = \"10\"", "NEWID", "10"},
        {"XNEWID=\"1\" NEWID=\"2\"", "NEWID", "2"},
        {"NEWID=\"unterminated", "NEWID", "unterminated"},
        {"OLDID=\"1\"", "NEWID", ""},
        {"", "NEWID", ""},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(sgml_attribute(row.attributes, row.name), row.value) << row.attributes;
    }
}

TEST(SgmlScanner, SplitsElementsAndNamesWhatWasLeftOpen) {
    const auto tokens = scan_sgml("x<A>1</A><b>2<A>3<B>4</b>y<T><A>5</T><T>6");
    const auto parts = split_elements(tokens, {{"A", "B", "T"}, {"T"}});
    std::vector<std::string> found;
    for (const auto& e : parts.elements) {
        found.push_back(std::string(e.name) + "=" + sgml_plain_text(e.content) + ": " +
                        (e.closed ? "closed" : unclosed_message(e, "at end of file")));
    }
    EXPECT_EQ(found, (std::vector<std::string>{
                         "A=1: closed",
                         "b=2: unclosed <b> before <A>",
                         "A=3: unclosed <A> before <B>",
                         "B=4: closed",
                         "T= 5: closed",  // T is verbatim: <A> inside it is content
                         "T=6: unclosed <T> at end of file",
                     }));
    std::vector<std::string> rest;
    for (const auto& token : parts.rest) rest.push_back(describe(token));
    EXPECT_EQ(rest, (std::vector<std::string>{"text@1:x", "text@1:y"}));
}

TEST(SgmlScanner, BylineNames) {
    const struct {
        const char* byline;
        const char* name;
    } rows[] = {
        {"By JANE DOE, Staff Writer", "JANE DOE, Staff Writer"},
        {"  by  Ann \n Lee ", "Ann Lee"},
        {"BY X", "X"},
        {"Byron Smith", "Byron Smith"},
        {"By", "By"},
        {"Ann Lee", "Ann Lee"},
    };
    for (const auto& row : rows) EXPECT_EQ(byline_name(row.byline), row.name) << row.byline;
}

// ---- TREC ----

TEST(TrecReader, Documents) {
    check_rows(TrecReader{}, "a.trec", {
        {"minimal",
         "<DOC>\n<DOCNO> A-1 </DOCNO>\n<TEXT>\nHello.\n</TEXT>\n</DOC>\n",
         {"#1 id=[A-1] body=[Hello.]"}},
        {"records numbered in file order; text outside DOC ignored",
         "junk & <junk>\n<DOC><DOCNO>a</DOCNO></DOC>\nmore </DOC> junk\n<DOC><DOCNO>b</DOCNO></DOC>",
         {"#1 id=[a]", "#2 id=[b]"}},
        {"the first non-empty title tag wins",
         "<DOC><DOCNO>x</DOCNO><HEAD> </HEAD><HEAD>First</HEAD><HEAD>Second</HEAD>"
         "<HEADLINE>Third</HEADLINE></DOC>",
         {"#1 id=[x] title=[First]"}},
        {"HL", "<DOC><HL> Lender\n Posts Gain </HL><DOCNO>x</DOCNO></DOC>",
         {"#1 id=[x] title=[Lender Posts Gain]"}},
        {"TITLE", "<DOC><DOCNO>x</DOCNO><TITLE>T</TITLE></DOC>", {"#1 id=[x] title=[T]"}},
        {"TI (FBIS) inside an unknown element",
         "<DOC><DOCNO>x</DOCNO><HEADER><H3><TI>Talks Resume</TI></H3></HEADER></DOC>",
         {"#1 id=[x] title=[Talks Resume]"}},
        {"tags in a headline separate words",
         "<DOC><DOCNO>x</DOCNO><HEADLINE><P>Main</P><P>Sub</P></HEADLINE></DOC>",
         {"#1 id=[x] title=[Main Sub]"}},
        {"<P> breaks paragraphs, other tags are dropped, lines inside stay",
         "<DOC><DOCNO>x</DOCNO><TEXT>\n<P>\nOne\nline two.\n</P>\n<P>Two <F P=102>kept</F> words.</P>\n"
         "Tail\n</TEXT></DOC>",
         {"#1 id=[x] body=[One\nline two.\n\nTwo kept words.\n\nTail]"}},
        {"several TEXT blocks are paragraphs of one body",
         "<DOC><DOCNO>x</DOCNO><TEXT>A</TEXT><TEXT>\n</TEXT><TEXT>B</TEXT></DOC>",
         {"#1 id=[x] body=[A\n\nB]"}},
        {"without <P> the layout stays",
         "<DOC><DOCNO>x</DOCNO><TEXT>\n   First para\nwraps.\n   Second.  \n\n</TEXT></DOC>",
         {"#1 id=[x] body=[   First para\nwraps.\n   Second.]"}},
        {"field names inside TEXT are text",
         "<DOC><DOCNO>x</DOCNO><TEXT>Intro <TITLE>inner</TITLE> <DOCNO>y</DOCNO>end.</TEXT>"
         "<HEADLINE>Real</HEADLINE></DOC>",
         {"#1 id=[x] title=[Real] body=[Intro inner yend.]"}},
        {"entities, bare '&' and '<'",
         "<DOC><DOCNO>x</DOCNO><HEADLINE>&quot;Q&quot; &amp; A</HEADLINE>"
         "<TEXT>Fish & chips < 5 &lt; 6 &#x2014; a<b, R&D &hyph;</TEXT></DOC>",
         {"#1 id=[x] title=[\"Q\" & A] body=[Fish & chips < 5 < 6 \u2014 a<b, R&D &hyph;]"}},
        {"source and authors, bylines without 'By'",
         "<DOC><DOCNO>x</DOCNO><SOURCE> Daily\n Courier </SOURCE><BYLINE>By ANN LEE</BYLINE>"
         "<AUTHOR>Bo Chan</AUTHOR><BYLINE>by Ann Lee</BYLINE></DOC>",
         {"#1 id=[x] source=[Daily Courier] authors=[ANN LEE|Bo Chan|Ann Lee]"}},
        {"comments are not text",
         "<DOC><DOCNO>x</DOCNO><TEXT>a<!-- hidden <P> -->b</TEXT></DOC>",
         {"#1 id=[x] body=[ab]"}},
        {"tag names in any case",
         "<doc><docno>l-1</docno><Text>t</TEXT></Doc>",
         {"#1 id=[l-1] body=[t]"}},
        {"windows line breaks",
         "<DOC>\r\n<DOCNO>c</DOCNO>\r\n<TEXT>\r\nLine one\r\nline two\r\n</TEXT>\r\n</DOC>\r\n",
         {"#1 id=[c] body=[Line one\nline two]"}},
        {"the id is trimmed, its inside kept",
         "<DOC><DOCNO>\n  FBIS3  1 \n</DOCNO></DOC>",
         {"#1 id=[FBIS3  1]"}},
        {"no DOC at all: a name that lies is one warning", "just text\n", {},
         "warning: a.trec: no <DOC> element: not TREC, nothing read\n"},
    });
}

TEST(TrecReader, Dates) {
    check_rows(TrecReader{}, "a.trec", {
        {"YYMMDD", "<DOC><DOCNO>d</DOCNO><DATE>890101</DATE></DOC>", {"#1 id=[d] date=[1989-01-01]"}},
        {"YYMMDD from 69 is 19xx", "<DOC><DOCNO>d</DOCNO><DATE>690101</DATE></DOC>",
         {"#1 id=[d] date=[1969-01-01]"}},
        {"YYMMDD before 69 is 20xx", "<DOC><DOCNO>d</DOCNO><DATE> 681231 </DATE></DOC>",
         {"#1 id=[d] date=[2068-12-31]"}},
        {"YYYYMMDD", "<DOC><DOCNO>d</DOCNO><DATE>19870312</DATE></DOC>",
         {"#1 id=[d] date=[1987-03-12]"}},
        {"LA Times: a date, then notes after commas",
         "<DOC><DOCNO>d</DOCNO><DATE>\n<P>\nJanuary 1, 1989, Sunday, Home Edition\n</P>\n</DATE></DOC>",
         {"#1 id=[d] date=[1989-01-01]"}},
        {"FBIS DATE1", "<DOC><DOCNO>d</DOCNO><DATE1>  7 January 1994 </DATE1></DOC>",
         {"#1 id=[d] date=[1994-01-07]"}},
        {"ISO with a time", "<DOC><DOCNO>d</DOCNO><DATE>1989-01-03T10:00:00Z</DATE></DOC>",
         {"#1 id=[d] date=[1989-01-03T10:00:00Z]"}},
        {"the first DATE wins", "<DOC><DOCNO>d</DOCNO><DATE>890101</DATE><DATE>900101</DATE></DOC>",
         {"#1 id=[d] date=[1989-01-01]"}},
        {"an impossible YYMMDD is quoted as written",
         "<DOC>\n<DOCNO>d</DOCNO>\n<DATE>891399</DATE></DOC>",
         {"#1 id=[d]"},
         "warning: a.trec:3: record 1: date '891399' not understood\n"},
        {"a month only is kept with a warning",
         "<DOC><DOCNO>d</DOCNO><DATE>January 1989, Sunday</DATE></DOC>",
         {"#1 id=[d] date=[1989-01]"},
         "warning: a.trec:1: record 1: date 'January 1989' gives only the year and month\n"},
        {"a DATELINE place is no date and no warning",
         "<DOC><DOCNO>d</DOCNO><DATELINE>WASHINGTON</DATELINE></DOC>",
         {"#1 id=[d]"}},
        {"a DATELINE date counts without DATE",
         "<DOC><DOCNO>d</DOCNO><DATELINE>March 3, 1988</DATELINE></DOC>",
         {"#1 id=[d] date=[1988-03-03]"}},
        {"a DATELINE year is not a date",
         "<DOC><DOCNO>d</DOCNO><DATELINE>1988</DATELINE></DOC>",
         {"#1 id=[d]"}},
        {"DATE wins over an earlier DATELINE",
         "<DOC><DOCNO>d</DOCNO><DATELINE>March 3, 1988</DATELINE><DATE>880304</DATE></DOC>",
         {"#1 id=[d] date=[1988-03-04]"}},
        {"an unreadable DATE leaves the DATELINE",
         "<DOC><DOCNO>d</DOCNO><DATE>someday</DATE><DATELINE>March 3, 1988</DATELINE></DOC>",
         {"#1 id=[d] date=[1988-03-03]"},
         "warning: a.trec:1: record 1: date 'someday' not understood\n"},
    });
}

TEST(TrecReader, Warnings) {
    check_rows(TrecReader{}, "a.trec", {
        {"no DOCNO: still an article",
         "<DOC>\n<HEADLINE>H</HEADLINE>\n</DOC>",
         {"#1 title=[H]"},
         "warning: a.trec:1: record 1: document has no DOCNO\n"},
        {"unclosed DOC at the end of the file keeps what it read",
         "<DOC>\n<DOCNO>a</DOCNO>\n</DOC>\n<DOC>\n<DOCNO>u</DOCNO>\n<TEXT>\nSo far.\n",
         {"#1 id=[a]", "#2 id=[u] body=[So far.]"},
         "warning: a.trec:4: record 2: unclosed <DOC> at end of file\n"},
        {"unclosed DOC before the next",
         "<DOC>\n<DOCNO>a</DOCNO>\n<DOC>\n<DOCNO>b</DOCNO>\n</DOC>",
         {"#1 id=[a]", "#2 id=[b]"},
         "warning: a.trec:1: record 1: unclosed <DOC> before the next <DOC>\n"},
        {"an unclosed field ends at the next field",
         "<DOC>\n<DOCNO>a\n<HEADLINE>H</HEADLINE>\n</DOC>",
         {"#1 id=[a] title=[H]"},
         "warning: a.trec:2: record 1: unclosed <DOCNO> before <HEADLINE>\n"},
        {"an unclosed TEXT ends at </DOC>",
         "<DOC>\n<DOCNO>a</DOCNO>\n<TEXT>\nBody\n</DOC>",
         {"#1 id=[a] body=[Body]"},
         "warning: a.trec:3: record 1: unclosed <TEXT> before </DOC>\n"},
        {"a DOC with nothing this reader keeps",
         "<DOC>\n<DOCID>7</DOCID>\n</DOC>\n<DOC><DOCNO>n</DOCNO></DOC>",
         {"#2 id=[n]"},
         "warning: a.trec:1: record 1: record has no text or metadata\n"},
    });
}

TEST(TrecReader, Sniffing) {
    const struct {
        const char* name;
        std::string head;
        bool trec;
    } rows[] = {
        {"DOC then DOCNO", "<DOC>\n<DOCNO> LA010189-0001 </DOCNO>\n", true},
        {"one line", "<DOC><DOCNO>x</DOCNO>", true},
        {"blank lines and lower case", "\n\n  <doc>\n<docno>x</docno>", true},
        {"byte-order mark", "\xEF\xBB\xBF<DOC>\n<DOCNO>x", true},
        {"a header line before DOCNO", "<DOC>\n<FILEID>x</FILEID>\n<DOCNO>y</DOCNO>", true},
        {"DOCNO too far", "<DOC>\n" + std::string(2000, 'x') + "<DOCNO>", false},
        {"no DOCNO", "<DOC>\n<TEXT>no number</TEXT>", false},
        {"text first", "Title: x\n<DOC><DOCNO>", false},
        {"DOCNO first", "<DOCNO>x</DOCNO>", false},
        {"Reuters", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">", false},
        {"empty", "", false},
    };
    for (const auto& row : rows) EXPECT_EQ(looks_like_trec(row.head), row.trec) << row.name;
}

// ---- Reuters-21578 ----

TEST(ReutersSgmlReader, Stories) {
    check_rows(ReutersSgmlReader{}, "a.sgm", {
        {"every field",
         "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
         "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" OLDID=\"5\" NEWID=\"9\">\n"
         "<DATE> 5-MAR-1987 09:31:29.87</DATE>\n"
         "<TOPICS><D>cocoa</D><D>sugar</D></TOPICS>\n<PLACES><D>ghana</D></PLACES>\n"
         "<PEOPLE><D>a-person</D></PEOPLE>\n<ORGS><D>icco</D></ORGS>\n"
         "<EXCHANGES><D>lce</D></EXCHANGES>\n<COMPANIES><D>acme</D></COMPANIES>\n"
         "<UNKNOWN>&#5;&#5;&#5;C T</UNKNOWN>\n"
         "<TEXT>&#2;\n<TITLE>COCOA &lt;ICCO> TALKS</TITLE>\n<AUTHOR> by Kim Park, Reuters</AUTHOR>\n"
         "<DATELINE>    ACCRA, March 5 - </DATELINE><BODY>Talks opened.\n  More talks.\n Reuter\n"
         "&#3;</BODY></TEXT>\n</REUTERS>\n",
         {"#1 id=[9] title=[COCOA <ICCO> TALKS] body=[Talks opened.\n  More talks.\n Reuter] "
          "date=[1987-03-05T09:31:29Z] authors=[Kim Park, Reuters] topics=[cocoa|sugar] "
          "places=[ghana] organisations=[icco|lce]"}},
        {"records numbered in file order; text outside REUTERS ignored",
         "junk\n<REUTERS NEWID=\"1\"></REUTERS>\nmore & junk\n<REUTERS NEWID=\"2\"></REUTERS>",
         {"#1 id=[1]", "#2 id=[2]"}},
        {"a BRIEF text without BODY is the body",
         "<REUTERS NEWID=\"2\"><TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>PROFIT UP\n</TITLE>\n"
         "Profit rose.\n&#3;\n\n</TEXT></REUTERS>",
         {"#1 id=[2] title=[PROFIT UP] body=[******\nProfit rose.]"}},
        {"an UNPROC text is the body",
         "<REUTERS NEWID=\"3\"><TEXT TYPE=\"UNPROC\">&#2;\nRates steady.\n Reuter\n&#3;</TEXT></REUTERS>",
         {"#1 id=[3] body=[Rates steady.\n Reuter]"}},
        {"a BODY leaves the rest of TEXT out",
         "<REUTERS NEWID=\"4\"><TEXT>stray<BODY>b</BODY>more</TEXT></REUTERS>",
         {"#1 id=[4] body=[b]"}},
        {"list items trimmed, empty and repeated ones dropped; exchanges are organisations",
         "<REUTERS NEWID=\"5\"><TOPICS> x <D> cocoa </D><D></D><D>cocoa</D></TOPICS>"
         "<ORGS><D>opec</D></ORGS><EXCHANGES><D>nyse</D><D>opec</D></EXCHANGES></REUTERS>",
         {"#1 id=[5] topics=[cocoa] organisations=[opec|nyse]"}},
        {"controls dropped, raw or referenced",
         "<REUTERS NEWID=\"6\"><TEXT><BODY>a\x03" "b&#3;c&#22;</BODY></TEXT></REUTERS>",
         {"#1 id=[6] body=[abc]"}},
        {"an out-of-range hour keeps the day",
         "<REUTERS NEWID=\"7\"><DATE>31-MAR-1987 605:13:08.21</DATE></REUTERS>",
         {"#1 id=[7] date=[1987-03-31]"}},
        {"lower-case tags, quoted and unquoted ids",
         "<reuters newid='8'><text><title>t</title><body>b</body></text></reuters>"
         "<REUTERS NEWID=10 OLDID=\"1\"></REUTERS>",
         {"#1 id=[8] title=[t] body=[b]", "#2 id=[10]"}},
        {"windows line breaks",
         "<REUTERS NEWID=\"11\">\r\n<TEXT>\r\n<BODY>one\r\ntwo\r\n</BODY></TEXT>\r\n</REUTERS>\r\n",
         {"#1 id=[11] body=[one\ntwo]"}},
    });
}

TEST(ReutersSgmlReader, Warnings) {
    check_rows(ReutersSgmlReader{}, "a.sgm", {
        {"no NEWID: still an article",
         "<REUTERS OLDID=\"1\">\n<TEXT><TITLE>T</TITLE></TEXT>\n</REUTERS>",
         {"#1 title=[T]"},
         "warning: a.sgm:1: record 1: document has no NEWID\n"},
        {"unreadable date",
         "<REUTERS NEWID=\"1\">\n<DATE>not a date</DATE>\n</REUTERS>",
         {"#1 id=[1]"},
         "warning: a.sgm:2: record 1: date 'not a date' not understood\n"},
        {"unclosed REUTERS at the end of the file keeps what it read",
         "<REUTERS NEWID=\"1\">\n<TEXT>\n<BODY>So far",
         {"#1 id=[1] body=[So far]"},
         "warning: a.sgm:1: record 1: unclosed <REUTERS> at end of file\n"},
        {"unclosed REUTERS before the next",
         "<REUTERS NEWID=\"1\">\n<REUTERS NEWID=\"2\">\n</REUTERS>",
         {"#1 id=[1]", "#2 id=[2]"},
         "warning: a.sgm:1: record 1: unclosed <REUTERS> before the next <REUTERS>\n"},
        {"unclosed elements inside",
         "<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79\n<TOPICS><D>a<D>b</D></TOPICS>\n"
         "<TEXT><BODY>text\n</TEXT></REUTERS>",
         {"#1 id=[1] body=[text] date=[1987-02-26T15:01:01Z] topics=[a|b]"},
         "warning: a.sgm:2: record 1: unclosed <DATE> before <TOPICS>\n"
         "warning: a.sgm:3: record 1: unclosed <D> before the next <D>\n"
         "warning: a.sgm:4: record 1: unclosed <BODY> before </TEXT>\n"},
        {"a story with nothing this reader keeps",
         "<REUTERS OLDID=\"1\">\n<PEOPLE><D>x</D></PEOPLE>\n</REUTERS>",
         {},
         "warning: a.sgm:1: record 1: record has no text or metadata\n"},
        {"no REUTERS at all: a name that lies is one warning", "<DOC>\nother text\n</DOC>\n", {},
         "warning: a.sgm: no <REUTERS> element: not Reuters-21578 SGML, nothing read\n"},
    });
}

// ---- files, as the indexer loads them ----

TEST(SgmlFixtures, FilesReadEndToEnd) {
    const FixtureRow rows[] = {
        {"news.trec",
         {"#1 id=[NX880105-0001] title=[Harbour Authority Approves New Ferry Route] "
          "body=[   The harbour authority on Tuesday approved a ferry route linking\n"
          "the mainland with three island towns, officials said.\n"
          "   Service is expected to begin in the spring & run twice daily.] "
          "date=[1988-01-05] authors=[MARTA OLSEN]",
          "#2 id=[LX890101-0002] title=[VALLEY ORCHARDS REPORT RECORD \"WINTER\" CROP] "
          "body=[Growers in the valley harvested more citrus this winter than in any\n"
          "year since records began, the county farm bureau said.\n\n"
          "Prices fell 3% as a result; the bureau called it a <good problem>.\n\n"
          "A second text block of the same document.] "
          "date=[1989-01-01] authors=[TOMAS REYES, Staff Writer]",
          "#3 id=[WX870312-0003] title=[Small Lender Posts Gain] "
          "body=[Net income rose 12% to $4.1 million \u2014 the best quarter in\n"
          "its history, the lender said.] date=[1987-03-12] source=[The Weekly Ledger]"}},
        {"broken.trec",
         {"#1 title=[No number here] "
          "body=[Text with a bare & ampersand, a bare < sign, AT&T, x<y and &unknown; entity.]",
          "#2 id=[BRK-2] title=[Title never closed] body=[Body after an unclosed headline.]",
          "#3 id=[BRK-3] body=[The file ends before this document does.]"},
         "warning: broken.trec:2: record 1: document has no DOCNO\n"
         "warning: broken.trec:11: record 2: date 'someday' not understood\n"
         "warning: broken.trec:12: record 2: unclosed <HEADLINE> before <TEXT>\n"
         "warning: broken.trec:17: record 3: unclosed <DOC> at end of file\n"},
        {"la010189",
         {"#1 id=[LX890102-0001] title=[LIBRARY EXTENDS WEEKEND HOURS] "
          "body=[The central library will open on Sundays from next month.] date=[1989-01-02]"}},
        {"stories.sgm",
         {"#1 id=[1] title=[PRAIRIE WHEAT SHIPMENTS <UP> SHARPLY] "
          "body=[Prairie wheat shipments rose sharply in the\n"
          "week to Sunday, the grain council said, as rail cars returned\n"
          "from the coast.\n"
          "    Shipments reached 412,000 tonnes against 298,000 a week\n"
          "earlier, the council said.\n"
          " Reuter] "
          "date=[1987-03-03T09:12:44Z] authors=[Dana Whitfield, Reuters] topics=[grain|wheat] "
          "places=[canada|usa] organisations=[icgc|wce]",
          "#2 id=[2] title=[MILLBANK TEXTILES SAYS FIRST HALF PROFIT UP] "
          "body=[******\nMillbank Textiles said first half profit rose.] "
          "date=[1987-03-03T09:14:02Z] places=[uk] organisations=[lse]",
          "#3 id=[3] body=[Harbour freight rates quoted at 14.50 dlrs a tonne, steady.\n Reuter] "
          "date=[1987-03-31]"}},
        {"broken.sgm",
         {"#1 title=[NO NEWID HERE] body=[Body text with a bare & and a bare < sign.\n Reuter] "
          "topics=[cocoa|sugar]",
          "#2 id=[12] title=[THE FILE STOPS HERE] body=[Unfinished]"},
         "warning: broken.sgm:3: record 1: date 'not a date' not understood\n"
         "warning: broken.sgm:4: record 1: unclosed <D> before the next <D>\n"
         "warning: broken.sgm:7: record 1: unclosed <BODY> before </TEXT>\n"
         "warning: broken.sgm:2: record 1: document has no NEWID\n"
         "warning: broken.sgm:12: record 2: unclosed <REUTERS> at end of file\n"},
    };
    for (const auto& row : rows) {
        const auto output = run_fixture(kData, row.file, [](const std::string& text) -> const Reader* {
            static const TrecReader trec;
            return looks_like_trec(text) ? &trec : nullptr;
        });
        EXPECT_EQ(output.articles, row.articles) << row.file;
        EXPECT_EQ(output.warnings, row.warnings) << row.file;
    }
}

TEST(SgmlRegistry, ChoosesByExtension) {
    const Reader* trec = reader_for("x.trec");
    const Reader* reuters = reader_for("reut2-000.sgm");
    ASSERT_NE(dynamic_cast<const TrecReader*>(trec), nullptr);
    ASSERT_NE(dynamic_cast<const ReutersSgmlReader*>(reuters), nullptr);
    const struct {
        const char* path;
        const Reader* expected;
    } rows[] = {
        {"a.trec", trec},      {"A.TREC", trec},         {"dir/fbis.sgml", trec},
        {"b.SGML", trec},      {"reut2-021.sgm", reuters}, {"X.SGM", reuters},
        {"la010189", nullptr}, {".hidden.trec", nullptr}, {"a.sgm.gz", nullptr},
    };
    for (const auto& row : rows) EXPECT_EQ(reader_for(row.path), row.expected) << row.path;
}

}  // namespace
