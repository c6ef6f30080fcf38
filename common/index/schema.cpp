#include "index/schema.h"
#include "util/hash.h"

#include <array>
#include <cstdint>
#include <utility>

#include "util/errors.h"
#include "util/varint.h"

namespace newsdex::schema {

const std::vector<Field>& fields() {
    static const std::vector<Field> table = {
        {"title", kTitle, FieldKind::free_text},
        {"source", kSource, FieldKind::boolean},
        {"author", kAuthor, FieldKind::boolean},
        {"topic", kTopic, FieldKind::boolean},
        {"place", kPlace, FieldKind::boolean},
        {"org", kOrganisation, FieldKind::boolean},
        {"lang", kLanguage, FieldKind::boolean},
        {"id", kId, FieldKind::boolean},
    };
    return table;
}

const Field* find_field(std::string_view name) {
    for (const auto& field : fields()) {
        if (field.name == name) return &field;
    }
    return nullptr;
}

namespace {


std::string hex(std::uint64_t v) {
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) out[i] = digits[v & 0xF];
    return out;
}

// Eight bytes of `value`, most significant first, written at out[at]: keys compared as bytes
// then order as the numbers do.
void put_big_endian(std::string& out, std::size_t at, std::uint64_t value) {
    for (std::size_t i = 8; i-- > 0; value >>= 8) out[at + i] = static_cast<char>(value & 0xFF);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

std::string root_id(const std::string& absolute_root) { return hex(fnv1a(absolute_root)); }

std::string file_key(std::string_view root_id, std::string_view relative_path) {
    std::string key(root_id);
    key += ':';
    key += relative_path;
    return key;
}

std::string unique_term(std::string_view file_path, std::string_view id) {
    std::string term(kUniqueKey);
    term += file_path;
    term += '\x1f';
    term += id;
    constexpr std::size_t kMax = 240;  // Xapian refuses terms over 245 bytes
    if (term.size() > kMax) {
        const std::string digest = hex(fnv1a(term));
        term.resize(kMax - digest.size() - 1);
        term += '~';
        term += digest;
    }
    return term;
}

std::string article_key(std::string_view file_key, std::string_view article_path, std::string_view id) {
    // The root's id is the part of the file key up to its first ':' (ids are hex digits).
    const auto colon = file_key.find(':');
    std::string scoped(colon == std::string_view::npos ? std::string_view{} : file_key.substr(0, colon + 1));
    scoped += article_path;
    return unique_term(scoped, id);
}

std::string join_values(const std::vector<std::string>& values) {
    std::string joined;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) joined += kValueSeparator;
        joined += values[i];
    }
    return joined;
}

std::vector<std::string_view> split_values(std::string_view slot) {
    std::vector<std::string_view> values;
    if (slot.empty()) return values;
    for (std::size_t start = 0;;) {
        const std::size_t end = slot.find(kValueSeparator, start);
        values.push_back(slot.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return values;
        start = end + 1;
    }
}

std::string date_label(const ArticleDate& date) {
    const CivilDate day = civil_from_unix(date.unix_seconds);
    const auto two_digits = [](unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    std::string label = std::to_string(day.year);
    if (date.precision == DatePrecision::year) return label;
    label += '-' + two_digits(day.month);
    if (date.precision == DatePrecision::month) return label;
    return label + '-' + two_digits(day.day);
}

std::string date_sort_key(std::optional<std::int64_t> unix_seconds, bool newest_first) {
    if (!unix_seconds) return std::string(1, '\x01');
    std::uint64_t bits = static_cast<std::uint64_t>(*unix_seconds) ^ (std::uint64_t{1} << 63);
    if (newest_first) bits = ~bits;
    std::string key(9, '\0');
    put_big_endian(key, 1, bits);
    return key;
}

std::string canonical_language(std::string_view language) {
    std::string lang = lower_ascii(language);
    while (!lang.empty() && lang.back() == ' ') lang.pop_back();
    while (!lang.empty() && lang.front() == ' ') lang.erase(0, 1);
    const auto sep = lang.find_first_of("-_");
    if (sep != std::string::npos && sep >= 2 && sep <= 3) lang.resize(sep);
    static const std::array<std::pair<std::string_view, std::string_view>, 24> names = {{
        {"english", "en"}, {"german", "de"}, {"deutsch", "de"}, {"french", "fr"},
        {"français", "fr"}, {"francais", "fr"}, {"russian", "ru"}, {"русский", "ru"},
        {"chinese", "zh"}, {"中文", "zh"}, {"japanese", "ja"}, {"日本語", "ja"},
        {"spanish", "es"}, {"español", "es"}, {"italian", "it"}, {"portuguese", "pt"},
        {"dutch", "nl"}, {"swedish", "sv"}, {"arabic", "ar"}, {"turkish", "tr"},
        {"korean", "ko"}, {"polish", "pl"}, {"ukrainian", "uk"}, {"greek", "el"},
    }};
    for (const auto& [name, code] : names) {
        if (lang == name) return std::string(code);
    }
    return lang;
}

// ---- stored data ----------------------------------------------------------------------------
// Layout: format byte, then each field as a varint length and its bytes; lists as a varint
// count and their items; the date as a precision byte (0 = none) and 8 bytes little-endian.

namespace {

constexpr char kDataFormat = 1;

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out += s;
}

void put_list(std::string& out, const std::vector<std::string>& list) {
    put_varint(out, list.size());
    for (const auto& item : list) put_string(out, item);
}

class DataReader {
public:
    explicit DataReader(std::string_view data) : data_(data) {}

    std::uint64_t varint() {
        std::string_view rest = data_.substr(pos_);
        std::uint64_t v = 0;
        if (!read_varint(rest, v)) damaged();
        pos_ = data_.size() - rest.size();
        return v;
    }
    std::string string() {
        const std::uint64_t n = varint();
        if (n > data_.size() - pos_) damaged();
        std::string s(data_.substr(pos_, n));
        pos_ += n;
        return s;
    }
    std::vector<std::string> list() {
        const std::uint64_t n = varint();
        if (n > data_.size() - pos_) damaged();
        std::vector<std::string> items;
        items.reserve(n);
        for (std::uint64_t i = 0; i < n; ++i) items.push_back(string());
        return items;
    }
    char next() {
        if (pos_ >= data_.size()) damaged();
        return data_[pos_++];
    }
    bool at_end() const { return pos_ == data_.size(); }

    [[noreturn]] static void damaged() {
        throw Error("stored article data is damaged or from an incompatible version; re-index");
    }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
};

}  // namespace

std::string encode_article(const Article& a) {
    std::string out;
    out.reserve(a.body.size() + a.title.size() + 128);
    out += kDataFormat;
    put_string(out, a.id);
    put_string(out, a.path);
    put_string(out, a.title);
    if (a.date) {
        out += static_cast<char>(static_cast<int>(a.date->precision) + 1);
        auto v = static_cast<std::uint64_t>(a.date->unix_seconds);
        for (int i = 0; i < 8; ++i, v >>= 8) out += static_cast<char>(v & 0xFF);
    } else {
        out += '\0';
    }
    put_string(out, a.source);
    put_list(out, a.authors);
    put_string(out, a.url);
    put_string(out, a.language);
    put_list(out, a.topics);
    put_list(out, a.places);
    put_list(out, a.organisations);
    put_string(out, a.body);
    return out;
}

Article decode_article(std::string_view data) {
    DataReader in(data);
    if (in.next() != kDataFormat) DataReader::damaged();
    Article a;
    a.id = in.string();
    a.path = in.string();
    a.title = in.string();
    const int precision = in.next();
    if (precision < 0 || precision > 4) DataReader::damaged();
    if (precision != 0) {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in.next())) << (8 * i);
        a.date = ArticleDate{static_cast<std::int64_t>(v), static_cast<DatePrecision>(precision - 1)};
    }
    a.source = in.string();
    a.authors = in.list();
    a.url = in.string();
    a.language = in.string();
    a.topics = in.list();
    a.places = in.list();
    a.organisations = in.list();
    a.body = in.string();
    if (!in.at_end()) DataReader::damaged();
    return a;
}

std::string article_key_hash(std::string_view key) {
    std::string bytes(8, '\0');
    put_big_endian(bytes, 0, mix64(fnv1a(key)));
    return bytes;
}

std::string unique_term_of(const Xapian::Database& db, Xapian::docid doc) {
    auto it = db.termlist_begin(doc);
    it.skip_to(std::string(kUniqueKey));
    if (it != db.termlist_end(doc) && (*it).starts_with(kUniqueKey)) return *it;
    return {};
}

}  // namespace newsdex::schema
