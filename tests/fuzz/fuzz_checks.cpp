#include "fuzz_checks.h"

namespace newsdex::fuzz {

void require(bool holds, std::string_view message) {
    if (!holds) throw Violation{std::string(message)};
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t cp = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            length = 2;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            length = 3;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            length = 4;
            cp = b & 0x07;
        } else {
            return false;
        }
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        // The smallest code point each length may carry: anything less is an overlong form.
        constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}

bool on_code_point_boundary(std::string_view text, std::size_t offset) {
    if (offset == text.size()) return true;
    if (offset > text.size()) return false;
    return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

namespace {

void check_field(std::string_view value, std::string_view name) {
    if (!is_valid_utf8(value)) throw Violation{"article field " + std::string(name) + " is not valid UTF-8"};
}

void check_list(const std::vector<std::string>& values, std::string_view name) {
    for (const auto& value : values) check_field(value, name);
}

}  // namespace

ArticleSink collect(Records& records) {
    return [&records](Article&& article, std::size_t record) { records.emplace_back(std::move(article), record); };
}

void check_records(const Records& records) {
    std::size_t previous = 0;
    for (const auto& [article, record] : records) {
        require(!article.empty(), "an empty() article reached the sink");
        check_field(article.id, "id");
        check_field(article.title, "title");
        check_field(article.body, "body");
        check_field(article.source, "source");
        check_field(article.url, "url");
        check_field(article.language, "language");
        check_field(article.path, "path");
        check_list(article.authors, "authors");
        check_list(article.topics, "topics");
        check_list(article.places, "places");
        check_list(article.organisations, "organisations");
        if (record == 0) {
            require(records.size() == 1, "record 0 in a file of several articles");
        } else {
            require(record > previous, "record numbers do not rise in file order");
            previous = record;
        }
    }
}

void check_warnings(std::string_view printed) {
    require(is_valid_utf8(printed), "a warning is not valid UTF-8");
    for (const char c : printed) {
        const auto b = static_cast<unsigned char>(c);
        require(c == '\n' || (b >= 0x20 && b != 0x7F), "a warning holds a control character");
    }
}

}  // namespace newsdex::fuzz
