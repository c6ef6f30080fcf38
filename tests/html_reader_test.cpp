// HTML as tables of behaviour: fragments → the exact text html_to_text gives, and web pages
// (fixtures in data/html/) → the exact article and warnings the HTML reader gives.
#include <gtest/gtest.h>

#include <string>

#include "readers/html_text.h"

namespace {

using namespace newsdex;

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
        {"empty", "", ""},
        {"markup only", "<div><span> </span></div>", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(html_to_text(row.html), row.text) << row.name;
}

}  // namespace
