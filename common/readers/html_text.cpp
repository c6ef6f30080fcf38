#include "readers/html_text.h"

#include <algorithm>
#include <array>
#include <climits>
#include <mutex>

#include "readers/html_dom.h"

namespace newsdex {

namespace html {

namespace {

// Content that is code, media or controls rather than text. head holds the title and
// metadata, which are not part of the visible text (the reader reads them separately). A form
// is only a container: some sites wrap the whole page in one.
constexpr std::array<std::string_view, 18> kInvisible = {
    "script", "style", "noscript", "template", "head", "svg", "math",
    "iframe", "object", "embed", "canvas", "audio", "video",
    "button", "input", "select", "textarea", "datalist",
};

constexpr std::array<std::string_view, 44> kBlocks = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
    "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "tfoot", "thead", "tr", "ul",
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

const char* chars(const xmlChar* text) { return reinterpret_cast<const char*>(text); }

// Builds text from the walk's events. Breaks and spaces are only written before the next
// visible character, so the text is trimmed and empty paragraphs vanish without a second pass.
class TextWriter {
public:
    void text(std::string_view content, bool keep_newlines) {
        for (std::size_t i = 0; i < content.size(); ++i) {
            const char c = content[i];
            if (c == '\n' && keep_newlines) {
                line_break();
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pending_space_ = true;
            } else if (c == '\xC2' && i + 1 < content.size() && content[i + 1] == '\xA0') {
                // Pages use &nbsp; for layout (empty paragraphs, indents), not as content.
                pending_space_ = true;
                ++i;
            } else if (c == '\xC2' && i + 1 < content.size() && content[i + 1] == '\xAD') {
                ++i;  // a soft hyphen is invisible unless a line wraps there; it would split words
            } else {
                flush_pending();
                out_ += c;
            }
        }
    }

    void space() { pending_space_ = true; }

    // Two line breaks in a row (<br><br>) are how many pages write a paragraph break.
    void line_break() { pending_breaks_ = std::min(pending_breaks_ + 1, 2); }

    void paragraph_break() { pending_breaks_ = 2; }

    std::string finish() { return std::move(out_); }

private:
    void flush_pending() {
        if (!out_.empty()) {
            if (pending_breaks_ > 0) {
                out_.append(static_cast<std::size_t>(pending_breaks_), '\n');
            } else if (pending_space_) {
                out_ += ' ';
            }
        }
        pending_breaks_ = 0;
        pending_space_ = false;
    }

    std::string out_;
    int pending_breaks_ = 0;  // 1 line break, 2 paragraph break
    bool pending_space_ = false;
};

void write_node(const xmlNode* node, const Skip& skip, bool in_pre, TextWriter& writer);

void write_children(const xmlNode* node, const Skip& skip, bool in_pre, TextWriter& writer) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        write_node(child, skip, in_pre, writer);
    }
}

void write_element(const xmlNode* node, const Skip& skip, bool in_pre, TextWriter& writer) {
    if (is_invisible(node) || (skip && skip(node))) return;
    const auto name = name_of(node);
    if (name == "br") {
        writer.line_break();
    } else if (name == "td" || name == "th") {
        // Cells of a row are words of one line; without a space "<td>a</td><td>b</td>"
        // would read "ab".
        writer.space();
        write_children(node, skip, in_pre, writer);
        writer.space();
    } else if (is_block(node)) {
        writer.paragraph_break();
        write_children(node, skip, in_pre || name == "pre", writer);
        writer.paragraph_break();
    } else {
        write_children(node, skip, in_pre, writer);
    }
}

void write_node(const xmlNode* node, const Skip& skip, bool in_pre, TextWriter& writer) {
    switch (node->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            if (node->content != nullptr) writer.text(chars(node->content), in_pre);
            break;
        case XML_ELEMENT_NODE:
            write_element(node, skip, in_pre, writer);
            break;
        case XML_DOCUMENT_NODE:
        case XML_HTML_DOCUMENT_NODE:
            write_children(node, skip, in_pre, writer);
            break;
        default:
            break;  // comments, processing instructions, DTDs
    }
}

void visit_elements(xmlNode* node, const std::function<void(xmlNode*)>& visit) {
    for (xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type == XML_ELEMENT_NODE) {
            visit(child);
            visit_elements(child, visit);
        }
    }
}

}  // namespace

Document parse(std::string_view html) {
    // libxml2 sets up its global tables on first use; doing that once here keeps concurrent
    // first calls from several indexing threads safe.
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    if (html.empty() || html.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
    // The text is already UTF-8 (the file loader converted it), so a <meta charset> naming
    // the file's original encoding must not make libxml2 decode it a second time.
    constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC;
    return Document(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                   kOptions));
}

std::string_view name_of(const xmlNode* node) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
    return chars(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) { return name_of(node) == name; }

std::string attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return {};
    std::string out = chars(value);
    xmlFree(value);
    return out;
}

bool has_attribute(const xmlNode* node, const char* name) {
    return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

bool is_invisible(const xmlNode* node) {
    if (contains(kInvisible, name_of(node))) return true;
    if (has_attribute(node, "hidden")) return true;
    // aria-hidden marks decoration (icons, duplicated labels), never the text itself.
    return attribute(node, "aria-hidden") == "true";
}

bool is_block(const xmlNode* node) { return contains(kBlocks, name_of(node)); }

std::string text_of(const xmlNode* node, const Skip& skip) {
    TextWriter writer;
    if (node != nullptr) write_node(node, skip, false, writer);
    return writer.finish();
}

void for_each_element(xmlNode* node, const std::function<void(xmlNode*)>& visit) {
    if (node == nullptr) return;
    if (node->type == XML_ELEMENT_NODE) visit(node);
    visit_elements(node, visit);
}

}  // namespace html

std::string html_to_text(std::string_view html) {
    const auto doc = html::parse(html);
    if (!doc) return {};
    return html::text_of(reinterpret_cast<const xmlNode*>(doc.get()));
}

}  // namespace newsdex
