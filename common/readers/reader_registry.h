// Which reader reads a file: one table of rows {extensions, sniff, how large files are read},
// consulted by the indexer and the tests alike. A name's extension (case-insensitive) decides;
// a name that says nothing (no or an unknown extension) is read when its first bytes are
// recognised. Hidden files get no reader: the indexer skips them silently and counts them.
#pragma once

#include <filesystem>
#include <string_view>

#include "readers/reader.h"

namespace newsdex {

// How a file too large to hold whole is read.
enum class RecordSplit {
    none,         // it is one text (a page, an article, an XML document): read up to a cap
    json,         // a JSON array of records, or an object wrapping one
    json_lines,   // one record a line
    trec_docs,    // <DOC>…</DOC> after one another
    reuters,      // <REUTERS>…</REUTERS> after one another
    xml_feed,     // RSS or Atom: runs of <item>s or <entry>s after the feed's head
};

struct ReaderChoice {
    const Reader* reader = nullptr;  // null: not a format Newsdex reads
    RecordSplit split = RecordSplit::none;

    explicit operator bool() const { return reader != nullptr; }
};

// The reader for a file called `name` whose first bytes are `head` (enough to sniff: a few
// KiB; may be empty when the name alone is to decide).
ReaderChoice choose_reader(const std::filesystem::path& name, std::string_view head);

// The reader `name`'s extension chooses (nullptr when none does).
const Reader* reader_for(const std::filesystem::path& name);

}  // namespace newsdex
