// Web pages (.html, .htm): one article a page (record 0). Metadata comes from Open Graph and
// article:* meta tags, <title>, <link rel="canonical">, <html lang> and schema.org JSON-LD;
// the body is the text of the page's <article>, or else of the block a text-density measure
// picks, without navigation, scripts, asides, comment sections and cookie banners.
#pragma once

#include "readers/reader.h"

namespace newsdex {

class HtmlReader : public Reader {
public:
    // Warnings name the file and the line of the element they are about. A page with neither
    // a title nor body text (nor a description to stand for it) is a warning, not an article.
    void read(std::string_view text, std::string_view file, const ArticleSink& sink,
              Diagnostics& diag) const override;
};

}  // namespace newsdex
