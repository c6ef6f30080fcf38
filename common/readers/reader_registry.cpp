#include "readers/reader_registry.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "readers/html_reader.h"
#include "readers/json_reader.h"
#include "readers/reuters_sgml_reader.h"
#include "readers/text_reader.h"
#include "readers/trec_reader.h"
#include "readers/xml_reader.h"

namespace newsdex {

namespace {

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace

const Reader* reader_for(const std::filesystem::path& path) {
    // Readers hold no state, so one instance of each serves every file and thread.
    static const TextReader text_reader;
    static const TextReader markdown_reader(true);
    static const JsonReader json_reader;
    static const JsonLinesReader json_lines_reader;
    static const HtmlReader html_reader;
    static const TrecReader trec_reader;
    static const ReutersSgmlReader reuters_sgml_reader;
    static const XmlReader xml_reader;

    // Hidden files are editor backups, VCS metadata and the like, never articles.
    if (path.filename().string().starts_with('.')) return nullptr;
    const std::string ext = lower_extension(path);
    if (ext == ".txt") return &text_reader;
    if (ext == ".md" || ext == ".markdown") return &markdown_reader;
    if (ext == ".json") return &json_reader;
    if (ext == ".jsonl" || ext == ".ndjson") return &json_lines_reader;
    if (ext == ".html" || ext == ".htm") return &html_reader;
    if (ext == ".trec" || ext == ".sgml") return &trec_reader;
    if (ext == ".sgm") return &reuters_sgml_reader;
    if (ext == ".xml" || ext == ".rss" || ext == ".atom" || ext == ".nitf") return &xml_reader;
    return nullptr;
}

}  // namespace newsdex
