// RSS (2.0, 0.9x, 1.0/RDF, 0.90) and Atom 1.0: one article per item or entry.
#include "readers/field_values.h"
#include "readers/html_text.h"
#include "readers/xml_formats.h"

namespace newsdex::xml {

namespace {

constexpr std::string_view kContentUri = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcUri = "http://purl.org/dc/elements/1.1/";

// ---- RSS ----

// RSS 2.0 elements have no namespace; RSS 1.0 and 0.90 have one each. An item's own fields
// are in the item's namespace, so matching against it serves all versions.
bool is_rss_namespace(std::string_view uri) {
    return uri.empty() || uri == kRss1Uri || uri == kRss090Uri;
}

// What the channel gives every item.
struct Channel {
    std::string title;  // the feed's name: the items' source
    std::string language;
};

Channel read_channel(const xmlNode* channel) {
    if (channel == nullptr) return {};
    const auto uri = namespace_uri(channel);
    const xmlNode* language = first_child(channel, {uri, "language"});
    if (language == nullptr) language = first_child(channel, {kDcUri, "language"});
    return {collapse_spaces(text_of(first_child(channel, {uri, "title"}))),
            collapse_spaces(text_of(language))};
}

struct RssParts {
    const xmlNode* channel = nullptr;
    std::vector<const xmlNode*> items;  // document order
};

// Items in document order, wherever they are among RSS elements: RSS 2.0 nests them in the
// channel, RSS 1.0 makes them the channel's siblings, and after an unclosed tag libxml2's
// recovery nests the following items inside the broken one. Other namespaces (extensions) are
// not searched.
void find_rss_parts(const xmlNode* parent, RssParts& parts) {
    for (const xmlNode* child : child_elements(parent)) {
        if (!is_rss_namespace(namespace_uri(child))) continue;
        if (local_name(child) == "item") parts.items.push_back(child);
        if (local_name(child) == "channel" && parts.channel == nullptr) parts.channel = child;
        find_rss_parts(child, parts);
    }
}

// RSS 2.0 wants an e-mail address in <author>; the usual "ann@example.com (Ann Lee)" also
// carries the name, which is what people search for.
std::string author_name(std::string_view text) {
    text = trim(text);
    const auto open = text.find('(');
    if (open == std::string_view::npos || !text.ends_with(')') ||
        text.substr(0, open).find('@') == std::string_view::npos) {
        return std::string(text);
    }
    return std::string(trim(text.substr(open + 1, text.size() - open - 2)));
}

// content:encoded holds the full text, the description often only a teaser; both are HTML
// (escaped or in CDATA, which the parser has already turned into markup text).
std::string rss_body(const xmlNode* item) {
    const xmlNode* candidates[] = {first_child(item, {kContentUri, "encoded"}),
                                   first_child(item, {namespace_uri(item), "description"})};
    for (const xmlNode* node : candidates) {
        const std::string html = text_of(node);
        if (trim(html).empty()) continue;
        std::string text = html_to_text(html);
        if (!text.empty()) return text;
    }
    return {};
}

void set_date_of(Article& article, const xmlNode* node, std::size_t record, const Output& out) {
    if (node != nullptr) set_date_at(article, text_of(node), node, record, out);
}

void add_texts(Article& article, Field field, const std::vector<const xmlNode*>& nodes) {
    for (const xmlNode* node : nodes) add_items(article, field, {text_of(node)});
}

Article read_rss_item(const xmlNode* item, const Channel& channel, std::size_t record,
                      const Output& out) {
    const auto rss = namespace_uri(item);
    Article article;
    set_single(article, Field::title, text_of(first_child(item, {rss, "title"})));
    set_single(article, Field::url, text_of(first_child(item, {rss, "link"})));
    if (const xmlNode* guid = first_child(item, {rss, "guid"})) {
        const std::string id(trim(text_of(guid)));
        set_id(article, id);
        // RSS 2.0: a guid is the item's permanent URL unless isPermaLink="false".
        const bool is_url = id.starts_with("http://") || id.starts_with("https://");
        if (is_url && attribute(guid, "isPermaLink") != "false") {
            set_single(article, Field::url, id);
        }
    }
    set_single(article, Field::body, rss_body(item));
    for (const Name date : {Name{rss, "pubDate"}, Name{kDcUri, "date"}}) {
        set_date_of(article, first_child(item, date), record, out);
    }
    for (const xmlNode* author : children_named(item, {rss, "author"})) {
        add_items(article, Field::authors, {author_name(text_of(author))});
    }
    add_texts(article, Field::authors, children_named(item, {kDcUri, "creator"}));
    add_texts(article, Field::topics, children_named(item, {rss, "category"}));
    add_texts(article, Field::topics, children_named(item, {kDcUri, "subject"}));
    set_single(article, Field::source, text_of(first_child(item, {rss, "source"})));
    set_single(article, Field::source, channel.title);
    set_single(article, Field::language, text_of(first_child(item, {kDcUri, "language"})));
    set_single(article, Field::language, channel.language);
    return article;
}

// ---- Atom ----

Name atom(std::string_view local) { return {kAtomUri, local}; }

// An Atom text construct (title, summary, content) as plain text, read by its type. Other
// media types are text only when they are text or XML; anything else is base64 data.
std::string atom_text(const xmlNode* node) {
    if (node == nullptr) return {};
    const std::string type = attribute(node, "type");
    if (type == "html" || type == "text/html") return html_to_text(text_of(node));
    if (type == "xhtml" || type == "application/xhtml+xml") {
        return html_to_text(inner_markup(node));
    }
    if (type.empty() || type == "text" || type.starts_with("text/")) {
        return plain_paragraphs(text_of(node));
    }
    if (type.ends_with("/xml") || type.ends_with("+xml")) return paragraphs_of(node);
    return {};
}

// The full content unless it lives elsewhere (src="..."); the summary otherwise.
std::string atom_body(const xmlNode* entry) {
    const xmlNode* content = first_child(entry, atom("content"));
    if (content != nullptr && attribute(content, "src").empty()) {
        std::string text = atom_text(content);
        if (!text.empty()) return text;
    }
    return atom_text(first_child(entry, atom("summary")));
}

// The alternate link is the article itself (rel defaults to alternate); other links
// (self, enclosure, related) are used only when there is none.
std::string atom_link(const xmlNode* entry) {
    const auto links = children_named(entry, atom("link"));
    for (const xmlNode* link : links) {
        const std::string rel = attribute(link, "rel");
        if (rel.empty() || rel == "alternate") return attribute(link, "href");
    }
    return links.empty() ? std::string() : attribute(links.front(), "href");
}

std::vector<std::string> atom_authors(const xmlNode* parent) {
    std::vector<std::string> names;
    for (const xmlNode* author : children_named(parent, atom("author"))) {
        names.push_back(text_of(first_child(author, atom("name"))));
    }
    return names;
}

// Entries in document order, also those that libxml2's recovery from an unclosed tag has
// nested inside an earlier entry.
void find_entries(const xmlNode* parent, std::vector<const xmlNode*>& entries) {
    for (const xmlNode* child : child_elements(parent)) {
        if (namespace_uri(child) != kAtomUri) continue;
        if (local_name(child) == "entry") entries.push_back(child);
        find_entries(child, entries);
    }
}

// What the feed gives every entry.
struct AtomFeed {
    std::string title;
    std::vector<std::string> authors;
};

Article read_atom_entry(const xmlNode* entry, const AtomFeed& feed, std::size_t record,
                        const Output& out) {
    Article article;
    set_id(article, text_of(first_child(entry, atom("id"))));
    set_single(article, Field::title, atom_text(first_child(entry, atom("title"))));
    set_single(article, Field::body, atom_body(entry));
    set_single(article, Field::url, atom_link(entry));
    for (const Name date : {atom("published"), atom("updated")}) {
        set_date_of(article, first_child(entry, date), record, out);
    }
    // Atom: an entry without authors has those of its source, else those of the feed.
    const xmlNode* source = first_child(entry, atom("source"));
    add_items(article, Field::authors, atom_authors(entry));
    if (article.authors.empty()) add_items(article, Field::authors, atom_authors(source));
    if (article.authors.empty()) add_items(article, Field::authors, feed.authors);
    for (const xmlNode* category : children_named(entry, atom("category"))) {
        add_items(article, Field::topics, {attribute(category, "term")});
    }
    set_single(article, Field::source, atom_text(first_child(source, atom("title"))));
    set_single(article, Field::source, feed.title);
    set_single(article, Field::language, language_of(entry));
    return article;
}

}  // namespace

void read_rss(const xmlNode* root, const Output& out) {
    RssParts parts;
    find_rss_parts(root, parts);
    const Channel channel = read_channel(parts.channel);
    for (std::size_t i = 0; i < parts.items.size(); ++i) {
        const std::size_t record = i + 1;
        Article article = read_rss_item(parts.items[i], channel, record, out);
        emit(std::move(article), {out.file, line_of(parts.items[i]), record}, "item", out);
    }
}

void read_atom(const xmlNode* root, const Output& out) {
    const AtomFeed feed{collapse_spaces(atom_text(first_child(root, atom("title")))),
                        atom_authors(root)};
    std::vector<const xmlNode*> entries;
    find_entries(root, entries);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::size_t record = i + 1;
        Article article = read_atom_entry(entries[i], feed, record, out);
        emit(std::move(article), {out.file, line_of(entries[i]), record}, "entry", out);
    }
}

}  // namespace newsdex::xml
