// NITF (IPTC's News Industry Text Format): one article per document. Elements are matched in
// the root's namespace: none for NITF up to 3.2, the IPTC URI for later versions.
#include "readers/field_values.h"
#include "readers/xml_formats.h"

namespace newsdex::xml {

namespace {

// The parts of the document the fields come from; any of them may be missing.
struct NitfParts {
    std::string_view uri;
    const xmlNode* head;
    const xmlNode* docdata;
    const xmlNode* pubdata;
    const xmlNode* body_head;
    const xmlNode* body_content;
};

NitfParts nitf_parts(const xmlNode* root) {
    const auto uri = namespace_uri(root);
    const xmlNode* head = first_child(root, {uri, "head"});
    const xmlNode* body = first_child(root, {uri, "body"});
    return {uri,
            head,
            first_child(head, {uri, "docdata"}),
            first_child(head, {uri, "pubdata"}),
            first_child(body, {uri, "body.head"}),
            first_child(body, {uri, "body.content"})};
}

// "By Ann Lee," is how the byline is typeset; the name is "Ann Lee".
std::string without_by(std::string_view text) {
    text = trim(text);
    const bool starts_with_by = text.size() > 3 && (text[0] == 'B' || text[0] == 'b') &&
                                (text[1] == 'y' || text[1] == 'Y') && text[2] == ' ';
    if (starts_with_by) text = trim(text.substr(3));
    while (!text.empty() && (text.back() == ',' || text.back() == ';')) text.remove_suffix(1);
    return std::string(trim(text));
}

// A byline names its people in <person> when the provider marks them up; otherwise it is text,
// perhaps with the writer's job title in <byttl>, which is not a name.
std::vector<std::string> byline_authors(const xmlNode* byline, std::string_view uri) {
    std::vector<std::string> names;
    for (const xmlNode* person : children_named(byline, {uri, "person"})) {
        names.push_back(text_of(person));
    }
    if (names.empty()) {
        names.push_back(without_by(paragraphs_of(byline, children_named(byline, {uri, "byttl"}))));
    }
    return names;
}

void add_dates(Article& article, const NitfParts& parts, const Output& out) {
    const struct {
        const xmlNode* node;
        const char* attribute;
    } candidates[] = {
        {parts.pubdata, "date.publication"},
        {first_child(parts.docdata, {parts.uri, "date.issue"}), "norm"},
        {first_child(parts.docdata, {parts.uri, "date.release"}), "norm"},
    };
    for (const auto& candidate : candidates) {
        if (candidate.node == nullptr) continue;
        const std::string text = attribute(candidate.node, candidate.attribute);
        set_date_at(article, text, candidate.node, 0, out);
    }
}

// Keywords (key-list) and the places and organisations the provider identified.
void add_classification(Article& article, const NitfParts& parts) {
    const auto uri = parts.uri;
    for (const xmlNode* list : children_named(parts.docdata, {uri, "key-list"})) {
        for (const xmlNode* keyword : children_named(list, {uri, "keyword"})) {
            add_items(article, Field::topics, {attribute(keyword, "key")});
        }
    }
    for (const xmlNode* content : children_named(parts.docdata, {uri, "identified-content"})) {
        for (const xmlNode* location : children_named(content, {uri, "location"})) {
            add_items(article, Field::places, {text_of(location)});
        }
        for (const xmlNode* org : children_named(content, {uri, "org"})) {
            add_items(article, Field::organisations, {text_of(org)});
        }
    }
}

}  // namespace

void read_nitf(const xmlNode* root, const Output& out) {
    const NitfParts parts = nitf_parts(root);
    const auto uri = parts.uri;
    Article article;
    set_id(article, attribute(first_child(parts.docdata, {uri, "doc-id"}), "id-string"));
    set_single(article, Field::title, text_of(descend(parts.body_head, uri, {"hedline", "hl1"})));
    set_single(article, Field::title, text_of(first_child(parts.head, {uri, "title"})));
    set_single(article, Field::body, paragraphs_of(parts.body_content));
    const xmlNode* abstract = first_child(parts.body_head, {uri, "abstract"});
    set_single(article, Field::body, paragraphs_of(abstract));
    add_dates(article, parts, out);
    for (const xmlNode* byline : children_named(parts.body_head, {uri, "byline"})) {
        add_items(article, Field::authors, byline_authors(byline, uri));
    }
    set_single(article, Field::source, attribute(parts.pubdata, "name"));
    set_single(article, Field::source,
               attribute(first_child(parts.docdata, {uri, "doc.copyright"}), "holder"));
    add_classification(article, parts);
    set_single(article, Field::language,
               language_of(parts.body_content != nullptr ? parts.body_content : root));
    emit(std::move(article), {out.file}, "document", out);
}

}  // namespace newsdex::xml
