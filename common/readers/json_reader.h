// JSON articles: .json holds one article object, an array of them, or an object wrapping such
// an array (e.g. {"articles": [...]}); .jsonl / .ndjson hold one object a line. Field names
// follow what real dumps use (title/headline, body/text/content/article, ...); nested objects
// ({"source": {"name": "Reuters"}}), nulls, and lists written inside strings ("['a', 'b']")
// are accepted. JSON nested deeper than 256 levels is refused with a warning (the file, or the
// line of a JSON Lines file), never parsed.
#pragma once

#include "readers/reader.h"

namespace newsdex {

class JsonReader : public Reader {
public:
    void read(std::string_view text, std::string_view file, const ArticleSink& sink,
              Diagnostics& diag) const override;
    // `text` is one record (an element of a streamed array).
    std::size_t read_records(std::string_view text, std::string_view file, Start start,
                             const ArticleSink& sink, Diagnostics& diag) const override;
};

class JsonLinesReader : public Reader {
public:
    void read(std::string_view text, std::string_view file, const ArticleSink& sink,
              Diagnostics& diag) const override;
    // `text` is one record (an element of a streamed array).
    std::size_t read_records(std::string_view text, std::string_view file, Start start,
                             const ArticleSink& sink, Diagnostics& diag) const override;
};

}  // namespace newsdex
