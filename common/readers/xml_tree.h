// The libxml2 layer shared by the XML readers (feeds, NITF, generic XML): a parse that keeps
// whatever can be recovered and reports the first well-formedness error with its line, and the
// few node queries the formats need. Elements are matched by namespace URI and local name,
// never by prefix: a feed may bind Dublin Core to "dc", "DC" or any other prefix.
// Internal to readers/: only xml_reader.h is part of the readers' interface.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "util/diagnostics.h"

namespace newsdex::xml {

struct DocumentFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Document = std::unique_ptr<xmlDoc, DocumentFree>;

// Parses `text` (valid UTF-8: an encoding declaration is ignored, the file loader has already
// decoded the file). DTDs and the network are never loaded and entities never expanded, so a
// hostile file cannot make the parser fetch or multiply anything. The first well-formedness
// error is one warning "malformed XML: <libxml2's message>" at its line; the tree then holds
// what came before and around it (unclosed elements are closed at the end). Returns null,
// after that warning, when not even a root element could be read.
Document parse(std::string_view text, std::string_view file, Diagnostics& diag);

// An element name: the namespace URI ("" for none) and the local name.
struct Name {
    std::string_view uri;
    std::string_view local;
};

std::string_view local_name(const xmlNode* node);
std::string_view namespace_uri(const xmlNode* node);  // "" for none
bool is_element(const xmlNode* node, const Name& name);

// The element children of `parent`, in document order.
std::vector<const xmlNode*> child_elements(const xmlNode* parent);
std::vector<const xmlNode*> children_named(const xmlNode* parent, const Name& name);
const xmlNode* first_child(const xmlNode* parent, const Name& name);  // null when none

// Follows a path of local names in one namespace: descend(nitf, uri, {"head", "docdata"}).
const xmlNode* descend(const xmlNode* node, std::string_view uri,
                       std::initializer_list<std::string_view> path);

// All the character data below `node` (CDATA included), white space as written. An empty
// element (<br/>) counts as a space; entity references, which are never expanded, as nothing.
// Null gives "".
std::string text_of(const xmlNode* node);

// An attribute without a namespace, "" when absent or when `node` is null.
std::string attribute(const xmlNode* node, const char* name);

// The xml:lang in force at `node` (its own or an ancestor's), "" when none.
std::string language_of(const xmlNode* node);

// The 1-based line where the element starts.
std::size_t line_of(const xmlNode* node);

// The children of `node` written back out as markup, for embedded XHTML that the HTML text
// extractor then reads.
std::string inner_markup(const xmlNode* node);

// True when `node` has a child text node that is not just white space (prose or a value,
// rather than indentation between elements).
bool has_text_child(const xmlNode* node);
bool has_element_child(const xmlNode* node);

// The text of `node` as paragraphs joined by blank lines. An element whose content is only
// elements (a container) gives the paragraphs of each child in turn; any other element (text,
// or text mixed with inline elements) gives its text as plain_paragraphs() does. Elements in
// `skip` (already used as metadata) contribute nothing.
std::string paragraphs_of(const xmlNode* node, const std::vector<const xmlNode*>& skip = {});

// Plain text as XML writers lay it out (indented, wrapped): paragraphs are kept where blank
// lines separate them, and the white space inside each is collapsed to one space.
std::string plain_paragraphs(std::string_view text);

}  // namespace newsdex::xml
