#include "readers/html_reader.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "readers/field_values.h"
#include "readers/html_dom.h"

namespace newsdex {

namespace {

using Json = nlohmann::json;
using html::attribute;
using html::is_element;
using html::name_of;

// Content choice. Scores are counts of visible code points outside links.
// A sibling block of the best one with at least this share of its score continues the same
// text (stories split into several blocks around ads and pictures).
constexpr double kJoinShare = 0.2;
// Comment sections read like prose, so density alone cannot tell them from the story; their
// names (class/id) are the signal, and they only weigh this much.
constexpr double kCommentWeight = 0.2;
// A block inside the content that is more links than text is a list of other pages (related
// stories, tags, share buttons), not part of the story.
constexpr double kMaxLinkDensity = 0.5;
// A banner-named block with less text than this, or more link text than this share, has no
// article structure: it is a cookie or consent notice, not content that happens to be named so.
constexpr std::size_t kBannerMaxChars = 600;
constexpr double kBannerLinkDensity = 0.3;

// ---------------------------------------------------------------------------------------------
// Small helpers

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

std::size_t line_of(const xmlNode* node) {
    const long line = xmlGetLineNo(node);
    return line > 0 ? static_cast<std::size_t>(line) : 0;
}

bool is_one_of(const xmlNode* node, std::initializer_list<std::string_view> names) {
    const auto name = name_of(node);
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool has_ancestor(const xmlNode* node, std::initializer_list<std::string_view> names) {
    for (const xmlNode* up = node->parent; up != nullptr; up = up->parent) {
        if (is_one_of(up, names)) return true;
    }
    return false;
}

std::string content_of(const xmlNode* node) {
    xmlChar* content = xmlNodeGetContent(node);
    if (content == nullptr) return {};
    std::string out = reinterpret_cast<const char*>(content);
    xmlFree(content);
    return out;
}

// class and id together, lower case: where page templates name what a block is for.
std::string names_of(const xmlNode* node) {
    return lower(attribute(node, "class") + " " + attribute(node, "id"));
}

// Whole words of a list ("comment-list" holds "comment"; "commentary" does not), in any case.
bool has_word(std::string_view list, std::initializer_list<std::string_view> words) {
    const std::string text = lower(list);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
        const std::string_view word(text.data() + start, end - start);
        if (std::find(words.begin(), words.end(), word) != words.end()) return true;
        start = end + 1;
    }
    return false;
}

bool is_comment_section(const xmlNode* node) {
    return has_word(names_of(node), {"comment", "comments", "disqus"});
}

bool looks_like_url(std::string_view text) {
    text = trim(text);
    return text.starts_with("http://") || text.starts_with("https://");
}

// ---------------------------------------------------------------------------------------------
// How much text a subtree holds, and how much of it is link text.

struct TextStats {
    std::size_t chars = 0;       // visible code points, white space not counted
    std::size_t link_chars = 0;  // of which inside <a>

    std::size_t plain() const { return chars - link_chars; }
    double link_density() const {
        return chars == 0 ? 0.0 : static_cast<double>(link_chars) / static_cast<double>(chars);
    }
    TextStats& operator+=(const TextStats& other) {
        chars += other.chars;
        link_chars += other.link_chars;
        return *this;
    }
};

std::size_t visible_chars(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool starts_code_point = (byte & 0xC0) != 0x80;
        const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (starts_code_point && !is_space) ++count;
    }
    return count;
}

void count_text(const xmlNode* node, bool in_link, TextStats& stats) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        const std::size_t n =
            node->content == nullptr ? 0 : visible_chars(reinterpret_cast<const char*>(node->content));
        stats.chars += n;
        if (in_link) stats.link_chars += n;
        return;
    }
    if (node->type != XML_ELEMENT_NODE || html::is_invisible(node)) return;
    in_link = in_link || is_element(node, "a");
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        count_text(child, in_link, stats);
    }
}

TextStats stats_of(const xmlNode* node) {
    TextStats stats;
    count_text(node, false, stats);
    return stats;
}

// ---------------------------------------------------------------------------------------------
// Metadata in the page's markup: <meta>, <title>, <link rel="canonical">, <html lang> and the
// JSON-LD scripts.

struct MetaTag {
    std::string key;  // property, name or itemprop, lower case
    std::string value;
    std::size_t line;
};

struct Script {
    std::string text;
    std::size_t line;
};

struct PageInfo {
    std::vector<MetaTag> meta;  // document order
    std::string title;          // the first <title>
    std::string canonical;
    std::string language;
    std::vector<Script> linked_data;

    // The first non-blank value under any of `keys`, trying the keys in order.
    const MetaTag* first(std::initializer_list<std::string_view> keys) const {
        for (const auto key : keys) {
            for (const auto& tag : meta) {
                if (tag.key == key) return &tag;
            }
        }
        return nullptr;
    }

    std::vector<std::string> all(std::initializer_list<std::string_view> keys) const {
        std::vector<std::string> values;
        for (const auto& tag : meta) {
            if (std::find(keys.begin(), keys.end(), tag.key) != keys.end()) {
                values.push_back(tag.value);
            }
        }
        return values;
    }
};

void add_meta(const xmlNode* node, PageInfo& info) {
    std::string value = attribute(node, "content");
    if (trim(value).empty()) return;
    // Open Graph uses property=, plain HTML name=, microdata itemprop=; one key space serves
    // all three because their names do not collide.
    for (const char* key_attribute : {"property", "name", "itemprop"}) {
        const std::string key = lower(trim(attribute(node, key_attribute)));
        if (!key.empty()) info.meta.push_back({key, value, line_of(node)});
    }
}

void note_element(const xmlNode* node, PageInfo& info) {
    const auto name = name_of(node);
    if (name == "meta") {
        add_meta(node, info);
    } else if (name == "title" && info.title.empty() && !has_ancestor(node, {"svg"})) {
        info.title = collapse_spaces(content_of(node));
    } else if (name == "link" && info.canonical.empty() &&
               has_word(attribute(node, "rel"), {"canonical"})) {
        info.canonical = std::string(trim(attribute(node, "href")));
    } else if (name == "script" && lower(trim(attribute(node, "type"))) == "application/ld+json") {
        info.linked_data.push_back({content_of(node), line_of(node)});
    }
}

PageInfo read_page_info(xmlNode* root) {
    PageInfo info;
    info.language = std::string(trim(attribute(root, "lang")));
    html::for_each_element(root, [&](xmlNode* node) { note_element(node, info); });
    return info;
}

// ---------------------------------------------------------------------------------------------
// schema.org JSON-LD: the article object's fields, following @id references inside @graph.

struct LinkedData {
    std::string headline;
    std::string date_published;
    std::string description;
    std::string url;
    std::string language;
    std::string publisher;
    std::vector<std::string> authors;
    std::vector<std::string> keywords;
    std::size_t line = 0;  // of the script holding the article object
};

struct LinkedObject {
    const Json* object;
    std::size_t line;
};

// Every object of a script: the value itself, the items of an array, the nodes of @graph.
void collect_objects(const Json& value, std::size_t line, std::vector<LinkedObject>& out) {
    if (value.is_array()) {
        for (const auto& item : value) collect_objects(item, line, out);
    } else if (value.is_object()) {
        out.push_back({&value, line});
        if (const auto graph = value.find("@graph"); graph != value.end()) {
            collect_objects(*graph, line, out);
        }
    }
}

class LinkedGraph {
public:
    explicit LinkedGraph(const std::vector<Script>& scripts) {
        // Parsed first and kept whole, so pointers into the documents stay valid.
        for (const auto& script : scripts) {
            Json parsed = Json::parse(script.text, nullptr, false);
            // Broken JSON-LD is common on the web and only metadata: it is ignored silently.
            if (!parsed.is_discarded()) documents_.push_back({std::move(parsed), script.line});
        }
        for (const auto& [document, line] : documents_) collect_objects(document, line, objects_);
        for (const auto& item : objects_) {
            if (const auto id = item.object->find("@id"); id != item.object->end() && id->is_string()) {
                by_id_.emplace(id->get<std::string>(), item.object);
            }
        }
    }

    // The object describing the article: the first of an article type, else the first that
    // has a publication date or a headline.
    std::optional<LinkedObject> article() const {
        for (const auto& item : objects_) {
            if (has_article_type(*item.object)) return item;
        }
        for (const auto& item : objects_) {
            if (item.object->contains("datePublished") || item.object->contains("headline")) {
                return item;
            }
        }
        return std::nullopt;
    }

    // A reference ({"@id": "#org"}) replaced by the object it names, when the page holds it.
    const Json& resolve(const Json& value) const {
        if (!value.is_object() || value.contains("name")) return value;
        const auto id = value.find("@id");
        if (id == value.end() || !id->is_string()) return value;
        const auto found = by_id_.find(id->get<std::string>());
        return found == by_id_.end() ? value : *found->second;
    }

    // A person or organisation: a string, or an object's name.
    std::optional<std::string> name_of_entity(const Json& value) const {
        if (value.is_string()) return value.get<std::string>();
        const Json& entity = resolve(value);
        if (!entity.is_object()) return std::nullopt;
        const auto name = entity.find("name");
        if (name == entity.end() || !name->is_string()) return std::nullopt;
        return name->get<std::string>();
    }

    std::vector<std::string> names_of_entities(const Json& value) const {
        std::vector<std::string> names;
        if (value.is_array()) {
            for (const auto& item : value) {
                if (auto name = name_of_entity(item)) names.push_back(std::move(*name));
            }
        } else if (auto name = name_of_entity(value)) {
            names.push_back(std::move(*name));
        }
        return names;
    }

private:
    static bool is_article_type(std::string_view type) {
        return type.ends_with("Article") || type == "BlogPosting" || type == "LiveBlogPosting" ||
               type == "SocialMediaPosting" || type == "Report";
    }

    static bool has_article_type(const Json& object) {
        const auto type = object.find("@type");
        if (type == object.end()) return false;
        if (type->is_string()) return is_article_type(type->get<std::string>());
        if (!type->is_array()) return false;
        return std::any_of(type->begin(), type->end(), [](const Json& item) {
            return item.is_string() && is_article_type(item.get<std::string>());
        });
    }

    std::vector<std::pair<Json, std::size_t>> documents_;
    std::vector<LinkedObject> objects_;
    std::map<std::string, const Json*> by_id_;
};

std::string string_at(const Json& object, const char* key) {
    const auto value = object.find(key);
    return value != object.end() && value->is_string() ? value->get<std::string>() : std::string();
}

std::vector<std::string> keywords_of(const Json& value) {
    if (value.is_string()) return split_list(value.get<std::string>());
    std::vector<std::string> keywords;
    if (value.is_array()) {
        for (const auto& item : value) {
            if (item.is_string()) keywords.push_back(item.get<std::string>());
        }
    }
    return keywords;
}

std::optional<LinkedData> read_linked_data(const std::vector<Script>& scripts) {
    const LinkedGraph graph(scripts);
    const auto article = graph.article();
    if (!article) return std::nullopt;
    const Json& object = *article->object;
    LinkedData data;
    data.line = article->line;
    data.headline = string_at(object, "headline");
    data.date_published = string_at(object, "datePublished");
    data.description = string_at(object, "description");
    data.url = string_at(object, "url");
    if (const auto language = object.find("inLanguage"); language != object.end()) {
        data.language = graph.name_of_entity(*language).value_or("");
    }
    if (const auto publisher = object.find("publisher"); publisher != object.end()) {
        data.publisher = graph.name_of_entity(*publisher).value_or("");
    }
    if (const auto author = object.find("author"); author != object.end()) {
        data.authors = graph.names_of_entities(*author);
    }
    if (const auto keywords = object.find("keywords"); keywords != object.end()) {
        data.keywords = keywords_of(*keywords);
    }
    return data;
}

// ---------------------------------------------------------------------------------------------
// Removing what is never article text.

// Cookie and consent notices (and other dialogs) sit outside the story and carry little text
// or mostly links; their names are only a second signal, so a long text named "gdpr" stays.
bool looks_like_banner(const xmlNode* node) {
    const std::string names = names_of(node);
    const std::string role = lower(attribute(node, "role"));
    const bool named = names.find("cookie") != std::string::npos ||
                       names.find("consent") != std::string::npos ||
                       names.find("gdpr") != std::string::npos || role == "dialog" ||
                       role == "alertdialog" ||
                       // Ad slots sit inside the story block, so density alone keeps them.
                       has_word(names, {"ad", "ads", "advert", "advertisement", "sponsored", "promo"});
    if (!named) return false;
    const TextStats stats = stats_of(node);
    return stats.chars < kBannerMaxChars || stats.link_density() > kBannerLinkDensity;
}

bool has_descendant(xmlNode* node, std::initializer_list<std::string_view> names) {
    bool found = false;
    html::for_each_element(node, [&](xmlNode* element) { found = found || is_one_of(element, names); });
    return found;
}

// Some page frameworks wrap the whole page in one <form>: a form holding most of the page's
// text, in paragraphs, is layout; any other form is a control (search, comments, newsletter).
bool wraps_page(xmlNode* node, std::size_t page_chars) {
    return stats_of(node).chars * 2 >= page_chars && has_descendant(node, {"p", "article", "main"});
}

bool always_dropped(xmlNode* node, std::size_t page_chars) {
    if (html::is_invisible(node) || is_one_of(node, {"nav", "aside"})) return true;
    if (is_one_of(node, {"html", "body", "main", "article"})) return false;
    if (is_element(node, "form")) return !wraps_page(node, page_chars);
    return looks_like_banner(node);
}

void prune(xmlNode* node, std::size_t page_chars) {
    xmlNode* child = node->children;
    while (child != nullptr) {
        xmlNode* next = child->next;
        if (child->type == XML_COMMENT_NODE ||
            (child->type == XML_ELEMENT_NODE && always_dropped(child, page_chars))) {
            xmlUnlinkNode(child);
            xmlFreeNode(child);
        } else {
            prune(child, page_chars);
        }
        child = next;
    }
}

// ---------------------------------------------------------------------------------------------
// Choosing the content.

struct Content {
    std::vector<const xmlNode*> nodes;  // in document order
    // True when the content is the page itself (body or html): the page's own header and
    // footer are then not part of it.
    bool page_level = false;
};

xmlNode* first_element(xmlNode* root, std::string_view name) {
    xmlNode* found = nullptr;
    html::for_each_element(root, [&](xmlNode* node) {
        if (found == nullptr && is_element(node, name)) found = node;
    });
    return found;
}

// The <article> with the most text; teaser cards of other stories are articles too.
std::optional<Content> article_content(xmlNode* root) {
    const xmlNode* best = nullptr;
    std::size_t best_chars = 0;
    html::for_each_element(root, [&](xmlNode* node) {
        if (!is_element(node, "article")) return;
        const std::size_t chars = stats_of(node).chars;
        if (chars > best_chars) {
            best = node;
            best_chars = chars;
        }
    });
    if (best == nullptr) return std::nullopt;
    return Content{{best}, false};
}

bool is_candidate(const xmlNode* node) {
    return is_one_of(node, {"div", "section", "main", "article", "td", "body", "center"});
}

bool is_paragraph_like(const xmlNode* node) {
    return is_one_of(node, {"p", "pre", "blockquote", "ul", "ol", "dl"});
}

// The text a block holds itself: its paragraphs, lists and loose text, not that of nested
// blocks (which are candidates of their own), less the link text among it.
double score_of(const xmlNode* node) {
    TextStats stats;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        const bool own_text = child->type == XML_TEXT_NODE ||
                              (child->type == XML_ELEMENT_NODE &&
                               (is_paragraph_like(child) || !html::is_block(child)));
        if (own_text) stats += stats_of(child);
    }
    const double score = static_cast<double>(stats.plain());
    return is_comment_section(node) ? score * kCommentWeight : score;
}

bool is_heading(const xmlNode* node) {
    return is_one_of(node, {"h1", "h2", "h3", "h4", "h5", "h6"});
}

// A sibling of the best block continues the story when its own text comes close enough to
// the best block's: the story's further blocks and paragraphs do, a copyright line does not.
bool continues_content(const xmlNode* sibling, double best_score) {
    if (sibling->type != XML_ELEMENT_NODE || is_comment_section(sibling)) return false;
    const double needed = kJoinShare * best_score;
    if (is_candidate(sibling)) return score_of(sibling) >= needed;
    if (!is_paragraph_like(sibling)) return false;
    const TextStats stats = stats_of(sibling);
    return stats.link_density() < kMaxLinkDensity && static_cast<double>(stats.plain()) >= needed;
}

// The best block and the siblings that continue it; a heading between two of those is the
// story's subheading.
std::vector<const xmlNode*> joined_siblings(const xmlNode* best, double best_score) {
    std::vector<const xmlNode*> siblings;
    std::vector<bool> joined;
    for (const xmlNode* node = best->parent->children; node != nullptr; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        siblings.push_back(node);
        joined.push_back(node == best || continues_content(node, best_score));
    }
    std::vector<const xmlNode*> content;
    bool seen_joined = false;
    for (std::size_t i = 0; i < siblings.size(); ++i) {
        if (joined[i]) {
            seen_joined = true;
            content.push_back(siblings[i]);
        } else if (seen_joined && is_heading(siblings[i])) {
            std::size_t next = i + 1;
            while (next < siblings.size() && is_heading(siblings[next])) ++next;
            if (next < siblings.size() && joined[next]) content.push_back(siblings[i]);
        }
    }
    return content;
}

Content density_content(xmlNode* root) {
    const xmlNode* best = nullptr;
    double best_score = 0;
    html::for_each_element(root, [&](xmlNode* node) {
        if (!is_candidate(node) || has_ancestor(node, {"header", "footer"})) return;
        const double score = score_of(node);
        if (score > best_score) {
            best = node;
            best_score = score;
        }
    });
    if (best == nullptr) return Content{{root}, true};
    if (best->parent == nullptr || is_one_of(best, {"body", "html"})) return Content{{best}, true};
    return Content{joined_siblings(best, best_score), false};
}

// Inside the content: the page's own header and footer (when the content is the whole page),
// comment sections, and blocks of links.
bool skipped_in(const xmlNode* node, const Content& content) {
    if (std::find(content.nodes.begin(), content.nodes.end(), node) != content.nodes.end()) {
        return false;
    }
    if (content.page_level && is_one_of(node, {"header", "footer"}) &&
        !has_ancestor(node, {"article", "section", "main"})) {
        return true;
    }
    if (is_comment_section(node)) return true;
    if (!html::is_block(node) || is_element(node, "p") || is_heading(node)) return false;
    return stats_of(node).link_density() > kMaxLinkDensity;
}

std::string body_text(const Content& content) {
    const html::Skip skip = [&](const xmlNode* node) { return skipped_in(node, content); };
    std::string text;
    for (const xmlNode* node : content.nodes) {
        std::string part = html::text_of(node, skip);
        if (part.empty()) continue;
        if (!text.empty()) text += "\n\n";
        text += part;
    }
    return text;
}

const xmlNode* first_time(const xmlNode* node) {
    if (is_element(node, "time") && !trim(attribute(node, "datetime")).empty()) return node;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (const xmlNode* found = first_time(child)) return found;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Filling the article.

struct Page {
    xmlNode* root;
    PageInfo info;
    std::optional<LinkedData> linked;
    Content content;
};

std::string meta_value(const Page& page, std::initializer_list<std::string_view> keys) {
    const MetaTag* tag = page.info.first(keys);
    return tag == nullptr ? std::string() : tag->value;
}

void set_title(Article& article, const Page& page) {
    set_single(article, Field::title, meta_value(page, {"og:title"}));
    set_single(article, Field::title, page.info.title);
    if (const xmlNode* h1 = first_element(page.root, "h1")) {
        set_single(article, Field::title, html::text_of(h1));
    }
    if (page.linked) set_single(article, Field::title, page.linked->headline);
}

struct DateText {
    std::string text;
    std::size_t line;
};

// Every stated date in order of trust; the first that parses is the article's date.
std::vector<DateText> date_candidates(const Page& page) {
    std::vector<DateText> dates;
    if (const MetaTag* tag = page.info.first({"article:published_time"})) {
        dates.push_back({tag->value, tag->line});
    }
    const xmlNode* time = nullptr;
    for (const xmlNode* node : page.content.nodes) {
        if (time == nullptr) time = first_time(node);
    }
    if (time == nullptr) time = first_time(page.root);
    if (time != nullptr) dates.push_back({attribute(time, "datetime"), line_of(time)});
    if (page.linked && !trim(page.linked->date_published).empty()) {
        dates.push_back({page.linked->date_published, page.linked->line});
    }
    if (const MetaTag* tag = page.info.first({"date", "pubdate", "dc.date", "dc.date.issued"})) {
        dates.push_back({tag->value, tag->line});
    }
    return dates;
}

void set_date(Article& article, const Page& page, std::string_view file, Diagnostics& diag) {
    const auto dates = date_candidates(page);
    if (dates.empty()) return;
    auto chosen = std::find_if(dates.begin(), dates.end(),
                               [](const DateText& date) { return parse_date(date.text).has_value(); });
    // None readable: the most trusted one is the one worth a warning.
    if (chosen == dates.end()) chosen = dates.begin();
    set_date_text(article, chosen->text, {file, chosen->line}, diag);
}

// Author names as pages write them: "By Ann Lee, Bo Chan"; article:author is often the URL
// of a profile page, which is no name. JSON-LD names one person an item, so its items are
// not split on commas ("Lee, Ann").
std::vector<std::string> author_names(const std::vector<std::string>& values, bool split) {
    std::vector<std::string> names;
    for (const auto& value : values) {
        std::string_view text = trim(value);
        if (looks_like_url(text)) continue;
        if (text.size() > 3 && lower(text.substr(0, 3)) == "by ") text.remove_prefix(3);
        if (!split) {
            names.emplace_back(text);
            continue;
        }
        for (auto& name : split_list(text)) names.push_back(std::move(name));
    }
    return names;
}

void set_authors(Article& article, const Page& page) {
    add_items(article, Field::authors, author_names(page.info.all({"author"}), true));
    if (article.authors.empty()) {
        add_items(article, Field::authors, author_names(page.info.all({"article:author"}), true));
    }
    if (article.authors.empty() && page.linked) {
        add_items(article, Field::authors, author_names(page.linked->authors, false));
    }
}

void set_topics(Article& article, const Page& page) {
    for (const auto& value : page.info.all({"article:tag", "keywords", "news_keywords"})) {
        add_items(article, Field::topics, split_list(value));
    }
    if (article.topics.empty() && page.linked) {
        add_items(article, Field::topics, page.linked->keywords);
    }
}

// "Plant opens – Copperline Times": the <title> of many pages ends with the site's name, which
// is the source, not part of the headline.
void strip_site_suffix(Article& article) {
    if (article.source.empty()) return;
    for (std::string_view sep : {" – ", " — ", " - ", " | ", " · ", " :: ", " : "}) {
        const std::string suffix = std::string(sep) + article.source;
        if (article.title.size() > suffix.size() && article.title.ends_with(suffix)) {
            article.title.resize(article.title.size() - suffix.size());
            return;
        }
    }
}

void set_metadata(Article& article, const Page& page) {
    set_single(article, Field::source, meta_value(page, {"og:site_name"}));
    set_single(article, Field::url, page.info.canonical);
    set_single(article, Field::url, meta_value(page, {"og:url"}));
    set_single(article, Field::language, page.info.language);
    if (page.linked) {
        set_single(article, Field::source, page.linked->publisher);
        set_single(article, Field::url, page.linked->url);
        set_single(article, Field::language, page.linked->language);
    }
    set_authors(article, page);
    set_topics(article, page);
    strip_site_suffix(article);
}

void set_body(Article& article, const Page& page) {
    set_single(article, Field::body, body_text(page.content));
    // The description stands in only for a page whose text could not be found.
    set_single(article, Field::description, meta_value(page, {"og:description", "description"}));
    if (page.linked) set_single(article, Field::description, page.linked->description);
}

Article read_page(xmlDoc* doc, std::string_view file, Diagnostics& diag) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root == nullptr) return {};
    Page page{root, read_page_info(root), std::nullopt, {}};
    page.linked = read_linked_data(page.info.linked_data);
    prune(root, stats_of(root).chars);
    xmlNode* body = first_element(root, "body");
    xmlNode* scope = body != nullptr ? body : root;
    auto article_nodes = article_content(scope);
    page.content = article_nodes ? std::move(*article_nodes) : density_content(scope);

    Article article;
    set_title(article, page);
    set_body(article, page);
    set_date(article, page, file, diag);
    set_metadata(article, page);
    return article;
}

}  // namespace

void HtmlReader::read(std::string_view text, std::string_view file, const ArticleSink& sink,
                      Diagnostics& diag) const {
    const auto doc = html::parse(text);
    Article article = doc ? read_page(doc.get(), file, diag) : Article{};
    if (article.title.empty() && article.body.empty()) {
        diag.warn({file}, "page has no text");
        return;
    }
    sink(std::move(article), 0);
}

}  // namespace newsdex
