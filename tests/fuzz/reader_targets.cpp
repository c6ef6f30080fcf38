// The readers of whole texts: any bytes, made valid UTF-8 the way reader.h asks (ill-formed
// sequences repaired, a byte-order mark removed), must be read without an exception and give
// only articles that keep reader.h's promises (fuzz_checks.h).
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_targets.h"
#include "readers/html_reader.h"
#include "readers/json_reader.h"
#include "readers/reuters_sgml_reader.h"
#include "readers/text_reader.h"
#include "readers/trec_reader.h"
#include "readers/xml_formats.h"
#include "readers/xml_reader.h"
#include "readers/xml_tree.h"
#include "util/utf8.h"

namespace newsdex::fuzz {

namespace {

std::string reader_text(std::string_view bytes) {
    std::string text(bytes);
    repair_utf8(text);
    require(is_valid_utf8(text), "repair_utf8 left ill-formed UTF-8");
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    return text;
}

// Runs `read(text, sink, diag)` on the input and checks what came out.
template <typename Read>
void read_and_check(std::string_view bytes, Read read) {
    const std::string text = reader_text(bytes);
    Records records;
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    read(text, collect(records), diag);
    check_records(records);
    check_warnings(warnings.str());
}

void read_with(const Reader& reader, std::string_view bytes) {
    read_and_check(bytes, [&reader](std::string_view text, const ArticleSink& sink, Diagnostics& diag) {
        reader.read(text, "fuzz", sink, diag);
    });
}

// The XML formats are chosen by root element; calling a format's reader on whatever root the
// input has reaches its code from any tree, not only from trees whose root the fuzzer kept.
void read_xml_as(void (*format)(const xmlNode*, const xml::Output&), std::string_view bytes) {
    read_and_check(bytes, [format](std::string_view text, const ArticleSink& sink, Diagnostics& diag) {
        const xml::Document doc = xml::parse(text, "fuzz", diag);
        if (!doc) return;
        format(xmlDocGetRootElement(doc.get()), xml::Output{"fuzz", sink, diag});
    });
}

}  // namespace

void text_target(std::string_view bytes) { read_with(TextReader(false), bytes); }
void markdown_target(std::string_view bytes) { read_with(TextReader(true), bytes); }
void json_target(std::string_view bytes) { read_with(JsonReader(), bytes); }
void jsonl_target(std::string_view bytes) { read_with(JsonLinesReader(), bytes); }
void html_target(std::string_view bytes) { read_with(HtmlReader(), bytes); }

void feed_target(std::string_view bytes) {
    read_xml_as(xml::read_rss, bytes);
    read_xml_as(xml::read_atom, bytes);
}

void nitf_target(std::string_view bytes) { read_xml_as(xml::read_nitf, bytes); }

void xml_target(std::string_view bytes) {
    (void)looks_like_xml_feed_or_news(bytes);
    read_with(XmlReader(), bytes);
}

void trec_target(std::string_view bytes) {
    (void)looks_like_trec(bytes);
    read_with(TrecReader(), bytes);
}

void reuters_target(std::string_view bytes) { read_with(ReutersSgmlReader(), bytes); }

}  // namespace newsdex::fuzz
