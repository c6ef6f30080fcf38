#include "readers/record_stream.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "util/ascii.h"

namespace newsdex {

namespace {

constexpr std::size_t kBlockSize = 1 << 20;

bool is_json_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

char lower_byte(int c) { return ascii_lower(static_cast<char>(c)); }

// Appends a byte of a record unless the record has gone over its cap; from then on only its
// size is counted, and what was kept is given back.
void keep(RawRecord* record, int c, std::size_t cap) {
    if (record == nullptr) return;
    ++record->size;
    if (record->over_cap) return;
    if (record->bytes.size() < cap) {
        record->bytes.push_back(static_cast<char>(c));
    } else {
        record->over_cap = true;
        std::string().swap(record->bytes);
    }
}

// A run of records that reached its cap ends after its last whole record (`last_end` bytes;
// the rest goes back to the cursor), or, when it holds none, is cut there.
void end_run_at_cap(StreamCursor& cursor, RawRecord& run, std::size_t last_end) {
    if (last_end != 0) {
        cursor.unget(std::string_view(run.bytes).substr(last_end));
        run.bytes.resize(last_end);
    } else {
        run.over_cap = true;
    }
}

}  // namespace

bool StreamCursor::refill() {
    // The head a file was sniffed by can be large; a block's worth is all that is kept after it.
    if (buffer_.capacity() > 2 * kBlockSize) std::string().swap(buffer_);
    buffer_.resize(kBlockSize);
    const std::size_t n = rest_.read(buffer_.data(), kBlockSize);
    buffer_.resize(n);
    position_ = 0;
    return n != 0;
}

void StreamCursor::unget(std::string_view bytes) {
    buffer_ = std::string(bytes) + buffer_.substr(position_);
    position_ = 0;
    line_ -= static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
}

std::optional<RawRecord> next_json_line(StreamCursor& cursor, std::size_t cap) {
    while (cursor.peek() >= 0) {
        RawRecord record;
        record.line = cursor.line();
        bool blank = true;
        for (int c = cursor.get(); c >= 0 && c != '\n'; c = cursor.get()) {
            if (!is_json_space(c)) blank = false;
            keep(&record, c, cap);
        }
        if (blank) continue;
        if (!record.bytes.empty() && record.bytes.back() == '\r') record.bytes.pop_back();
        return record;
    }
    return std::nullopt;
}

std::nullopt_t JsonArraySplitter::fail(std::string message) {
    error_ = std::move(message);
    error_line_ = cursor_.line();
    state_ = State::done;
    return std::nullopt;
}

void JsonArraySplitter::skip_space() {
    while (is_json_space(cursor_.peek())) cursor_.get();
}

// Scans one JSON value from the cursor, appending its bytes to `out` (when given) within the
// cap. Only enough of the grammar to find the value's end: strings (with escapes), brackets
// and scalars. Whether the value is valid JSON is for the record's parser to say.
bool JsonArraySplitter::value(RawRecord* out) {
    std::size_t depth = 0;
    for (;;) {
        int c = cursor_.get();
        if (c < 0) {
            fail("the file ends inside a record");
            return false;
        }
        keep(out, c, cap_);
        if (c == '"') {
            for (;;) {
                c = cursor_.get();
                if (c < 0) {
                    fail("the file ends inside a string");
                    return false;
                }
                keep(out, c, cap_);
                if (c == '"') break;
                if (c == '\\') {
                    c = cursor_.get();
                    if (c < 0) {
                        fail("the file ends inside a string");
                        return false;
                    }
                    keep(out, c, cap_);
                }
            }
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxDepth) {
                fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
                return false;
            }
        } else if (c == '}' || c == ']') {
            if (depth == 0) {
                fail(std::string("unexpected '") + static_cast<char>(c) + "'");
                return false;
            }
            --depth;
        } else if (depth == 0) {
            // A scalar: up to the next delimiter.
            for (int n = cursor_.peek(); n >= 0 && n != ',' && n != ']' && n != '}' && !is_json_space(n);
                 n = cursor_.peek()) {
                keep(out, cursor_.get(), cap_);
            }
        }
        if (depth == 0) return true;
    }
}

bool JsonArraySplitter::open_array() {
    if (cursor_.peek() == 0xEF) {  // a UTF-8 byte-order mark
        for (int i = 0; i < 3; ++i) cursor_.get();
    }
    skip_space();
    const int first = cursor_.get();
    if (first == '[') return true;
    if (first != '{') {
        fail("expected an array of records or an object holding one");
        return false;
    }
    for (;;) {
        skip_space();
        if (cursor_.peek() != '"') {
            fail(cursor_.peek() == '}' ? "no member of the object is an array of records"
                                       : "expected a member name");
            return false;
        }
        if (!value(nullptr)) return false;
        skip_space();
        if (cursor_.get() != ':') {
            fail("expected ':' after a member name");
            return false;
        }
        skip_space();
        if (cursor_.peek() == '[') {
            cursor_.get();
            skip_space();
            if (cursor_.peek() == '{') return true;
            // An array of something else: passed over element by element.
            while (cursor_.peek() != ']') {
                if (cursor_.peek() < 0) {
                    fail("the file ends inside an array");
                    return false;
                }
                if (!value(nullptr)) return false;
                skip_space();
                if (cursor_.peek() == ',') cursor_.get();
                skip_space();
            }
            cursor_.get();
        } else if (!value(nullptr)) {
            return false;
        }
        skip_space();
        const int next = cursor_.get();
        if (next == '}') {
            fail("no member of the object is an array of records");
            return false;
        }
        if (next != ',') {
            fail("expected ',' or '}' between members");
            return false;
        }
    }
}

std::optional<RawRecord> JsonArraySplitter::next() {
    if (state_ == State::done) return std::nullopt;
    bool first = false;
    if (state_ == State::start) {
        if (!open_array()) return std::nullopt;
        state_ = State::in_array;
        first = true;
    }
    skip_space();
    if (first) {
        if (cursor_.peek() == ']') {
            state_ = State::done;
            return std::nullopt;
        }
    } else {
        const int c = cursor_.get();
        if (c == ']') {
            state_ = State::done;
            return std::nullopt;
        }
        if (c != ',') return fail(c < 0 ? "the file ends inside the array" : "expected ',' or ']' between records");
        skip_space();
    }
    RawRecord record;
    record.line = cursor_.line();
    if (!value(&record)) return std::nullopt;
    return record;
}

std::optional<RawRecord> next_sgml_run(StreamCursor& cursor, std::string_view close_tag, std::size_t target,
                                       std::size_t cap) {
    if (cursor.peek() < 0) return std::nullopt;
    RawRecord run;
    run.line = cursor.line();
    std::size_t matched = 0;
    std::size_t last_end = 0;  // after the last closing tag in the run
    for (int c = cursor.get(); c >= 0; c = cursor.get()) {
        run.bytes.push_back(static_cast<char>(c));
        if (lower_byte(c) == ascii_lower(close_tag[matched])) {
            if (++matched == close_tag.size()) {
                matched = 0;
                last_end = run.bytes.size();
                if (run.bytes.size() >= target) break;
            }
        } else {
            matched = c == '<' ? 1 : 0;  // a tag's '<' appears nowhere else in it
        }
        if (run.bytes.size() >= cap) {
            end_run_at_cap(cursor, run, last_end);
            break;
        }
    }
    run.size = run.bytes.size();
    return run;
}

namespace {

bool is_name_end(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/'; }

// The end tags that close what `head` leaves open, innermost first.
std::string closers_of(std::string_view head) {
    std::vector<std::string> open;
    std::size_t i = 0;
    auto skip_past = [&](std::string_view end) {
        const auto at = head.find(end, i);
        i = at == std::string_view::npos ? head.size() : at + end.size();
    };
    while ((i = head.find('<', i)) != std::string_view::npos) {
        const std::string_view rest = head.substr(i);
        if (rest.starts_with("<?")) {
            skip_past("?>");
        } else if (rest.starts_with("<!--")) {
            skip_past("-->");
        } else if (rest.starts_with("<![CDATA[")) {
            skip_past("]]>");
        } else if (rest.starts_with("<!")) {
            skip_past(">");
        } else if (rest.starts_with("</")) {
            std::size_t end = 2;
            while (end < rest.size() && !is_name_end(rest[end])) ++end;
            const std::string name(rest.substr(2, end - 2));
            for (auto it = open.rbegin(); it != open.rend(); ++it) {
                if (*it == name) {
                    open.erase(std::prev(it.base()), open.end());
                    break;
                }
            }
            skip_past(">");
        } else {
            std::size_t end = 1;
            while (end < rest.size() && !is_name_end(rest[end])) ++end;
            const std::string name(rest.substr(1, end - 1));
            // The tag's end, past quoted attribute values (which may hold '>').
            char quote = 0;
            std::size_t j = end;
            for (; j < rest.size(); ++j) {
                if (quote != 0) {
                    if (rest[j] == quote) quote = 0;
                } else if (rest[j] == '"' || rest[j] == '\'') {
                    quote = rest[j];
                } else if (rest[j] == '>') {
                    break;
                }
            }
            if (j < rest.size() && !(j > 0 && rest[j - 1] == '/') && !name.empty()) open.push_back(name);
            i += j + 1;
        }
    }
    std::string closers;
    for (auto it = open.rbegin(); it != open.rend(); ++it) closers += "</" + *it + ">";
    return closers;
}

// True when `text` ends with "<NAME" and one character that ends a name.
bool ends_with_start_tag(std::string_view text, std::string_view name) {
    return text.size() >= name.size() + 2 && is_name_end(text.back()) &&
           text.substr(text.size() - name.size() - 2, name.size() + 1) == "<" + std::string(name);
}

}  // namespace

std::size_t first_feed_item(std::string_view text) {
    for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
        for (const std::string_view name : {std::string_view("item"), std::string_view("entry")}) {
            if (text.substr(i + 1, name.size()) == name && i + 1 + name.size() < text.size() &&
                is_name_end(text[i + 1 + name.size()])) {
                return i;
            }
        }
    }
    return std::string_view::npos;
}

bool XmlFeedSplitter::read_head() {
    for (int c = cursor_.get(); c >= 0; c = cursor_.get()) {
        head_.push_back(static_cast<char>(c));
        for (const std::string_view name : {std::string_view("item"), std::string_view("entry")}) {
            if (ends_with_start_tag(head_, name)) {
                const std::size_t tag = name.size() + 2;
                cursor_.unget(std::string_view(head_).substr(head_.size() - tag));
                head_.resize(head_.size() - tag);
                closers_ = closers_of(head_);
                return true;
            }
        }
        if (head_.size() > cap_) break;
    }
    error_ = "no <item> or <entry> in its first " + std::to_string(cap_) + " bytes";
    return false;
}

std::optional<RawRecord> XmlFeedSplitter::next(std::size_t target, bool& last) {
    // The layout between items is not part of a run, so that a run begins with its first item
    // and its lines map onto the file's by where that item is.
    while (cursor_.peek() == ' ' || cursor_.peek() == '\t' || cursor_.peek() == '\r' || cursor_.peek() == '\n') cursor_.get();
    if (cursor_.peek() < 0) return std::nullopt;
    RawRecord run;
    run.line = cursor_.line();
    std::size_t last_end = 0;
    for (int c = cursor_.get(); c >= 0; c = cursor_.get()) {
        run.bytes.push_back(static_cast<char>(c));
        if (c == '>' && (run.bytes.ends_with("</item>") || run.bytes.ends_with("</entry>"))) {
            last_end = run.bytes.size();
            if (run.bytes.size() >= target) break;
        }
        if (run.bytes.size() >= cap_) {
            end_run_at_cap(cursor_, run, last_end);
            break;
        }
    }
    run.size = run.bytes.size();
    last = cursor_.peek() < 0;
    return run;
}

}  // namespace newsdex
