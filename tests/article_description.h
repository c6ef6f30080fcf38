// How reader tests print an article: every non-empty field in a fixed order, lists joined
// with '|', so one string comparison per article checks all of its fields.
#pragma once

#include <string>
#include <vector>

#include "article/article.h"
#include "article/date.h"

namespace newsdex::testing {

inline std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : "|") + item;
    return out;
}

inline std::string describe(const Article& a, std::size_t record) {
    std::string out = "#" + std::to_string(record);
    auto add = [&](const char* name, const std::string& value) {
        if (!value.empty()) out += std::string(" ") + name + "=[" + value + "]";
    };
    add("id", a.id);
    add("title", a.title);
    add("body", a.body);
    add("date", a.date ? format_date(*a.date) : "");
    add("source", a.source);
    add("authors", join(a.authors));
    add("url", a.url);
    add("language", a.language);
    add("topics", join(a.topics));
    add("places", join(a.places));
    add("organisations", join(a.organisations));
    return out;
}

}  // namespace newsdex::testing
