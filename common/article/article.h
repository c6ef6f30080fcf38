// One news article as the readers produce it and the index stores it.
// Readers fill what their format carries; the indexer fills `id` defaults and `path`.
// All strings are valid UTF-8 (the file loader repairs input before any reader sees it).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "article/date.h"

namespace newsdex {

struct Article {
    std::string id;       // the record's own id field, exact; empty when it has none
    std::string title;
    std::string body;
    std::optional<ArticleDate> date;
    std::string source;
    std::vector<std::string> authors;
    std::string url;
    std::string language;  // as the record states it (e.g. "en", "German"); empty when unknown
    std::vector<std::string> topics;
    std::vector<std::string> places;
    std::vector<std::string> organisations;

    // Set by the indexer, not by readers: the file relative to the indexed root,
    // plus "#n" (1-based) for the n-th record of a multi-article file.
    std::string path;

    // True when the record has no text and no metadata at all: such records are not articles.
    bool empty() const {
        return id.empty() && title.empty() && body.empty() && !date && source.empty() &&
               authors.empty() && url.empty() && language.empty() && topics.empty() &&
               places.empty() && organisations.empty();
    }
};

}  // namespace newsdex
