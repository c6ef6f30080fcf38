#include "readers/xml_tree.h"

#include <algorithm>
#include <limits>

#include <libxml/parser.h>

#include "readers/field_values.h"

namespace newsdex::xml {

namespace {

// RECOVER keeps the elements read before an error and closes unclosed ones at the end.
// Not NOENT: expanding entities is how "billion laughs" files blow up memory. IGNORE_ENC
// because the bytes were already decoded to UTF-8, whatever the declaration says. NOCDATA
// merges CDATA into text nodes; BIG_LINES keeps line numbers above 65535 exact.
constexpr int kParseOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING |
                              XML_PARSE_NOERROR | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA |
                              XML_PARSE_BIG_LINES;

struct FirstError {
    bool seen = false;
    std::size_t line = 0;
    std::string message;
};

// libxml2 reports every problem here (a handler on the context wins over the global ones, so
// nothing reaches stderr). Only fatal errors break well-formedness; the others (an undeclared
// namespace prefix, an entity a skipped DTD would define) lose nothing worth a warning.
// Later errors are usually consequences of the first, so only the first is kept.
void keep_first_error(void* user_data, xmlErrorPtr error) {
    const auto* context = static_cast<xmlParserCtxt*>(user_data);
    auto* first = static_cast<FirstError*>(context->_private);
    if (first->seen || error == nullptr || error->level != XML_ERR_FATAL) return;
    first->seen = true;
    first->line = error->line > 0 ? static_cast<std::size_t>(error->line) : 0;
    first->message = collapse_spaces(error->message != nullptr ? error->message : "");
}

struct ContextFree {
    void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

struct XmlCharFree {
    void operator()(xmlChar* text) const { xmlFree(text); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

std::string to_string(const XmlString& text) {
    return text ? std::string(reinterpret_cast<const char*>(text.get())) : std::string();
}

std::string_view view(const xmlChar* text) {
    if (text == nullptr) return {};
    return std::string_view(reinterpret_cast<const char*>(text));
}

bool is_text_node(const xmlNode* node) {
    return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

bool is_skipped(const xmlNode* node, const std::vector<const xmlNode*>& skip) {
    return std::find(skip.begin(), skip.end(), node) != skip.end();
}

// An element with no children at all is a break (<br/>) or a placeholder: a space keeps the
// words on either side apart.
void append_text(const xmlNode* node, const std::vector<const xmlNode*>& skip, std::string& out) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (is_text_node(child)) {
            out += view(child->content);
        } else if (child->type == XML_ELEMENT_NODE && !is_skipped(child, skip)) {
            if (child->children == nullptr) {
                out += ' ';
            } else {
                append_text(child, skip, out);
            }
        }
    }
}

void append_paragraphs(const xmlNode* node, const std::vector<const xmlNode*>& skip,
                       std::string& out) {
    if (is_skipped(node, skip)) return;
    if (has_element_child(node) && !has_text_child(node)) {
        for (const xmlNode* child : child_elements(node)) append_paragraphs(child, skip, out);
        return;
    }
    std::string text;
    append_text(node, skip, text);
    text = plain_paragraphs(text);
    if (text.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += text;
}

}  // namespace

Document parse(std::string_view text, std::string_view file, Diagnostics& diag) {
    // Sets up libxml2's globals once, before reader threads race to do it.
    static const bool initialised = (xmlInitParser(), true);
    (void)initialised;

    // libxml2 takes the length as an int.
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        diag.warn({file}, "XML file too large to parse (over 2 GiB), skipped");
        return nullptr;
    }
    const std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
    if (!context) {
        diag.warn({file}, "malformed XML: parser could not be created");
        return nullptr;
    }
    FirstError first;
    context->_private = &first;
    context->sax->serror = keep_first_error;
    Document doc(xmlCtxtReadMemory(context.get(), text.data(), static_cast<int>(text.size()),
                                   nullptr, "UTF-8", kParseOptions));
    if (first.seen) diag.warn({file, first.line}, "malformed XML: " + first.message);
    if (doc && xmlDocGetRootElement(doc.get()) != nullptr) return doc;
    if (!first.seen) diag.warn({file}, "malformed XML: no root element");
    return nullptr;
}

std::string_view local_name(const xmlNode* node) { return view(node->name); }

std::string_view namespace_uri(const xmlNode* node) {
    return node->ns != nullptr ? view(node->ns->href) : std::string_view();
}

bool is_element(const xmlNode* node, const Name& name) {
    return node != nullptr && node->type == XML_ELEMENT_NODE && local_name(node) == name.local &&
           namespace_uri(node) == name.uri;
}

std::vector<const xmlNode*> child_elements(const xmlNode* parent) {
    std::vector<const xmlNode*> children;
    if (parent == nullptr) return children;
    for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
        if (child->type == XML_ELEMENT_NODE) children.push_back(child);
    }
    return children;
}

std::vector<const xmlNode*> children_named(const xmlNode* parent, const Name& name) {
    std::vector<const xmlNode*> children = child_elements(parent);
    std::erase_if(children, [&](const xmlNode* child) { return !is_element(child, name); });
    return children;
}

const xmlNode* first_child(const xmlNode* parent, const Name& name) {
    for (const xmlNode* child : child_elements(parent)) {
        if (is_element(child, name)) return child;
    }
    return nullptr;
}

const xmlNode* descend(const xmlNode* node, std::string_view uri,
                       std::initializer_list<std::string_view> path) {
    for (const auto local : path) {
        if (node == nullptr) break;
        node = first_child(node, {uri, local});
    }
    return node;
}

std::string text_of(const xmlNode* node) {
    std::string text;
    if (node != nullptr) append_text(node, {}, text);
    return text;
}

std::string attribute(const xmlNode* node, const char* name) {
    if (node == nullptr) return {};
    return to_string(XmlString(xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name))));
}

std::string language_of(const xmlNode* node) {
    return node != nullptr ? to_string(XmlString(xmlNodeGetLang(node))) : std::string();
}

std::size_t line_of(const xmlNode* node) {
    const long line = xmlGetLineNo(node);
    return line > 0 ? static_cast<std::size_t>(line) : 0;
}

std::string inner_markup(const xmlNode* node) {
    std::string markup;
    if (node == nullptr) return markup;
    const std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(),
                                                                       &xmlBufferFree);
    if (!buffer) return markup;
    for (xmlNode* child = node->children; child != nullptr; child = child->next) {
        // xmlNodeDump takes non-const pointers but only reads.
        xmlNodeDump(buffer.get(), node->doc, child, 0, 0);
    }
    markup.assign(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                  static_cast<std::size_t>(xmlBufferLength(buffer.get())));
    return markup;
}

bool has_text_child(const xmlNode* node) {
    if (node == nullptr) return false;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (is_text_node(child) && !trim(view(child->content)).empty()) return true;
    }
    return false;
}

bool has_element_child(const xmlNode* node) {
    if (node == nullptr) return false;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type == XML_ELEMENT_NODE) return true;
    }
    return false;
}

std::string paragraphs_of(const xmlNode* node, const std::vector<const xmlNode*>& skip) {
    std::string text;
    if (node != nullptr) append_paragraphs(node, skip, text);
    return text;
}

std::string plain_paragraphs(std::string_view text) {
    std::string out;
    std::string paragraph;
    auto flush = [&] {
        const std::string collapsed = collapse_spaces(paragraph);
        if (!collapsed.empty()) out += (out.empty() ? "" : "\n\n") + collapsed;
        paragraph.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        if (trim(line).empty()) {
            flush();
        } else {
            paragraph += line;
            paragraph += ' ';
        }
        start = end + 1;
    }
    flush();
    return out;
}

}  // namespace newsdex::xml
