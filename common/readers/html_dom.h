// libxml2 HTML DOM helpers shared by html_to_text and the HTML reader (internal to
// newsdex_common: libxml2 is a private dependency, so no public header includes this one).
// The parser lower-cases element and attribute names, so names here are compared as given.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace newsdex::html {

struct FreeDocument {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Document = std::unique_ptr<xmlDoc, FreeDocument>;

// Parses UTF-8 HTML leniently (unclosed tags, stray markup): never fails on bad markup; null
// only when libxml2 builds no document at all (empty input).
Document parse(std::string_view html);

// The element's name, empty for other nodes.
std::string_view name_of(const xmlNode* node);

bool is_element(const xmlNode* node, std::string_view name);

// The attribute's value, empty when absent.
std::string attribute(const xmlNode* node, const char* name);

bool has_attribute(const xmlNode* node, const char* name);

// Elements whose content a reader never sees as text: scripts, styles, embedded media and
// form controls, and elements marked hidden (hidden, aria-hidden="true").
bool is_invisible(const xmlNode* node);

// Elements that start and end a paragraph of text.
bool is_block(const xmlNode* node);

// Elements the reader skips inside content (besides invisible ones); may be empty.
using Skip = std::function<bool(const xmlNode*)>;

// The visible text under `node`, laid out as html_to_text promises.
std::string text_of(const xmlNode* node, const Skip& skip = {});

// Calls `visit` for every element under `node` (itself included) in document order.
void for_each_element(xmlNode* node, const std::function<void(xmlNode*)>& visit);

}  // namespace newsdex::html
