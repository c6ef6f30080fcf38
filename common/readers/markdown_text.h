// Markdown to plain text, for .md article bodies: the markup is not the article's words, and
// it would otherwise show up in snippets ("## What happens next", "**Kyiv**", "[link](url)").
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// Removes heading markers, emphasis, inline code ticks, list and quote markers, code fences,
// link and image syntax (keeping the link text and the image's alt text), reference link
// definitions and setext underlines. Paragraph breaks stay; everything else is kept as written.
std::string markdown_to_text(std::string_view markdown);

}  // namespace newsdex
