// The XML formats XmlReader dispatches to by root element, one module each (feed_reader.cpp,
// nitf_reader.cpp, generic_xml_reader.cpp), and the few rules they share.
// Internal to readers/.
#pragma once

#include <string_view>

#include "readers/reader.h"
#include "readers/xml_tree.h"

namespace newsdex::xml {

inline constexpr std::string_view kAtomUri = "http://www.w3.org/2005/Atom";
inline constexpr std::string_view kRdfUri = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRss1Uri = "http://purl.org/rss/1.0/";
inline constexpr std::string_view kRss090Uri = "http://my.netscape.com/rdf/simple/0.9/";

// Where one file's articles and warnings go.
struct Output {
    std::string_view file;
    const ArticleSink& sink;
    Diagnostics& diag;
};

// RSS 2.0 / 0.9x (<rss>) and RSS 1.0 / 0.90 (<rdf:RDF>): items are records 1..n.
void read_rss(const xmlNode* root, const Output& out);
// Atom 1.0 (<feed>): entries are records 1..n.
void read_atom(const xmlNode* root, const Output& out);
// NITF (<nitf>): one article, record 0.
void read_nitf(const xmlNode* root, const Output& out);
// Any other XML: one article, record 0, its text and whatever fields its element names give.
void read_generic(const xmlNode* root, const Output& out);

// Passes the article on as record `where.record`, or warns "<what> has no text or metadata"
// at `where` and drops it when it has no title, no text and no link. Feeds give every item
// the channel's name and language, so Article::empty() alone would keep hollow items.
void emit(Article&& article, const Where& where, std::string_view what, const Output& out);

// Sets the date from `text` (an element's text or an attribute of `node`), warning at the
// node's line. An article that already has a date keeps it, so callers try their candidates
// in order of preference and an unreadable first one falls through to the next.
void set_date_at(Article& article, std::string_view text, const xmlNode* node,
                 std::size_t record, const Output& out);

// Sets the id from element or attribute text: surrounding white space is layout in XML.
void set_id(Article& article, std::string_view text);

}  // namespace newsdex::xml
