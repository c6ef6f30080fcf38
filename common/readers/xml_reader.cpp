#include "readers/xml_reader.h"

#include <algorithm>

#include "readers/field_values.h"
#include "readers/record_stream.h"
#include "readers/xml_formats.h"
#include "readers/xml_tree.h"

namespace newsdex {

namespace {

enum class XmlFormat { rss, atom, nitf, generic };

// RSS 2.0's <rss> has no namespace (and RSS 0.91's a DTD at most); NITF has none up to 3.2 and
// IPTC's later, so those go by name alone. <feed> and <RDF> are common names elsewhere.
XmlFormat format_of(const xmlNode* root) {
    const auto local = xml::local_name(root);
    const auto uri = xml::namespace_uri(root);
    if (local == "rss" || (local == "RDF" && uri == xml::kRdfUri)) return XmlFormat::rss;
    if (local == "feed" && uri == xml::kAtomUri) return XmlFormat::atom;
    if (local == "nitf") return XmlFormat::nitf;
    return XmlFormat::generic;
}

std::string_view skip_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
                             text.front() == '\n')) {
        text.remove_prefix(1);
    }
    return text;
}

// `text` after the first `end` at or after `from`; empty when there is none.
std::string_view after(std::string_view text, std::string_view end, std::size_t from = 0) {
    const auto at = text.find(end, from);
    return at == std::string_view::npos ? std::string_view() : text.substr(at + end.size());
}

// The first start tag ("<rss version=...>"), after the XML declaration, processing
// instructions, comments and a doctype (with or without an internal subset). Empty when
// `head` does not start the way an XML document does.
std::string_view first_start_tag(std::string_view head) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
    while (true) {
        head = skip_spaces(head);
        if (head.starts_with("<?")) {
            head = after(head, "?>");
        } else if (head.starts_with("<!--")) {
            head = after(head, "-->", 4);
        } else if (head.starts_with("<!")) {
            const auto subset = head.find('[');
            const bool has_subset = subset != std::string_view::npos && subset < head.find('>');
            head = has_subset ? after(after(head, "]", subset), ">") : after(head, ">");
        } else if (head.starts_with('<')) {
            return head.substr(0, head.find('>'));
        } else {
            return {};
        }
    }
}

}  // namespace

void XmlReader::read(std::string_view text, std::string_view file, const ArticleSink& sink,
                     Diagnostics& diag) const {
    const xml::Document doc = xml::parse(text, file, diag);
    if (!doc) return;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    const xml::Output out{file, sink, diag};
    switch (format_of(root)) {
        case XmlFormat::rss: xml::read_rss(root, out); break;
        case XmlFormat::atom: xml::read_atom(root, out); break;
        case XmlFormat::nitf: xml::read_nitf(root, out); break;
        case XmlFormat::generic: xml::read_generic(root, out); break;
    }
}

std::size_t XmlReader::read_records(std::string_view text, std::string_view file, Start start,
                                    const ArticleSink& sink, Diagnostics& diag) const {
    std::size_t items_at = first_feed_item(text);
    if (items_at == std::string_view::npos) items_at = text.size();
    const auto head_lines = static_cast<std::size_t>(std::count(text.begin(), text.begin() + items_at, '\n'));
    Diagnostics shifted(diag, {static_cast<long>(start.line) - 1 - static_cast<long>(head_lines), start.record - 1,
                               start.record > 1 ? head_lines : 0});
    // A run is a feed's items (records 1..n of the run); were its root no feed after all, its one
    // article (record 0) still gets a number of its own.
    read(text, file,
         [&](Article&& article, std::size_t record) { sink(std::move(article), std::max<std::size_t>(record, 1) + start.record - 1); },
         shifted);
    std::size_t items = 0;
    for (std::size_t at = items_at; at < text.size();) {
        ++items;
        const std::size_t next = first_feed_item(text.substr(at + 1));
        at = next == std::string_view::npos ? text.size() : at + 1 + next;
    }
    return items;
}

namespace {

// The first element's local name ("rss" for <rss version=...>, "RDF" for <rdf:RDF ...>) and
// its start tag; empty when `head` does not start like an XML document.
std::pair<std::string_view, std::string_view> first_element(std::string_view head) {
    const std::string_view tag = first_start_tag(head);
    if (tag.size() < 2) return {};
    const std::string_view qname = tag.substr(1, tag.find_first_of(" \t\r\n/") - 1);
    const auto colon = qname.find(':');
    return {colon == std::string_view::npos ? qname : qname.substr(colon + 1), tag};
}

}  // namespace

bool looks_like_feed(std::string_view head) {
    // As looks_like_xml_feed_or_news without NITF: an <RDF> or <feed> of another vocabulary is
    // one document, and runs of it would each be one article under the same path.
    return first_element(head).first != "nitf" && looks_like_xml_feed_or_news(head);
}

bool looks_like_xml_feed_or_news(std::string_view head) {
    const auto element = first_element(head);
    const std::string_view local = element.first;
    const std::string_view tag = element.second;  // not a structured binding: lambdas capture it
    const auto declares = [&](std::string_view uri) {
        return tag.find(uri) != std::string_view::npos;
    };
    if (local == "rss" || local == "nitf") return true;
    if (local == "feed") return declares(xml::kAtomUri);
    if (local == "RDF") return declares(xml::kRss1Uri) || declares(xml::kRss090Uri);
    return false;
}

namespace xml {

void emit(Article&& article, const Where& where, std::string_view what, const Output& out) {
    if (article.title.empty() && article.body.empty() && article.url.empty()) {
        out.diag.warn(where, std::string(what) + " has no text or metadata");
        return;
    }
    out.sink(std::move(article), where.record);
}

void set_date_at(Article& article, std::string_view text, const xmlNode* node,
                 std::size_t record, const Output& out) {
    if (article.date) return;
    set_date_text(article, text, {out.file, line_of(node), record}, out.diag);
}

void set_id(Article& article, std::string_view text) {
    set_single(article, Field::id, trim(text));
}

}  // namespace xml

}  // namespace newsdex
