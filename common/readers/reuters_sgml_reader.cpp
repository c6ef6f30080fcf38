#include "readers/reuters_sgml_reader.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "readers/field_values.h"
#include "readers/sgml_scanner.h"

namespace newsdex {

namespace {

struct ListField {
    std::string_view tag;
    Field field;
};

// The category lists of lewis.dtd whose <D> items the article keeps.
constexpr std::array kLists = {
    ListField{"TOPICS", Field::topics},
    ListField{"PLACES", Field::places},
    ListField{"ORGS", Field::organisations},
    ListField{"EXCHANGES", Field::organisations},
};

// Every child of <REUTERS> in lewis.dtd, kept or not: naming them all lets an unclosed one end
// at the next. TEXT is free text.
const SgmlElementSet& story_set() {
    static const SgmlElementSet set{
        {"DATE", "TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES", "COMPANIES", "UNKNOWN", "TEXT"},
        {"TEXT"}};
    return set;
}

const SgmlElementSet& text_set() {
    static const SgmlElementSet set{{"TITLE", "DATELINE", "AUTHOR", "BODY"}, {"BODY"}};
    return set;
}

const SgmlElementSet& item_set() {
    static const SgmlElementSet set{{"D"}, {}};
    return set;
}

// Where one story is, and where its warnings go.
struct StoryContext {
    std::string_view file;
    std::size_t record;
    Diagnostics& diag;
    std::size_t first_line = 1;  // of the text read, in its file (a large file is read in runs)

    Where at(std::size_t line) const { return {file, line + first_line - 1, record}; }

    void warn_unclosed(const SgmlElement& child, const SgmlElement& parent) const {
        if (const auto message = unclosed_child_message(child, parent); !message.empty()) {
            diag.warn(at(child.line), message);
        }
    }
};

const ListField* list_of(std::string_view tag) {
    const auto found = std::find_if(kLists.begin(), kLists.end(), [&](const ListField& l) {
        return sgml_names_equal(l.tag, tag);
    });
    return found == kLists.end() ? nullptr : &*found;
}

std::vector<std::string> items_of(const SgmlElement& list, const StoryContext& ctx) {
    std::vector<std::string> items;
    for (const auto& item : split_elements(list.content, item_set()).elements) {
        ctx.warn_unclosed(item, list);
        items.push_back(sgml_plain_text(item.content));
    }
    return items;
}

void read_text(Article& article, const SgmlElement& text, const StoryContext& ctx) {
    const auto parts = split_elements(text.content, text_set());
    SgmlParagraphs body;
    bool has_body = false;
    for (const auto& element : parts.elements) {
        ctx.warn_unclosed(element, text);
        if (sgml_names_equal(element.name, "TITLE")) {
            set_single(article, Field::title, sgml_plain_text(element.content));
        } else if (sgml_names_equal(element.name, "AUTHOR")) {
            add_items(article, Field::authors, {sgml_plain_text(element.content)});
        } else if (sgml_names_equal(element.name, "BODY")) {
            body.add(element.content);
            has_body = true;
        }
        // DATELINE ("SALVADOR, Feb 26 -") repeats DATE without the year.
    }
    // TYPE="BRIEF" and TYPE="UNPROC" texts are their text without a BODY element.
    if (!has_body) body.add(parts.rest);
    set_single(article, Field::body, body.take());
}

Article read_story(const SgmlElement& story, const StoryContext& ctx) {
    Article article;
    set_single(article, Field::id, trim(sgml_attribute(story.attributes, "NEWID")));
    for (const auto& element : split_elements(story.content, story_set()).elements) {
        ctx.warn_unclosed(element, story);
        if (sgml_names_equal(element.name, "DATE")) {
            if (!article.date) {
                set_date_text(article, sgml_plain_text(element.content), ctx.at(element.line),
                              ctx.diag);
            }
        } else if (const ListField* list = list_of(element.name)) {
            add_items(article, list->field, items_of(element, ctx));
        } else if (sgml_names_equal(element.name, "TEXT")) {
            read_text(article, element, ctx);
        }
    }
    return article;
}

}  // namespace

namespace {

std::size_t read_stories(std::string_view text, std::string_view file, Reader::Start start, const ArticleSink& sink,
                         Diagnostics& diag) {
    const auto tokens = scan_sgml(text);
    const auto stories = split_elements(tokens, SgmlElementSet{{"REUTERS"}, {}});
    for (std::size_t i = 0; i < stories.elements.size(); ++i) {
        const SgmlElement& story = stories.elements[i];
        const StoryContext ctx{file, start.record + i, diag, start.line};
        if (!story.closed) diag.warn(ctx.at(story.line), unclosed_message(story, "at end of file"));
        Article article = read_story(story, ctx);
        if (article.empty()) {
            diag.warn(ctx.at(story.line), "record has no text or metadata");
            continue;
        }
        if (article.id.empty()) diag.warn(ctx.at(story.line), "document has no NEWID");
        sink(std::move(article), ctx.record);
    }
    return stories.elements.size();
}

}  // namespace

void ReutersSgmlReader::read(std::string_view text, std::string_view file, const ArticleSink& sink,
                             Diagnostics& diag) const {
    // A name that says Reuters-21578 SGML over other text: one warning, not silence.
    if (read_stories(text, file, {}, sink, diag) == 0) {
        diag.warn({file}, "no <REUTERS> element: not Reuters-21578 SGML, nothing read");
    }
}

std::size_t ReutersSgmlReader::read_records(std::string_view text, std::string_view file, Start start,
                                            const ArticleSink& sink, Diagnostics& diag) const {
    return read_stories(text, file, start, sink, diag);
}

}  // namespace newsdex
