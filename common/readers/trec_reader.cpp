#include "readers/trec_reader.h"

#include <algorithm>
#include <array>
#include <string>

#include "readers/field_values.h"
#include "readers/sgml_scanner.h"

namespace newsdex {

namespace {

// Real collections put <DOCNO> on the line after <DOC>; a few headers may come between.
constexpr std::size_t kDocnoWithin = 1024;

struct TrecField {
    std::string_view tag;
    Field field;
};

// TREC's own tag names, not field_for_name's table: the collections use names no other format
// does (DOCNO, HL, HEAD, TI for FBIS) and give that table's names other meanings (LA Times'
// DOCID is a sequence number, not the id).
constexpr std::array kFields = {
    TrecField{"DOCNO", Field::id},     TrecField{"HEADLINE", Field::title},
    TrecField{"HEAD", Field::title},   TrecField{"HL", Field::title},
    TrecField{"TITLE", Field::title},  TrecField{"TI", Field::title},
    TrecField{"DATE", Field::date},    TrecField{"DATE1", Field::date},
    TrecField{"SOURCE", Field::source}, TrecField{"BYLINE", Field::authors},
    TrecField{"AUTHOR", Field::authors}, TrecField{"TEXT", Field::body},
};

// Usually a place ("WASHINGTON"), in some collections a date: used only when it reads as one
// and DATE gave none, and never warned about.
constexpr std::string_view kDateline = "DATELINE";

const SgmlElementSet& field_set() {
    static const SgmlElementSet set = [] {
        SgmlElementSet s;
        for (const auto& f : kFields) s.names.push_back(f.tag);
        s.names.push_back(kDateline);
        // TEXT is free text: tags inside it (even <TITLE> in some collections) are its content.
        s.verbatim.push_back("TEXT");
        return s;
    }();
    return set;
}

char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_upper);
    return out;
}

const TrecField* field_of(std::string_view tag) {
    const auto found = std::find_if(kFields.begin(), kFields.end(), [&](const TrecField& f) {
        return sgml_names_equal(f.tag, tag);
    });
    return found == kFields.end() ? nullptr : &*found;
}

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The date text rewritten into a form parse_date reads, for the TREC forms it does not:
// "890101" (YYMMDD: AP, FT, WSJ) and "January 1, 1989, Sunday, Home Edition" (LA Times: a
// date with notes after a comma). Returned unchanged when no rewriting helps, so a warning
// quotes what the file says.
std::string readable_date(std::string_view text) {
    text = trim(text);
    if (parse_date(text)) return std::string(text);
    if (text.size() == 6 && all_digits(text)) {
        // POSIX strptime's %y rule: 69-99 are 19xx, 00-68 are 20xx.
        const int year = (text[0] - '0') * 10 + (text[1] - '0');
        const std::string full = (year >= 69 ? "19" : "20") + std::string(text);
        if (parse_date(full)) return full;
    }
    for (auto comma = text.rfind(','); comma != std::string_view::npos && comma > 0;
         comma = text.rfind(',', comma - 1)) {
        const auto prefix = trim(text.substr(0, comma));
        if (parse_date(prefix)) return std::string(prefix);
    }
    return std::string(text);
}

// Where one <DOC> is, and where its warnings go.
struct DocContext {
    std::string_view file;
    std::size_t record;
    Diagnostics& diag;
    std::size_t first_line = 1;  // of the text read, in its file (a large file is read in runs)

    Where at(std::size_t line) const { return {file, line + first_line - 1, record}; }
};

void apply_field(Article& article, Field field, const SgmlElement& element, SgmlParagraphs& body,
                 const DocContext& ctx) {
    if (field == Field::body) {
        body.add(element.content);
        return;
    }
    const std::string text = sgml_plain_text(element.content);
    if (field == Field::id) {
        // Collections pad the id: "<DOCNO> LA010189-0001 </DOCNO>".
        set_single(article, field, trim(text));
    } else if (field == Field::date) {
        if (!article.date) {
            set_date_text(article, readable_date(text), ctx.at(element.line), ctx.diag);
        }
    } else {
        set_single(article, field, text);
    }
}

// A date from DATELINE: only a whole day counts; a place or a bare year is not the article's
// date.
void apply_dateline(Article& article, const SgmlElement& element) {
    if (article.date) return;
    const auto date = parse_date(readable_date(sgml_plain_text(element.content)));
    if (!date) return;
    if (date->precision == DatePrecision::day || date->precision == DatePrecision::second) {
        article.date = date;
    }
}

Article read_doc(const SgmlElement& doc, const DocContext& ctx) {
    const auto parts = split_elements(doc.content, field_set());
    Article article;
    SgmlParagraphs body;
    const SgmlElement* dateline = nullptr;
    for (const auto& element : parts.elements) {
        if (const auto message = unclosed_child_message(element, doc); !message.empty()) {
            ctx.diag.warn(ctx.at(element.line), message);
        }
        if (const TrecField* field = field_of(element.name)) {
            apply_field(article, field->field, element, body, ctx);
        } else if (dateline == nullptr) {
            dateline = &element;  // the one name of field_set() that kFields lacks
        }
    }
    article.body = body.take();
    if (dateline != nullptr) apply_dateline(article, *dateline);
    return article;
}

}  // namespace

namespace {

std::size_t read_docs(std::string_view text, std::string_view file, Reader::Start start, const ArticleSink& sink,
                      Diagnostics& diag) {
    const auto tokens = scan_sgml(text);
    const auto docs = split_elements(tokens, SgmlElementSet{{"DOC"}, {}});
    for (std::size_t i = 0; i < docs.elements.size(); ++i) {
        const SgmlElement& doc = docs.elements[i];
        const DocContext ctx{file, start.record + i, diag, start.line};
        if (!doc.closed) diag.warn(ctx.at(doc.line), unclosed_message(doc, "at end of file"));
        Article article = read_doc(doc, ctx);
        if (article.empty()) {
            diag.warn(ctx.at(doc.line), "record has no text or metadata");
            continue;
        }
        if (article.id.empty()) diag.warn(ctx.at(doc.line), "document has no DOCNO");
        sink(std::move(article), ctx.record);
    }
    return docs.elements.size();
}

}  // namespace

void TrecReader::read(std::string_view text, std::string_view file, const ArticleSink& sink,
                      Diagnostics& diag) const {
    // A name that says TREC over other text: one warning, not silence.
    if (read_docs(text, file, {}, sink, diag) == 0) diag.warn({file}, "no <DOC> element: not TREC, nothing read");
}

std::size_t TrecReader::read_records(std::string_view text, std::string_view file, Start start,
                                     const ArticleSink& sink, Diagnostics& diag) const {
    return read_docs(text, file, start, sink, diag);
}

bool looks_like_trec(std::string_view head) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
    const auto start = head.find_first_not_of(" \t\r\n\f\v");
    if (start == std::string_view::npos) return false;
    head.remove_prefix(start);
    if (!sgml_names_equal(head.substr(0, 5), "<DOC>")) return false;
    return upper(head.substr(5, kDocnoWithin)).find("<DOCNO>") != std::string::npos;
}

}  // namespace newsdex
