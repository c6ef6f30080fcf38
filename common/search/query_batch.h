// A batch of queries with ids, as research runs use them: read from a query file (one query a
// line, or `qid<TAB>query`), or from a TREC topic file (<top> <num> <title> <desc>), and the
// rewriting that makes free text (a topic's words) into a query that cannot fail to parse.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct BatchQuery {
    std::string text;
    std::optional<std::string> qid;  // none for a query given on the command line
    std::string origin;              // "FILE:LINE" for a query from a file, "" otherwise
    bool plain = false;              // plain words: text already went through plain_query_text()
};

// Which part of a TREC topic is the query (--topic-field).
enum class TopicField { title, desc, title_desc };

// "title", "desc", "title+desc"; nullopt for anything else.
std::optional<TopicField> parse_topic_field(std::string_view name);

// Reads a query file. TREC topic files (the text holds a `<top>` element) give one query per
// topic: qid from <num> ("Number:" stripped), text from the chosen field(s) with their labels
// ("Topic:", "Description:") stripped, always plain. Other files give one query per line:
// `qid<TAB>query`, or a line without a tab whose qid is its line number; blank lines and
// lines starting with '#' are skipped; a CR before the line end is dropped. With `plain`
// every query is made plain. `name` is what origins and errors call the input.
std::vector<BatchQuery> read_query_batch(std::istream& in, const std::string& name, TopicField field, bool plain);

// The same from a path; "-" is standard input. Throws Error when the file cannot be read, or
// when a topic file has a topic without <num>.
std::vector<BatchQuery> read_query_file(const std::string& path, TopicField field, bool plain);

// Free text as a query of plain words: quotes, parentheses, '*', '~' and the ':' of `name:`
// become spaces, '-' and '+' before a word are dropped, and the operator words AND, OR, NOT,
// NEAR (and NEAR/N) are lower-cased so they are searched as words. Hyphens and dots inside
// words stay (20-year-old is still a phrase of its parts).
std::string plain_query_text(std::string_view text);

}  // namespace newsdex
