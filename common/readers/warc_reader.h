// WARC files (ISO 28500, as Common Crawl's news crawl writes them): every "response" record
// whose HTTP response is a 2xx HTML page becomes an article. The records are parsed here
// (version line, headers, Content-Length bytes of block, two line breaks) from a stream, one
// record at a time, so a crawl of gigabytes never sits in memory; .warc.gz (gzip members
// concatenated) reaches it decompressed through ArchiveStream.
#pragma once

#include <string_view>

#include "readers/archive_source.h"
#include "readers/encoding.h"
#include "readers/reader.h"

namespace newsdex {

class WarcReader {
public:
    // `html` turns each page into articles (the registry's reader for .html). `decode` carries
    // a forced encoding; each page's HTTP charset is added as its transport charset.
    WarcReader(const Reader& html, DecodeOptions decode = {}) : html_(html), decode_(std::move(decode)) {}

    // Passes each page's article to `sink` with the record's ordinal among all the file's WARC
    // records (1-based), so paths stay stable whatever else the file holds. The article's url
    // is the page's canonical link when it has one, else WARC-Target-URI; its date the page's
    // own, else WARC-Date.
    //
    // Warnings name `file` and the record: a malformed record (bad header, no Content-Length,
    // a block not followed by two line breaks) is skipped up to the next "WARC/" line; a
    // truncated record ends the file; a body with broken chunked or gzip encoding, or an
    // encoding other than gzip, is skipped. Warnings about the page itself (charset, HTML)
    // name "file#N". Throws StreamError when the stream itself is damaged.
    void read(ByteStream& stream, std::string_view file, const ArticleSink& sink,
              Diagnostics& diag) const;

private:
    const Reader& html_;
    DecodeOptions decode_;
};

}  // namespace newsdex
