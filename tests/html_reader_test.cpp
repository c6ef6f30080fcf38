// HTML as tables of behaviour: fragments → the exact text html_to_text gives, and web pages
// (fixtures in data/html/) → the exact article and warnings the HTML reader gives.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "reader_harness.h"
#include "readers/file_loader.h"
#include "readers/html_reader.h"
#include "readers/html_text.h"
#include "readers/reader_registry.h"


namespace {

using namespace newsdex;
using namespace newsdex::testing;  // run, run_fixture, describe

const std::filesystem::path kData = std::filesystem::path(NEWSDEX_TEST_DATA) / "html";


const HtmlReader kHtml;

// Loads a fixture as the indexer would, checking that the registry gives it to the HTML reader.
Output html_fixture(const std::string& name) {
    if (dynamic_cast<const HtmlReader*>(reader_for(kData / name)) == nullptr) {
        ADD_FAILURE() << "no HTML reader for " << name;
    }
    return run_fixture(kData, name);
}

TEST(HtmlToText, Fragments) {
    const struct {
        const char* name;
        const char* html;
        const char* text;
    } rows[] = {
        {"paragraphs and an entity", "<p>a &amp; b</p><p>c</p>", "a & b\n\nc"},
        {"br is a line break", "x<br>y", "x\ny"},
        {"two br are a paragraph break", "x<br><br>y", "x\n\ny"},
        {"br at the edges vanishes", "<br>x<br>", "x"},
        {"nested inline tags join words", "<p>un<b>break<i>able</i></b> <em>word</em></p>",
         "unbreakable word"},
        {"links are text", "<p>See <a href='/x'>the report</a>.</p>", "See the report."},
        {"script dropped", "<p>before</p><script>var x = '<p>no</p>';</script><p>after</p>",
         "before\n\nafter"},
        {"style and noscript dropped",
         "<style>p { color: red }</style><p>shown</p><noscript>enable JS</noscript>", "shown"},
        {"comments dropped", "<p>a<!-- hidden note -->b</p>", "ab"},
        {"form controls dropped, labels kept",
         "<form><label>Name</label> <input value=\"x\"><button>Send</button></form>", "Name"},
        {"hidden elements dropped",
         "<p>seen</p><p hidden>not seen</p><span aria-hidden=\"true\">icon</span>", "seen"},
        {"white space collapsed", "  <p>  many \n\t spaces   here </p>\n\n  ", "many spaces here"},
        {"nbsp is a space and empty paragraphs vanish", "<p>a&nbsp;&nbsp;b</p><p>&nbsp;</p><p>c</p>",
         "a b\n\nc"},
        {"soft hyphen removed", "<p>news&shy;paper</p>", "newspaper"},
        {"headings and divs are paragraphs", "<h2>Head</h2>text<div>block</div>tail",
         "Head\n\ntext\n\nblock\n\ntail"},
        {"list items are paragraphs", "<ul><li>one</li><li>two <b>2</b></li></ul>", "one\n\ntwo 2"},
        {"table rows are paragraphs, cells words",
         "<table><tr><td>a</td><td>1</td></tr><tr><th>b</th><td>2</td></tr></table>",
         "a 1\n\nb 2"},
        {"blockquote", "<p>He said:</p><blockquote>No.</blockquote>", "He said:\n\nNo."},
        {"pre keeps its lines", "<pre>line 1\nline 2</pre>", "line 1\nline 2"},
        {"non-ASCII text", "<p>Zürich – 東京 &eacute;t&eacute; &#8364;5</p>", "Zürich – 東京 été €5"},
        {"a meta charset does not re-decode the UTF-8",
         "<html><head><meta charset=\"iso-8859-1\"></head><body><p>été</p></body></html>", "été"},
        {"unclosed tags", "<p>one<p>two <b>bold<div>three", "one\n\ntwo bold\n\nthree"},
        {"full document: head is not text",
         "<html><head><title>T</title></head><body><p>body</p></body></html>", "body"},
        {"plain text", "just text", "just text"},
        {"bare & and < in plain text stay", "AT&T rose 3% & a < b", "AT&T rose 3% & a < b"},
        {"empty", "", ""},
        {"markup only", "<div><span> </span></div>", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(html_to_text(row.html), row.text) << row.name;
}

TEST(HtmlReader, Fixtures) {
    const struct {
        const char* file;
        std::vector<std::string> articles;
        const char* warnings = "";
    } rows[] = {
        {"article_page.html",
         {"#0 title=[Harbour ferry returns after repairs] "
          "body=[Harbour ferry returns after repairs\n\n"
          "By Mira Olsen and Tomas Berg · 14 March 2025\n\n"
          "The Saltbird, the town’s oldest ferry, crossed the harbour again on Friday morning "
          "after eleven weeks in dry dock.\n\n"
          "The Saltbird at the north quay.\n\n"
          "Engineers replaced both propeller shafts and repainted the hull. The operator said the "
          "timetable would be back to normal by Monday.\n\n"
          "Fares unchanged\n\n"
          "Tickets keep their winter price of 3 euros until the end of April.] "
          "date=[2025-03-14T07:30:00Z] source=[The Lakeside Courier] authors=[Mira Olsen|Tomas Berg] "
          "url=[https://courier.example/news/ferry-returns] language=[en] "
          "topics=[Transport|Harbour|ferry|repairs]"}},
        {"nested_divs.html",
         {"#0 title=[Stadtrat beschließt neuen Radweg] "
          "body=[Nach langer Debatte hat der Stadtrat am Montagabend den Bau eines Radwegs entlang "
          "der Uferstraße beschlossen.\n\n"
          "Die Strecke soll 2,4 Kilometer lang werden und die Altstadt mit dem Bahnhof verbinden. "
          "Die Kosten schätzt die Verwaltung auf 1,8 Millionen Euro.\n\n"
          "Die Opposition stimmte dagegen. Sie hält die Planung für zu teuer und verlangt zuerst "
          "eine Sanierung der Brücke.\n\n"
          "Baubeginn ist nach Angaben der Stadt im Herbst; fertig sein soll der Radweg im Sommer "
          "2027.] date=[2025-02-03] language=[de]"}},
        {"jsonld_graph.html",
         {"#0 title=[Orchard harvest starts early after warm summer] "
          "body=[Apple growers in the upper valley began picking two weeks earlier than usual this "
          "year.\n\n"
          "Warm nights in August ripened the fruit quickly, one grower said, and the crop is large.] "
          "date=[2024-09-02T10:15:00Z] source=[Valley Post] authors=[Jonas Rieder|Lea Frank] "
          "url=[https://valleypost.example/orchard/] language=[en-US] topics=[apples|agriculture]"}},
        {"unclosed.html",
         {"#0 title=[Storm closes mountain pass] "
          "body=[Storm closes mountain pass\n\n"
          "Heavy snow closed the pass road on Tuesday for the second time this winter.\n\n"
          "Drivers were told to use the valley route & expect delays of up to an hour\n\n"
          "North gate closed\n\n"
          "South gate open\n\n"
          "Last update at noon: the road service hopes to reopen the pass on Thursday.]"}},
        {"breaks_and_lists.html",
         {"#0 title=[Marché du samedi : les prix] "
          "body=[Prix relevés ce matin :\npommes 2,10 €\npoires 2,60 €\n\n"
          "Producteurs présents : 14\n\n"
          "Visiteurs : environ 900\n\n"
          "Première halle\n\n"
          "Seconde halle\n\n"
          "Le marché rouvre\n\nsamedi prochain.] language=[fr]"},
         "warning: breaks_and_lists.html:5: date '5 janvier 2025' not understood\n"},
        {"empty.html", {}, "warning: empty.html: page has no text\n"},
    };
    for (const auto& row : rows) {
        const auto output = html_fixture(row.file);
        EXPECT_EQ(output.articles, row.articles) << row.file;
        EXPECT_EQ(output.warnings, row.warnings) << row.file;
    }
}

struct Row {
    const char* name;
    const char* html;
    std::vector<std::string> articles;
    const char* warnings = "";
};

void check_rows(const std::vector<Row>& rows) {
    for (const auto& row : rows) {
        const auto output = run(kHtml, row.html, "a.html");
        EXPECT_EQ(output.articles, row.articles) << row.name;
        EXPECT_EQ(output.warnings, row.warnings) << row.name;
    }
}

// Sentences long enough for the density measure to tell content from furniture.
#define STORY_A "The council approved the new budget after a debate that lasted until late evening."
#define STORY_B "Opposition members said the plan relied on optimistic forecasts for tax income."
#define STORY_LONG STORY_A " " STORY_B " " STORY_A " " STORY_B

TEST(HtmlReader, ChoosesTheContent) {
    check_rows({
        {"the article with the most text, not the teaser cards",
         "<article><p>Teaser one.</p></article><article><p>" STORY_A "</p></article>"
         "<article><p>Teaser two.</p></article>",
         {"#0 body=[" STORY_A "]"}},
        {"comment sections inside the article are dropped",
         "<article><p>Story.</p><section id=\"comments\"><p>Nice story!</p></section></article>",
         {"#0 body=[Story.]"}},
        {"link lists inside the article are dropped",
         "<article><p>Story.</p><ul><li><a href=\"/1\">Other story</a></li>"
         "<li><a href=\"/2\">More</a></li></ul><p>End.</p></article>",
         {"#0 body=[Story.\n\nEnd.]"}},
        {"the page's own header and footer are not body text",
         "<body><header><p>News you can use</p></header><p>Story text.</p>"
         "<footer><p>Copyright</p></footer></body>",
         {"#0 body=[Story text.]"}},
        {"a story split into blocks is joined with its subheading",
         "<div id=\"page\"><div class=\"text\"><p>" STORY_A "</p></div><div class=\"ad\">Advert</div>"
         "<h2>Forecasts</h2><div class=\"text\"><p>" STORY_B "</p></div>"
         "<div class=\"links\"><a href=\"/1\">Weather</a> <a href=\"/2\">Sport</a></div>"
         "<p>© Daily</p></div>",
         {"#0 body=[" STORY_A "\n\nForecasts\n\n" STORY_B "]"}},
        {"link-heavy blocks lose to plain text",
         "<div class=\"list\"><p><a href=\"/1\">" STORY_A "</a></p></div>"
         "<div class=\"story\"><p>" STORY_B "</p></div>",
         {"#0 body=[" STORY_B "]"}},
        {"a form wrapping the whole page is layout",
         "<body><form action=\"/page\"><div><p>" STORY_A "</p></div><input name=\"q\"></form></body>",
         {"#0 body=[" STORY_A "]"}},
        {"a search form is dropped",
         "<body><form><label>Search the site</label><input name=\"q\"></form><p>Story.</p></body>",
         {"#0 body=[Story.]"}},
        {"a dialog with little text is dropped",
         "<div role=\"dialog\"><p>Subscribe to our newsletter!</p></div><p>Story.</p>",
         {"#0 body=[Story.]"}},
        {"a consent-named block with many links is dropped",
         "<div class=\"consent\"><p>" STORY_LONG " " STORY_LONG "</p><a href=\"/1\">" STORY_LONG
         " " STORY_LONG "</a></div><p>Story.</p>",
         {"#0 body=[Story.]"}},
        {"a consent-named block with article structure stays",
         "<div class=\"gdpr-news\"><p>" STORY_LONG "</p><p>" STORY_LONG "</p><p>" STORY_LONG
         "</p></div>",
         {"#0 body=[" STORY_LONG "\n\n" STORY_LONG "\n\n" STORY_LONG "]"}},
    });
}

TEST(HtmlReader, Metadata) {
    check_rows({
        {"title from the first h1 when the page has no title",
         "<body><h1>Big  news</h1><p>Text.</p></body>", {"#0 title=[Big news] body=[Big news\n\nText.]"}},
        {"a page with only a title is an article", "<title>Only a title</title>",
         {"#0 title=[Only a title]"}},
        {"the description stands in for a missing body",
         "<head><title>T</title><meta name=\"description\" content=\"Short summary.\"></head>"
         "<body><nav><a href=\"/\">Home</a></nav></body>",
         {"#0 title=[T] body=[Short summary.]"}},
        {"a time inside the content beats the first time of the page",
         "<header><time datetime=\"2025-01-05\">Today</time></header>"
         "<article><p>Story, <time datetime=\"2025-01-02T10:00:00Z\">Thursday</time>.</p></article>",
         {"#0 body=[Story, Thursday.] date=[2025-01-02T10:00:00Z]"}},
        {"an unreadable date gives way to the next source without a warning",
         "<meta property=\"article:published_time\" content=\"yesterday\">"
         "<meta name=\"date\" content=\"2025-01-04\"><p>Text.</p>",
         {"#0 body=[Text.] date=[2025-01-04]"}},
        {"a date with only the year is kept, with a warning",
         "<meta name=\"pubdate\" content=\"2025\"><p>Text.</p>", {"#0 body=[Text.] date=[2025]"},
         "warning: a.html:1: date '2025' gives only the year\n"},
        {"an unreadable JSON-LD date is reported on its script's line",
         "<p>Text.</p>\n<script type=\"application/ld+json\">"
         "{\"@type\": \"NewsArticle\", \"datePublished\": \"soon\"}</script>",
         {"#0 body=[Text.]"}, "warning: a.html:2: date 'soon' not understood\n"},
        {"JSON-LD object with an author object and a publisher",
         "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": "
         "\"2025-01-04\", \"author\": {\"@type\": \"Person\", \"name\": \"Bo Chan\"}, "
         "\"publisher\": {\"name\": \"Daily\"}}</script><p>Text.</p>",
         {"#0 body=[Text.] date=[2025-01-04] source=[Daily] authors=[Bo Chan]"}},
        {"JSON-LD array with the author as a string",
         "<script type=\"application/ld+json\">[{\"@type\": \"WebSite\", \"name\": \"x\"}, "
         "{\"@type\": \"Article\", \"author\": \"Cy Dee\", \"datePublished\": "
         "\"2025-01-04T10:00:00Z\"}]</script><p>Text.</p>",
         {"#0 body=[Text.] date=[2025-01-04T10:00:00Z] authors=[Cy Dee]"}},
        {"meta tags beat JSON-LD",
         "<meta name=\"author\" content=\"Ann Lee\"><meta property=\"og:site_name\" content=\"Site\">"
         "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": \"Other\", "
         "\"publisher\": \"Other Site\"}</script><p>Text.</p>",
         {"#0 body=[Text.] source=[Site] authors=[Ann Lee]"}},
        {"article:author profile links are not names",
         "<meta property=\"article:author\" content=\"https://social.example/ann\">"
         "<meta property=\"article:author\" content=\"Ann Lee\"><p>Text.</p>",
         {"#0 body=[Text.] authors=[Ann Lee]"}},
        {"og:url when there is no canonical link; keywords split on commas",
         "<meta property=\"og:url\" content=\"https://x.example/a\">"
         "<meta name=\"keywords\" content=\"rain, floods,rain\"><p>Text.</p>",
         {"#0 body=[Text.] url=[https://x.example/a] topics=[rain|floods]"}},
    });
}

TEST(HtmlReader, PagesWithoutText) {
    check_rows({
        {"empty input", "", {}, "warning: a.html: page has no text\n"},
        {"markup only", "<html><body><div></div></body></html>", {},
         "warning: a.html: page has no text\n"},
        {"only scripts and navigation",
         "<script>document.write('hi')</script><nav><a href=\"/\">Home</a></nav>", {},
         "warning: a.html: page has no text\n"},
        {"metadata without text is no article",
         "<meta property=\"article:published_time\" content=\"2025-01-04\">", {},
         "warning: a.html: page has no text\n"},
    });
}

}  // namespace

TEST(HtmlReader, TitleLosesTheSiteNameAndAdSlotsAreNotText) {
    const struct {
        const char* html;
        const char* expected;
    } rows[] = {
        {"<html><head><title>Plant opens – Copperline Times</title>"
         "<meta property=\"og:site_name\" content=\"Copperline Times\"></head>"
         "<body><p>The plant opened on Monday.</p></body></html>",
         "#0 title=[Plant opens] body=[The plant opened on Monday.] source=[Copperline Times]"},
        {"<html><head><title>Plant opens | Other Paper</title>"
         "<meta property=\"og:site_name\" content=\"Copperline Times\"></head>"
         "<body><p>The plant opened on Monday.</p></body></html>",
         "#0 title=[Plant opens | Other Paper] body=[The plant opened on Monday.] source=[Copperline Times]"},
        {"<html><head><title>Plant opens</title></head><body><div class=\"story\">"
         "<p>The plant opened on Monday after two years of building work.</p>"
         "<div class=\"ad-slot\">Advertisement</div>"
         "<p>It will employ 300 people.</p></div></body></html>",
         "#0 title=[Plant opens] body=[The plant opened on Monday after two years of building work.\n\n"
         "It will employ 300 people.]"},
    };
    for (const auto& row : rows) {
        const Output out = run(kHtml, row.html, "page.html");
        ASSERT_EQ(out.articles.size(), 1u) << row.html;
        EXPECT_EQ(out.articles.front(), row.expected);
    }
}
