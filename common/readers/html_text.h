// HTML to plain text, shared by every reader that meets HTML (web pages, feed descriptions,
// WARC responses). Uses libxml2's HTML parser, never regular expressions.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// The visible text of an HTML fragment or document (valid UTF-8 in, UTF-8 out): scripts,
// styles, comments and other non-visible content dropped; block elements (p, div, h1-h6, li,
// br, tr, blockquote, ...) become paragraph breaks ("\n\n"; br a single "\n"); runs of white
// space inside a block collapsed to one space; entities decoded; trimmed.
std::string html_to_text(std::string_view html);

}  // namespace newsdex
