// Any other XML document: one article. Elements whose names are field names (field_values.h:
// title, date, author, ...) give the metadata; the body is the element named for it, or else
// all the text that is not metadata.
#include <optional>

#include "readers/field_values.h"
#include "readers/html_text.h"
#include "readers/xml_formats.h"

namespace newsdex::xml {

namespace {

// NITF's headline element, used in news XML beyond NITF itself.
constexpr std::string_view kHeadlineElement = "hl1";

std::optional<FieldName> field_of(const xmlNode* node) {
    const auto local = local_name(node);
    return field_for_name(local == kHeadlineElement ? std::string_view("headline") : local);
}

// An element holding field elements (<article><title>...) is a record, even when its own name
// is a body name such as "article" or "content".
bool is_record(const xmlNode* node) {
    for (const xmlNode* child : child_elements(node)) {
        if (field_of(child)) return true;
    }
    return false;
}

// Escaped or CDATA markup reaches us as text: a '<' before a letter, '/' or '!', and a '>'
// after it. "x < 3" is not markup.
bool looks_like_html(std::string_view text) {
    constexpr auto npos = std::string_view::npos;
    // One scan: a tag start counts when some '>' follows it anywhere (searching for '>' from
    // every '<' would be quadratic on text full of '<').
    const auto last_close = text.rfind('>');
    if (last_close == npos) return false;
    for (auto open = text.find('<'); open != npos && open < last_close; open = text.find('<', open + 1)) {
        const char next = text[open + 1];
        if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' || next == '!') {
            return true;
        }
    }
    return false;
}

struct Collected {
    Article article;
    std::vector<const xmlNode*> used;  // metadata elements, left out of the body
    const xmlNode* body = nullptr;
    int body_rank = 0;
};

void apply_metadata(Field field, const xmlNode* node, Collected& found, const Output& out) {
    const std::string text = text_of(node);
    if (field == Field::date) {
        set_date_at(found.article, text, node, 0, out);
    } else if (field == Field::id) {
        set_id(found.article, text);
    } else if (is_list_field(field)) {
        add_items(found.article, field, split_list(text));
    } else {
        set_single(found.article, field, text);
    }
}

// Walks the record-like part of the tree: elements whose parent holds no prose of its own,
// so that a <date> inside a sentence stays text. The first value of a field wins.
void collect(const xmlNode* parent, Collected& found, const Output& out) {
    if (has_text_child(parent)) return;
    for (const xmlNode* child : child_elements(parent)) {
        const auto name = field_of(child);
        if (name && is_text_field(name->field) && !is_record(child)) {
            // The body beats the description whatever their order (lower rank wins).
            if (found.body == nullptr || name->rank < found.body_rank) {
                found.body = child;
                found.body_rank = name->rank;
            }
            found.used.push_back(child);
        } else if (name && !is_text_field(name->field) && !has_element_child(child)) {
            apply_metadata(name->field, child, found, out);
            found.used.push_back(child);
        } else {
            collect(child, found, out);
        }
    }
}

std::string body_text(const xmlNode* body) {
    if (!has_element_child(body)) {
        const std::string text = text_of(body);
        if (looks_like_html(text)) return html_to_text(text);
    }
    return paragraphs_of(body);
}

}  // namespace

void read_generic(const xmlNode* root, const Output& out) {
    Collected found;
    collect(root, found, out);
    Article& article = found.article;
    set_single(article, Field::body,
               found.body != nullptr ? body_text(found.body) : paragraphs_of(root, found.used));
    for (const char* name : {"id", "docid", "guid"}) set_id(article, attribute(root, name));
    set_single(article, Field::language, language_of(root));
    emit(std::move(article), {out.file}, "document", out);
}

}  // namespace newsdex::xml
