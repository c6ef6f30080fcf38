// Cuts a file that is too large to hold whole into its records as its bytes stream in, so a
// JSON array, a JSON Lines file, or a TREC or Reuters SGML collection of any size is read with
// a buffer of bounded size. Only the structure is found here (where a record begins and ends);
// each record's bytes then go to its format's reader (Reader::read_records) as they would
// inside a small file. Bytes are undecoded: the delimiters looked for are ASCII, which every
// charset this applies to (UTF-8 and the 8-bit ones) keeps as is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "readers/archive_source.h"

namespace newsdex {

// Bytes of a stream, one at a time, with the line they are on. Starts with bytes already read
// (the head a format was chosen by), then pulls the stream a block at a time.
class StreamCursor {
public:
    StreamCursor(std::string already_read, ByteStream& rest) : buffer_(std::move(already_read)), rest_(rest) {}

    // The next byte without taking it, or -1 at the end. Throws what the stream throws.
    int peek() {
        if (position_ == buffer_.size() && !refill()) return -1;
        return static_cast<unsigned char>(buffer_[position_]);
    }
    // The next byte, or -1 at the end.
    int get() {
        const int c = peek();
        if (c >= 0) {
            ++position_;
            if (c == '\n') ++line_;
        }
        return c;
    }
    // The line (1-based) of the next byte.
    std::size_t line() const { return line_; }
    // Puts bytes just taken back in front of the rest.
    void unget(std::string_view bytes);

private:
    std::string buffer_;
    std::size_t position_ = 0;
    ByteStream& rest_;
    std::size_t line_ = 1;

    bool refill();
};

// One record's bytes and where it began. `size` is its whole length; when that is over the cap
// the record was passed over and `bytes` holds nothing (a cut JSON record is no JSON).
struct RawRecord {
    std::string bytes;
    std::size_t line = 0;
    std::size_t size = 0;
    bool over_cap = false;
};

// JSON Lines: the next non-blank line (without its line break), or nullopt at the end.
std::optional<RawRecord> next_json_line(StreamCursor& cursor, std::size_t cap);

// A JSON array of records, or an object wrapping one ({"articles": [...]}: the first member
// whose value is an array beginning with an object). Each next() gives one element's bytes.
class JsonArraySplitter {
public:
    // Nesting deeper than this is refused (readers must never recurse without bound).
    static constexpr std::size_t kMaxDepth = 256;

    JsonArraySplitter(StreamCursor& cursor, std::size_t cap) : cursor_(cursor), cap_(cap) {}

    // The next element, or nullopt at the end of the array or after an error (then error()
    // says what and error_line() where; the records before it stand).
    std::optional<RawRecord> next();
    const std::string& error() const { return error_; }
    std::size_t error_line() const { return error_line_; }

private:
    enum class State { start, in_array, done };
    StreamCursor& cursor_;
    std::size_t cap_;
    State state_ = State::start;
    std::string error_;
    std::size_t error_line_ = 0;

    bool open_array();
    bool value(RawRecord* out);
    void skip_space();
    std::nullopt_t fail(std::string message);
};

// The next run of whole SGML records ending with `close_tag` (matched without regard to case):
// cut after the first closing tag at or past `target` bytes (or at the end of the stream). A run
// that reaches `cap` bytes is cut after its last closing tag, or, when it holds none (one record
// larger than the cap), at `cap` itself, and the reader reports the record it cut as unclosed.
// nullopt at the end.
std::optional<RawRecord> next_sgml_run(StreamCursor& cursor, std::string_view close_tag, std::size_t target,
                                       std::size_t cap);

// An RSS or Atom feed, cut into runs of whole items (<item>…</item>, <entry>…</entry>). Each run
// is made a document of its own by the reader: the feed's head (everything before the first
// item: the channel's title and language), the run, and the end tags that close what the head
// opened (closers()), except for the last run, which has the file's own.
class XmlFeedSplitter {
public:
    XmlFeedSplitter(StreamCursor& cursor, std::size_t cap) : cursor_(cursor), cap_(cap) {}

    // Reads the head; false (with error()) when no item or entry begins within the cap.
    bool read_head();
    const std::string& head() const { return head_; }
    const std::string& closers() const { return closers_; }

    // The next run of items of at least `target` bytes (cut after an item's end tag; at the
    // cap after the last one, or, with none, at the cap), or nullopt at the end. `last` is set
    // when the run reaches the end of the file.
    std::optional<RawRecord> next(std::size_t target, bool& last);
    const std::string& error() const { return error_; }

private:
    StreamCursor& cursor_;
    std::size_t cap_;
    std::string head_;
    std::string closers_;
    std::string error_;
};

// Where an RSS or Atom feed's first <item> or <entry> start tag begins in `text`, or npos.
std::size_t first_feed_item(std::string_view text);

}  // namespace newsdex
