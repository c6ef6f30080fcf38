// XML news files (.xml, .rss, .atom, .nitf): RSS 2.0/0.9x and RSS 1.0 (RDF) feeds and Atom
// feeds give one article per item or entry (records 1..n), NITF documents and any other XML
// one article (record 0). The format is chosen by the root element, not by the extension.
// Broken XML is read as far as it can be recovered, with one "malformed XML" warning naming
// the line of the first error.
#pragma once

#include <string_view>

#include "readers/reader.h"

namespace newsdex {

class XmlReader : public Reader {
public:
    void read(std::string_view text, std::string_view file, const ArticleSink& sink,
              Diagnostics& diag) const override;
    // A run of a large RSS or Atom feed (readers/record_stream.h, XmlFeedSplitter): the feed's
    // head, whole items, and end tags. `start.line` is the line of the file where the run's
    // items begin, `start.record` the number of its first item; warnings about the head are
    // given only for the first run. Returns how many items the run held.
    std::size_t read_records(std::string_view text, std::string_view file, Start start,
                             const ArticleSink& sink, Diagnostics& diag) const override;
};

// True when `head` starts an RSS, RDF/RSS 1.0 or Atom feed: a file of items that can be read
// a run of items at a time.
bool looks_like_feed(std::string_view head);

// True when `head` (the first few kilobytes of a file) starts an RSS, RDF/RSS 1.0, Atom or
// NITF document: for files whose extension says nothing (.txt, none, .php). Only looks at
// the first element's name and the namespaces declared before it ends; never parses.
bool looks_like_xml_feed_or_news(std::string_view head);

}  // namespace newsdex
