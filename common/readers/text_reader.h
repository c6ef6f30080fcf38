// Plain-text and Markdown articles (.txt, .md): one article a file. Metadata comes from an
// optional header block of "Key: value" lines (Title, Date, Source, Author, URL, ID, Language,
// Topics, Places, Organisations) ended by a blank line, or from front matter between "---"
// lines. Without a title in the metadata, a short first line followed by a blank line is the
// title; otherwise the reader leaves the title empty and the indexer uses the file name.
#pragma once

#include "readers/reader.h"

namespace newsdex {

class TextReader : public Reader {
public:
    // With `markdown`, the body's Markdown markup is removed (see markdown_text.h).
    explicit TextReader(bool markdown = false) : markdown_(markdown) {}

    void read(std::string_view text, std::string_view file, const ArticleSink& sink,
              Diagnostics& diag) const override;

private:
    bool markdown_;
};

}  // namespace newsdex
