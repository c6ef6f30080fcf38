// The shared part of the SGML readers (TREC, Reuters-21578): a tolerant tag scanner, a splitter
// that finds named elements in a token stream (closing what the file left open), and the text
// rules (entities, control characters, paragraphs). News SGML is not XML: bare '&' and '<' in
// text, unclosed elements and unknown entities are normal, so nothing here ever fails.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct SgmlToken {
    enum class Kind {
        text,       // character data, raw: entities not yet decoded
        start_tag,  // <NAME attributes>
        end_tag,    // </NAME>
        other,      // comment, <!DOCTYPE …>, <?…>: never content
    };
    Kind kind;
    std::string_view name;        // tags: as written
    std::string_view attributes;  // start tags: what follows the name, raw
    std::string_view text;        // text: the raw characters
    std::size_t line;             // 1-based line where the token starts

    // A tag of this kind whose name equals `tag_name` ignoring ASCII case.
    bool is(Kind tag_kind, std::string_view tag_name) const;
};

// Tag names are compared ignoring ASCII case: <doc> is <DOC>.
bool sgml_names_equal(std::string_view a, std::string_view b);

// Splits text into tokens. A '<' starts a tag only when a name (or '/' and a name, or '!' or
// '?') follows it and a '>' closes it on the same line; any other '<' is text, so "x < 5" and
// "a <b" survive. A comment without its "-->" is text too.
std::vector<SgmlToken> scan_sgml(std::string_view text);

// The value of attribute `name` (ASCII case ignored) in a start tag's attributes, unquoted:
// NEWID="1", NEWID='1' and NEWID=1 all give "1". Empty when absent.
std::string_view sgml_attribute(std::string_view attributes, std::string_view name);

// An element found by split_elements: its start tag and the tokens between that and its end.
struct SgmlElement {
    std::string_view name;        // as written in the start tag
    std::string_view attributes;  // raw
    std::size_t line;             // of the start tag
    std::span<const SgmlToken> content;
    bool closed = true;           // false when the file never closed it
    std::string_view ended_by;    // unclosed: the start tag that ended it; empty at content end
};

// Which elements split_elements looks for (names in any case). `verbatim` ones hold free text
// in which any tag may appear (TREC's TEXT), so only their own end tag ends them.
struct SgmlElementSet {
    std::vector<std::string_view> names;
    std::vector<std::string_view> verbatim;
};

struct SgmlParts {
    std::vector<SgmlElement> elements;  // in file order
    std::vector<SgmlToken> rest;        // the tokens outside every element, in file order
};

// Finds the elements of `set` in `tokens`, not looking inside them (their content is for the
// caller to split further). An element left open ends at the end of `tokens` or, unless it is
// verbatim, at the start tag of any element of the set, its own name included: these elements
// do not nest, so a second <DOC> means the first was never closed.
SgmlParts split_elements(std::span<const SgmlToken> tokens, const SgmlElementSet& set);

// "unclosed <X> before the next <X>", "unclosed <X> before <Y>", or, when the element ran to the
// end of its parent's content, "unclosed <X> " + `at_content_end` (e.g. "at end of file",
// "before </DOC>").
std::string unclosed_message(const SgmlElement& element, std::string_view at_content_end);

// The warning for `child`, found inside `parent`, when the file left it open ("... before
// </PARENT>" at the parent's end); empty when it was closed, or when it ran to the end of a
// parent that was left open itself (the parent's own warning covers it).
std::string unclosed_child_message(const SgmlElement& child, const SgmlElement& parent);

// Appends `raw` character data decoded: &amp; &lt; &gt; &quot; &apos; and numeric references
// (&#NN; &#xHH;) become their characters, unknown or malformed references stay as written;
// control characters (raw or referenced; Reuters marks text with &#2; &#3;) are dropped except
// tab and line feed; CR LF and lone CR become LF.
void append_sgml_text(std::string& out, std::string_view raw);

// The text of `content` on one level: tags and comments become spaces (so "<P>a</P><P>b</P>"
// keeps two words), entities are decoded. Callers collapse or trim it.
std::string sgml_plain_text(std::span<const SgmlToken> content);

// Builds a body from pieces of content: <P> tags (start or end) are paragraph breaks, other
// tags are dropped. Each paragraph loses its surrounding blank lines and trailing space (its
// own line breaks and indentation stay); paragraphs are joined by one blank line.
class SgmlParagraphs {
public:
    // Adds `content` as further paragraphs: the pieces given to add() never run together.
    void add(std::span<const SgmlToken> content);
    std::string take() { return std::move(text_); }

private:
    void end_paragraph(std::string_view paragraph);
    std::string text_;
};


}  // namespace newsdex
