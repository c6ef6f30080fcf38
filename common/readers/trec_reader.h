// TREC SGML collections (.trec, .sgml, and extensionless files such as "la010189" found by
// looks_like_trec): many <DOC>…</DOC> a file. DOCNO is the id; the title is the first non-empty
// HEADLINE, HEAD, HL, TITLE or TI; the date comes from DATE or DATE1 (DATELINE when it holds a
// date); SOURCE is the source, BYLINE and AUTHOR the authors; the body is every TEXT, with <P>
// as paragraph breaks and other tags dropped. Text outside <DOC> is ignored.
#pragma once

#include <string_view>

#include "readers/reader.h"

namespace newsdex {

class TrecReader : public Reader {
public:
    // Records are the <DOC>s, numbered from 1 in file order. A DOC without DOCNO is still an
    // article (the indexer gives it its path as id); an unclosed DOC keeps what it holds.
    void read(std::string_view text, std::string_view file, const ArticleSink& sink,
              Diagnostics& diag) const override;
    // A run of whole records of a large file (readers/record_stream.h).
    std::size_t read_records(std::string_view text, std::string_view file, Start start,
                             const ArticleSink& sink, Diagnostics& diag) const override;
};

// True when `head` (the first bytes of a file) looks like TREC SGML: its first non-blank content
// is <DOC> and a <DOCNO> follows soon after. For files whose extension names no format.
bool looks_like_trec(std::string_view head);

}  // namespace newsdex
