// The XML readers (RSS 2.0 / 1.0, Atom, NITF, generic XML) as tables of behaviour: XML in, the
// exact articles (every field, via describe()) and the exact warnings out. Whole documents
// live as files in data/xml/ and are read the way the indexer reads them.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "reader_harness.h"
#include "readers/file_loader.h"
#include "readers/reader_registry.h"
#include "readers/xml_reader.h"


namespace {

using namespace newsdex;
using namespace newsdex::testing;  // run, check_rows, run_fixture, describe

const XmlReader kXml;

const std::filesystem::path kData = std::filesystem::path(NEWSDEX_TEST_DATA) / "xml";


TEST(RssReader, ItemFields) {
    check_rows(kXml, "f.rss", {
        {"author e-mail with a name in parentheses gives the name",
         "<rss><channel><item><title>T</title>"
         "<author>ann@example.com (Ann Lee)</author><author>bo@example.com</author>"
         "</item></channel></rss>",
         {"#1 title=[T] authors=[Ann Lee|bo@example.com]"}},
        {"a guid is the URL unless isPermaLink is false",
         "<rss><channel>"
         "<item><title>A</title><guid>https://e.com/a</guid></item>"
         "<item><title>B</title><guid isPermaLink='false'>https://e.com/b</guid></item>"
         "<item><title>C</title><guid>c-3</guid></item>"
         "<item><title>D</title><link>https://e.com/d</link><guid>https://e.com/d?x</guid></item>"
         "</channel></rss>",
         {"#1 id=[https://e.com/a] title=[A] url=[https://e.com/a]",
          "#2 id=[https://e.com/b] title=[B]",
          "#3 id=[c-3] title=[C]",
          "#4 id=[https://e.com/d?x] title=[D] url=[https://e.com/d]"}},
        {"white space around the guid is layout",
         "<rss><channel><item><title>T</title><guid isPermaLink='false'>\n  g 1\n</guid></item>"
         "</channel></rss>",
         {"#1 id=[g 1] title=[T]"}},
        {"pubDate wins over dc:date; an unreadable pubDate falls through to dc:date",
         "<rss xmlns:dc='http://purl.org/dc/elements/1.1/'><channel>"
         "<item><title>A</title><dc:date>2025-01-01</dc:date>"
         "<pubDate>Sun, 05 Jan 2025 00:00:00 GMT</pubDate></item>"
         "<item><title>B</title>\n<pubDate>someday</pubDate><dc:date>2025-01-02</dc:date></item>"
         "</channel></rss>",
         {"#1 title=[A] date=[2025-01-05T00:00:00Z]", "#2 title=[B] date=[2025-01-02]"},
         "warning: f.rss:2: record 2: date 'someday' not understood\n"},
        {"content:encoded wins over the description; an empty one does not",
         "<rss xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
         "<item><description>teaser</description>"
         "<content:encoded>&lt;p&gt;full&lt;/p&gt;</content:encoded></item>"
         "<item><content:encoded>  </content:encoded><description>only this</description></item>"
         "</channel></rss>",
         {"#1 body=[full]", "#2 body=[only this]"}},
        {"namespaces are matched by URI, not by prefix",
         "<rss xmlns:dc='urn:not-dublin-core' xmlns:DC='http://purl.org/dc/elements/1.1/'>"
         "<channel><item><title>T</title><dc:creator>Wrong</dc:creator>"
         "<DC:creator>Right</DC:creator><dc:subject>no</dc:subject><DC:subject>yes</DC:subject>"
         "</item></channel></rss>",
         {"#1 title=[T] authors=[Right] topics=[yes]"}},
        {"categories and subjects are topics, without duplicates",
         "<rss xmlns:dc='http://purl.org/dc/elements/1.1/'><channel><item><title>T</title>"
         "<category domain='x'>Sport</category><category>  Rugby\n union </category>"
         "<dc:subject>Sport</dc:subject></item></channel></rss>",
         {"#1 title=[T] topics=[Sport|Rugby union]"}},
        {"the item's own source and language win over the channel's",
         "<rss xmlns:dc='http://purl.org/dc/elements/1.1/'><channel><title>Feed</title>"
         "<language>en</language>"
         "<item><title>A</title><source url='https://o.com/rss'>Other</source>"
         "<dc:language>cy</dc:language></item>"
         "<item><title>B</title></item></channel></rss>",
         {"#1 title=[A] source=[Other] language=[cy]", "#2 title=[B] source=[Feed] language=[en]"}},
        {"titles are text: markup characters stay as written",
         "<rss><channel><item><title>Why x &lt; y &amp; &lt;b&gt; matter</title></item>"
         "</channel></rss>",
         {"#1 title=[Why x < y & <b> matter]"}},
        {"RSS 0.90 namespace",
         "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
         "xmlns='http://my.netscape.com/rdf/simple/0.9/'><channel><title>Old</title></channel>"
         "<item><title>T</title><link>https://e.com/t</link></item></rdf:RDF>",
         {"#1 title=[T] source=[Old] url=[https://e.com/t]"}},
        {"a feed without items gives nothing",
         "<rss><channel><title>Quiet</title></channel></rss>",
         {}},
    });
}

TEST(AtomReader, EntryFields) {
    check_rows(kXml, "f.atom", {
        {"published wins over updated",
         "<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>T</title>"
         "<updated>2025-01-02T00:00:00Z</updated><published>2025-01-01T00:00:00Z</published>"
         "</entry></feed>",
         {"#1 title=[T] date=[2025-01-01T00:00:00Z]"}},
        {"the alternate link wins; without one, the first link",
         "<feed xmlns='http://www.w3.org/2005/Atom'>"
         "<entry><title>A</title><link rel='self' href='s'/><link rel='alternate' href='a'/>"
         "</entry>"
         "<entry><title>B</title><link rel='enclosure' href='e'/><link rel='self' href='s'/>"
         "</entry>"
         "</feed>",
         {"#1 title=[A] url=[a]", "#2 title=[B] url=[e]"}},
        {"authors: the entry's, else its source's, else the feed's",
         "<feed xmlns='http://www.w3.org/2005/Atom'><author><name>Desk</name></author>"
         "<entry><title>A</title><author><name>Ann</name></author></entry>"
         "<entry><title>B</title>"
         "<source><title>Wire</title><author><name>Bo</name></author></source></entry>"
         "<entry><title>C</title></entry></feed>",
         {"#1 title=[A] authors=[Ann]", "#2 title=[B] source=[Wire] authors=[Bo]",
          "#3 title=[C] authors=[Desk]"}},
        {"content by type: text, html, xhtml; summary when content is elsewhere",
         "<feed xmlns='http://www.w3.org/2005/Atom'>"
         "<entry><content>  one\n  line\n\n  two  </content></entry>"
         "<entry><content type='html'>&lt;p&gt;a&lt;/p&gt;&lt;p&gt;b &amp;amp; c&lt;/p&gt;"
         "</content></entry>"
         "<entry><content type='xhtml'>"
         "<div xmlns='http://www.w3.org/1999/xhtml'><p>x</p><p>y</p></div></content></entry>"
         "<entry><content src='https://e.com/full'/><summary>short</summary></entry>"
         "<entry><content type='image/png'>iVBORw0KGgo=</content>"
         "<summary type='html'>&lt;b&gt;pic&lt;/b&gt;</summary></entry>"
         "</feed>",
         {"#1 body=[one line\n\ntwo]", "#2 body=[a\n\nb & c]", "#3 body=[x\n\ny]",
          "#4 body=[short]", "#5 body=[pic]"}},
        {"title types",
         "<feed xmlns='http://www.w3.org/2005/Atom'>"
         "<entry><title type='html'>A &amp;amp; &lt;em&gt;B&lt;/em&gt;</title></entry>"
         "<entry><title type='xhtml'>"
         "<div xmlns='http://www.w3.org/1999/xhtml'>C <b>D</b></div></title></entry>"
         "<entry><title>E &lt;F&gt;</title></entry>"
         "</feed>",
         {"#1 title=[A & B]", "#2 title=[C D]", "#3 title=[E <F>]"}},
        {"language from xml:lang in scope; categories by term",
         "<feed xmlns='http://www.w3.org/2005/Atom' xml:lang='en'>"
         "<entry xml:lang='es'><title>A</title>"
         "<category term='a'/><category term='a'/><category label='no term'/></entry>"
         "<entry><title>B</title></entry></feed>",
         {"#1 title=[A] language=[es] topics=[a]", "#2 title=[B] language=[en]"}},
        {"Atom elements in another namespace are not Atom",
         "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:x='urn:x'>"
         "<entry><title>A</title><x:title>not this</x:title><x:id>no</x:id></entry></feed>",
         {"#1 title=[A]"}},
    });
}

TEST(NitfReader, DocumentFields) {
    check_rows(kXml, "a.nitf", {
        {"byline as persons",
         "<nitf><body><body.head><hedline><hl1>H</hl1></hedline>"
         "<byline>By <person>Ann Lee</person> and <person>Bo Chan</person></byline>"
         "</body.head></body></nitf>",
         {"#0 title=[H] authors=[Ann Lee|Bo Chan]"}},
        {"byline as text, 'BY' in capitals; several bylines",
         "<nitf><body><body.head><hedline><hl1>H</hl1></hedline>"
         "<byline>BY CARL DIAZ</byline><byline>Dee Eng</byline></body.head></body></nitf>",
         {"#0 title=[H] authors=[CARL DIAZ|Dee Eng]"}},
        {"head title when there is no hl1; abstract when there is no body.content",
         "<nitf><head><title>Head title</title></head><body><body.head>"
         "<abstract><p>Short version.</p></abstract></body.head></body></nitf>",
         {"#0 title=[Head title] body=[Short version.]"}},
        {"dates: the issue date in basic ISO form, day only",
         "<nitf><head><docdata><date.issue norm='20250104'/></docdata></head>"
         "<body><body.head><hedline><hl1>H</hl1></hedline></body.head></body></nitf>",
         {"#0 title=[H] date=[2025-01-04]"}},
        {"dates: an unreadable publication date falls through to the issue date",
         "<nitf>\n<head>\n<docdata><date.issue norm='20250104T100000Z'/></docdata>\n"
         "<pubdata date.publication='tomorrow'/></head>"
         "<body><body.head><hedline><hl1>H</hl1></hedline></body.head></body></nitf>",
         {"#0 title=[H] date=[2025-01-04T10:00:00Z]"},
         "warning: a.nitf:4: date 'tomorrow' not understood\n"},
        {"source from the copyright holder when pubdata has no name",
         "<nitf><head><docdata><doc.copyright holder='Wire Co'/></docdata></head>"
         "<body><body.content><p>Text.</p></body.content></body></nitf>",
         {"#0 body=[Text.] source=[Wire Co]"}},
        {"NITF 3.x namespace: elements in the root's namespace",
         "<nitf xmlns='http://iptc.org/std/NITF/2006-10-18/'><body><body.head><hedline>"
         "<hl1>Namespaced</hl1></hedline></body.head><body.content><p>Yes.</p></body.content>"
         "</body></nitf>",
         {"#0 title=[Namespaced] body=[Yes.]"}},
        {"a document with nothing to show",
         "<nitf><head><pubdata name='Wire'/></head><body/></nitf>",
         {},
         "warning: a.nitf: document has no text or metadata\n"},
    });
}

TEST(XmlGeneric, FieldsAndText) {
    check_rows(kXml, "a.xml", {
        {"text only: one paragraph per block element",
         "<doc><sec><p>One <b>bold</b> word.</p><p>Two.</p></sec><p>Three\n  lines.</p></doc>",
         {"#0 body=[One bold word.\n\nTwo.\n\nThree lines.]"}},
        {"field elements give metadata and leave the body",
         "<item><title>T</title><pubdate>2025-01-04</pubdate><byline>Ann Lee</byline>"
         "<link>https://e.com/t</link><lang>fr</lang><places>Lyon, Paris</places>"
         "<guid>g-7</guid><text>The body.</text></item>",
         {"#0 id=[g-7] title=[T] body=[The body.] date=[2025-01-04] authors=[Ann Lee] "
          "url=[https://e.com/t] language=[fr] places=[Lyon|Paris]"}},
        {"hl1 is a title; the root's id attribute is the id",
         "<story id='s-1'><hl1>Headline</hl1><para>Body.</para></story>",
         {"#0 id=[s-1] title=[Headline] body=[Body.]"}},
        {"a body element wins over a description, whatever the order",
         "<a><summary>Short.</summary><content>Long.</content><note>left out</note></a>",
         {"#0 body=[Long.]"}},
        {"a body element holding escaped HTML",
         "<a><title>T</title><body>&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</body></a>",
         {"#0 title=[T] body=[One.\n\nTwo.]"}},
        {"a body element holding plain text keeps its paragraphs",
         "<a><body>if x &lt; 3 then\n   go on\n\n stop</body></a>",
         {"#0 body=[if x < 3 then go on\n\nstop]"}},
        {"an element named like a body but holding fields is a record",
         "<list><article><title>T</title><text>Body.</text></article></list>",
         {"#0 title=[T] body=[Body.]"}},
        {"inside prose, field names are just text",
         "<doc><para>On the <date>fourth</date> the <source>river</source> rose.</para></doc>",
         {"#0 body=[On the fourth the river rose.]"}},
        {"the first value of a field wins",
         "<doc><title>First</title><title>Second</title><p>x</p></doc>",
         {"#0 title=[First] body=[x]"}},
        {"xml:lang of the root",
         "<doc xml:lang='nl'><p>Tekst.</p></doc>",
         {"#0 body=[Tekst.] language=[nl]"}},
        {"entity references are not expanded",
         "<!DOCTYPE doc [<!ENTITY big 'expanded'>]><doc><p>a &big; b</p></doc>",
         {"#0 body=[a b]"}},
        {"a document with no text",
         "<doc><id>5</id><empty/></doc>",
         {},
         "warning: a.xml: document has no text or metadata\n"},
    });
}

TEST(XmlReader, MalformedInput) {
    check_rows(kXml, "b.xml", {
        {"not XML at all",
         "just words",
         {},
         "warning: b.xml:1: malformed XML: Start tag expected, '<' not found\n"},
        {"unclosed element: what was read is kept",
         "<rss><channel><item><title>A</title>\n<description>text\n</item>\n"
         "<item><title>B</title></item></channel></rss>",
         {"#1 title=[A] body=[text]", "#2 title=[B]"},
         "warning: b.xml:3: malformed XML: "
         "Opening and ending tag mismatch: description line 2 and item\n"},
        {"unclosed element in an Atom entry",
         "<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>A</title>\n<summary>text\n"
         "</entry>\n<entry><title>B</title></entry></feed>",
         {"#1 title=[A] body=[text]", "#2 title=[B]"},
         "warning: b.xml:3: malformed XML: "
         "Opening and ending tag mismatch: summary line 2 and entry\n"},
        {"an undefined entity (HTML's &nbsp; in a feed)",
         "<rss><channel>\n<item><title>A&nbsp;B</title></item></channel></rss>",
         {"#1 title=[AB]"},
         "warning: b.xml:2: malformed XML: Entity 'nbsp' not defined\n"},
        {"only the first error is reported",
         "<doc>\n<p>one</x>\n<p>two</y>\n</doc>",
         {"#0 body=[one\n\ntwo]"},
         "warning: b.xml:2: malformed XML: Opening and ending tag mismatch: p line 2 and x\n"},
        {"nested entities are not expanded (no \"billion laughs\")",
         "<!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>\n"
         "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]>\n<d><p>x &c;</p></d>",
         {"#0 body=[x]"},
         "warning: b.xml:1: malformed XML: Detected an entity reference loop\n"},
        {"an undeclared prefix is no warning",
         "<rss><channel><item><title>A</title><dc:creator>x</dc:creator></item></channel></rss>",
         {"#1 title=[A]"}},
        {"the encoding declaration is ignored: the text is already UTF-8",
         "<?xml version='1.0' encoding='ISO-8859-1'?><doc><p>café</p></doc>",
         {"#0 body=[café]"}},
    });
}

TEST(XmlReader, ChosenByRootElement) {
    check_rows(kXml, "x.xml", {
        {"<feed> outside the Atom namespace is generic",
         "<feed><title>T</title><p>x</p></feed>",
         {"#0 title=[T] body=[x]"}},
        {"<RDF> outside the RDF namespace is generic",
         "<RDF><item><title>T</title></item></RDF>",
         {"#0 title=[T]"}},
        {"Atom by namespace, whatever the prefix",
         "<a:feed xmlns:a='http://www.w3.org/2005/Atom'>"
         "<a:entry><a:title>T</a:title></a:entry></a:feed>",
         {"#1 title=[T]"}},
    });
}

TEST(XmlFixtures, FilesReadEndToEnd) {
    const FixtureRow rows[] = {
        {"rss2.rss",
         {"#1 id=[gazette-2025-0104-ferry] title=[Ferry timetable changes for winter] "
          "body=[The winter timetable for the island ferry starts on Monday, with two fewer "
          "crossings a day.\n\nThe operator said the early sailing would be kept.] "
          "date=[2025-01-04T09:00:00Z] source=[Harbour Town Gazette] "
          "authors=[Mara Quill|Tobias Wren] "
          "url=[https://gazette.example.org/2025/01/ferry-winter] language=[en-gb] "
          "topics=[Transport|Islands]",
          "#2 id=[https://gazette.example.org/2025/01/lighthouse-museum] "
          "title=[Lighthouse keeper's cottage to become museum] "
          "body=[Volunteers have restored the cottage.\n\nIt opens in \"early spring\".] "
          "date=[2025-01-05T08:30:00Z] source=[Coastwatch Weekly] "
          "url=[https://gazette.example.org/2025/01/lighthouse-museum] language=[en-gb]"}},
        {"rss1.xml",
         {"#1 title=[Neue Brücke über die Ache eröffnet] "
          "body=[Die Brücke verbindet die beiden Ortsteile.] date=[2025-02-10T06:15:00Z] "
          "source=[Valley Observer] authors=[Lena Falk] url=[https://valley.example.com/a/1] "
          "language=[de] topics=[Verkehr]",
          "#2 title=[Schneefall sperrt Passstraße] date=[2025-02-11] source=[Valley Observer] "
          "url=[https://valley.example.com/a/2] language=[de]"}},
        {"science.atom",
         {"#1 id=[tag:northfield.example.com,2025:17] title=[Comet Varga brightens] "
          "body=[Comet Varga has brightened tenfold in a week.\n\nObservers should look low in "
          "the west after dusk.\nClear skies are forecast.] date=[2025-03-02T02:00:00Z] "
          "source=[Northfield Science Desk] authors=[Ines Karlsson|Dev Mehta] "
          "url=[https://northfield.example.com/2025/03/comet-varga] language=[en] "
          "topics=[astronomy|comets]",
          "#2 id=[tag:northfield.example.com,2025:18] title=[Une éclipse partielle visible samedi] "
          "body=[L'éclipse commencera peu après le lever du soleil.\n\nIl ne faut jamais regarder "
          "le soleil sans protection.] date=[2025-03-02T10:00:00Z] source=[Northfield Science Desk] "
          "authors=[Science Desk] url=[https://northfield.example.com/fr/2025/03/eclipse] "
          "language=[fr]"}},
        {"story.nitf",
         {"#0 id=[ORCH-2025-0912] title=[Record apple harvest in Wenlow Valley] "
          "body=[Growers in the Wenlow Valley picked more apples this season than in any year "
          "since records began.\n\nThe cooperative said a mild spring had spared the blossom.\n\n"
          "Prices at the farm gate fell & storage is running short.] date=[2025-09-12T14:00:00Z] "
          "source=[Meadowline Wire] authors=[Petra Holm] language=[en-US] "
          "topics=[agriculture|apples] places=[Wenlow Valley] "
          "organisations=[Orchard Growers Cooperative|Regional Fruit Board]"}},
        {"generic.xml",
         {"#0 id=[river-0042] title=[River festival returns after five years] "
          "body=[Boats decorated with lanterns will sail past the old mill on Saturday.\n\n"
          "Organisers expect twenty thousand visitors, more than in 2020.\n\n"
          "Road closures begin at noon.] date=[2025-06-21] authors=[Odile Brandt] "
          "topics=[festival|river|culture]"}},
        {"truncated.rss",
         {"#1 title=[Library extends opening hours] "
          "body=[The library will open until eight on weekdays.] source=[Quarry Lane Bulletin] "
          "url=[https://bulletin.example.org/library-hours]",
          "#2 title=[Bus shelter repaired] "
          "body=[Workers replaced the broken panels on Tuesday and] "
          "source=[Quarry Lane Bulletin]"},
         "warning: truncated.rss:13: malformed XML: "
         "Premature end of data in tag description line 12\n"},
        {"empty_item.rss",
         {"#1 title=[Market moves to the square] source=[Mill Street Notes] "
          "url=[https://notes.example.org/market] language=[en]",
          "#4 title=[Bakery wins regional prize] source=[Mill Street Notes] language=[en]"},
         "warning: empty_item.rss:9: record 2: item has no text or metadata\n"
         "warning: empty_item.rss:13: record 3: item has no text or metadata\n"},
        {"not_xml.xml", {},
         "warning: not_xml.xml:1: malformed XML: Start tag expected, '<' not found\n"},
    };
    for (const auto& row : rows) {
        const auto output = run_fixture(kData, row.file);
        EXPECT_EQ(output.articles, row.articles) << row.file;
        EXPECT_EQ(output.warnings, row.warnings) << row.file;
    }
}

TEST(XmlReader, RegisteredForXmlExtensions) {
    for (const char* path : {"a.xml", "b.RSS", "dir/c.atom", "d.nitf", "E.XML"}) {
        EXPECT_NE(dynamic_cast<const XmlReader*>(reader_for(path)), nullptr) << path;
    }
    EXPECT_EQ(reader_for(".hidden.xml"), nullptr);
}

TEST(XmlSniff, RecognisesFeedsAndNitf) {
    const struct {
        const char* head;
        bool expected;
    } rows[] = {
        {"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", true},
        {"\xEF\xBB\xBF<rss>", true},
        {"  <!-- generated -->\n"
         "<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\" \"x\">\n<rss",
         true},
        {"<!DOCTYPE rss [ <!ENTITY a \"b>\"> ]><rss>", true},
        {"<?xml-stylesheet href=\"a.xsl\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", true},
        {"<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\"><atom:title>", true},
        {"<feed><entry>", false},
        {"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
         "  xmlns=\"http://purl.org/rss/1.0/\">",
         true},
        {"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", false},
        {"<nitf version=\"-//IPTC//DTD NITF 3.2//EN\">", true},
        {"<html><head>", false},
        {"<?xml version=\"1.0\"?>", false},
        {"Title: not XML", false},
        {"", false},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(looks_like_xml_feed_or_news(row.head), row.expected) << row.head;
    }
}

}  // namespace
