#include "readers/reader_registry.h"

#include <array>
#include <initializer_list>
#include <stdexcept>
#include <string>

#include "readers/html_reader.h"
#include "readers/json_reader.h"
#include "readers/reuters_sgml_reader.h"
#include "readers/text_reader.h"
#include "readers/trec_reader.h"
#include "readers/xml_reader.h"
#include "util/ascii.h"

namespace newsdex {

std::size_t Reader::read_records(std::string_view, std::string_view, Start, const ArticleSink&,
                                 Diagnostics&) const {
    throw std::logic_error("this format is read whole, not record by record");
}

namespace {

struct Row {
    std::initializer_list<std::string_view> extensions;
    bool (*sniff)(std::string_view head);  // recognises the format by its start; may be null
    ReaderChoice choice;
    // When set, the choice's split holds only for heads it accepts (an XML file is split only
    // when it is a feed); otherwise the file is one text.
    bool (*splits)(std::string_view head) = nullptr;
};

// Readers hold no state, so one instance of each serves every file and thread.
const TextReader kText;
const TextReader kMarkdown(true);
const JsonReader kJson;
const JsonLinesReader kJsonLines;
const HtmlReader kHtml;
const TrecReader kTrec;
const ReutersSgmlReader kReuters;
const XmlReader kXml;

// Sniffers are tried in this order for names that say nothing.
const std::array<Row, 8> kRows{{
    {{".trec", ".sgml"}, &looks_like_trec, {&kTrec, RecordSplit::trec_docs}},
    {{".xml", ".rss", ".atom", ".nitf"}, &looks_like_xml_feed_or_news, {&kXml, RecordSplit::xml_feed}, &looks_like_feed},
    {{".txt"}, nullptr, {&kText, RecordSplit::none}},
    {{".md", ".markdown"}, nullptr, {&kMarkdown, RecordSplit::none}},
    {{".json"}, nullptr, {&kJson, RecordSplit::json}},
    {{".jsonl", ".ndjson"}, nullptr, {&kJsonLines, RecordSplit::json_lines}},
    {{".html", ".htm"}, nullptr, {&kHtml, RecordSplit::none}},
    {{".sgm"}, nullptr, {&kReuters, RecordSplit::reuters}},
}};

// Hidden files are editor backups, VCS metadata and the like, never articles.
bool is_hidden(const std::filesystem::path& name) { return name.filename().string().starts_with('.'); }

const Row* row_for_extension(const std::filesystem::path& name) {
    const std::string ext = ascii_lower(name.extension().string());
    for (const Row& row : kRows) {
        for (const auto e : row.extensions) {
            if (ext == e) return &row;
        }
    }
    return nullptr;
}

ReaderChoice chosen(const Row& row, std::string_view head) {
    ReaderChoice choice = row.choice;
    if (row.splits != nullptr && !row.splits(head)) choice.split = RecordSplit::none;
    return choice;
}

}  // namespace

ReaderChoice choose_reader(const std::filesystem::path& name, std::string_view head) {
    if (is_hidden(name)) return {};
    if (const Row* row = row_for_extension(name)) return chosen(*row, head);
    if (head.empty()) return {};
    for (const Row& row : kRows) {
        if (row.sniff != nullptr && row.sniff(head)) return chosen(row, head);
    }
    return {};
}

const Reader* reader_for(const std::filesystem::path& name) { return choose_reader(name, {}).reader; }

}  // namespace newsdex
