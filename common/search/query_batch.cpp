#include "search/query_batch.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "util/errors.h"

namespace newsdex {

namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string trimmed(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_blank(s[b])) ++b;
    while (e > b && is_blank(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

// Runs of white space (newlines of a multi-line <desc>) as one space.
std::string collapsed(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_blank(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Position of `tag` ("<num>") at or after `from`, case-insensitively; npos when absent.
std::size_t find_tag(std::string_view text, std::string_view tag, std::size_t from) {
    for (std::size_t i = text.find('<', from); i != std::string_view::npos; i = text.find('<', i + 1)) {
        if (i + tag.size() > text.size()) return std::string_view::npos;
        bool same = true;
        for (std::size_t k = 0; k < tag.size() && same; ++k) same = ascii_lower(text[i + k]) == tag[k];
        if (same) return i;
    }
    return std::string_view::npos;
}

// A topic file is one that holds a <top> element; a query file never starts a line so.
bool is_topic_file(std::string_view text) { return find_tag(text, "<top>", 0) != std::string_view::npos; }

// The text of a field: after its tag, up to the next tag of any kind (TREC topics do not close
// <num>, <title> or <desc>; newer ones may, and the closing tag ends the text just as well),
// without the label older topics repeat ("Description:").
std::string topic_field(std::string_view topic, std::string_view tag) {
    const std::size_t at = find_tag(topic, tag, 0);
    if (at == std::string_view::npos) return "";
    const std::size_t begin = at + tag.size();
    std::size_t end = topic.find('<', begin);
    if (end == std::string_view::npos) end = topic.size();
    std::string text = collapsed(topic.substr(begin, end - begin));
    static const char* const kLabels[] = {"number:", "topic:", "title:", "description:", "desc:", "narrative:"};
    for (const char* label : kLabels) {
        const std::string_view l(label);
        if (text.size() < l.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < l.size() && same; ++k) same = ascii_lower(text[k]) == l[k];
        if (same) {
            text = trimmed(std::string_view(text).substr(l.size()));
            break;
        }
    }
    return text;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
    return line;
}

std::vector<BatchQuery> read_topics(std::string_view text, const std::string& name, TopicField field) {
    std::vector<BatchQuery> queries;
    for (std::size_t at = find_tag(text, "<top>", 0); at != std::string_view::npos;) {
        const std::size_t next = find_tag(text, "<top>", at + 5);
        std::size_t end = find_tag(text, "</top>", at);
        if (end == std::string_view::npos || (next != std::string_view::npos && end > next)) {
            end = next == std::string_view::npos ? text.size() : next;
        }
        const std::string_view topic = text.substr(at, end - at);
        const std::string origin = name + ":" + std::to_string(line_of(text, at));
        std::string qid = topic_field(topic, "<num>");
        if (qid.empty()) throw Error(origin + ": topic without <num>");
        std::string words;
        if (field != TopicField::desc) words = topic_field(topic, "<title>");
        if (field != TopicField::title) {
            const std::string desc = topic_field(topic, "<desc>");
            words += (words.empty() || desc.empty() ? "" : " ") + desc;
        }
        queries.push_back({plain_query_text(words), std::move(qid), origin, true});
        at = next;
    }
    return queries;
}

std::vector<BatchQuery> read_lines(std::string_view text, const std::string& name, bool plain) {
    std::vector<BatchQuery> queries;
    std::size_t number = 0;
    for (std::size_t begin = 0; begin < text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(begin, end - begin);
        begin = end + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string content = trimmed(line);
        if (content.empty() || content[0] == '#') continue;
        BatchQuery query;
        query.origin = name + ":" + std::to_string(number);
        const std::size_t tab = line.find('\t');
        if (tab != std::string_view::npos && !trimmed(line.substr(0, tab)).empty()) {
            query.qid = trimmed(line.substr(0, tab));
            query.text = trimmed(line.substr(tab + 1));
        } else {
            query.qid = std::to_string(number);
            query.text = content;
        }
        if (plain) {
            query.text = plain_query_text(query.text);
            query.plain = true;
        }
        queries.push_back(std::move(query));
    }
    return queries;
}

}  // namespace

std::optional<TopicField> parse_topic_field(std::string_view name) {
    if (name == "title") return TopicField::title;
    if (name == "desc") return TopicField::desc;
    if (name == "title+desc") return TopicField::title_desc;
    return std::nullopt;
}

std::vector<BatchQuery> read_query_batch(std::istream& in, const std::string& name, TopicField field, bool plain) {
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error("cannot read query file " + name);
    if (is_topic_file(text)) return read_topics(text, name, field);
    return read_lines(text, name, plain);
}

std::vector<BatchQuery> read_query_file(const std::string& path, TopicField field, bool plain) {
    if (path == "-") return read_query_batch(std::cin, "(standard input)", field, plain);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read query file " + path);
    return read_query_batch(in, path, field, plain);
}

std::string plain_query_text(std::string_view text) {
    // Pass 1: characters that are syntax wherever they stand become spaces. The curly quotes
    // are the three the lexer opens or closes phrases with (U+201C, U+201D, U+201E).
    std::string spaced;
    spaced.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' || c == '(' || c == ')' || c == '*' || c == '~' || c == ':') {
            spaced += ' ';
            continue;
        }
        if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
            (text[i + 2] == '\x9C' || text[i + 2] == '\x9D' || text[i + 2] == '\x9E')) {
            spaced += ' ';
            i += 2;
            continue;
        }
        spaced += is_blank(c) ? ' ' : c;
    }
    // Pass 2, word by word: no leading '-' or '+', operator words in lower case.
    std::string out;
    std::istringstream words(spaced);
    for (std::string word; words >> word;) {
        std::size_t start = 0;
        while (start < word.size() && (word[start] == '-' || word[start] == '+')) ++start;
        word.erase(0, start);
        if (word.empty()) continue;
        if (word == "AND" || word == "OR" || word == "NOT" || word.starts_with("NEAR")) {
            for (char& ch : word) ch = ascii_lower(ch);
        }
        out += (out.empty() ? "" : " ") + word;
    }
    return out;
}

}  // namespace newsdex
