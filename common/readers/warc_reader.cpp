#include "readers/warc_reader.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "article/date.h"
#include "readers/file_loader.h"
#include "util/utf8.h"

namespace newsdex {

namespace {

constexpr std::size_t kMaxHeaderLine = 64 * 1024;
constexpr std::size_t kMaxHeaderBytes = 1024 * 1024;
// A news page is far smaller; a bigger response (a video, a dump) is skipped unread.
constexpr std::size_t kMaxResponseBlock = 64 * 1024 * 1024;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string_view strip_line_break(std::string_view line) {
    if (line.ends_with('\n')) line.remove_suffix(1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line;
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

// Buffered reading over a ByteStream: lines for headers, counted bytes for blocks.
class Input {
public:
    explicit Input(ByteStream& stream) : stream_(stream), buffer_(1 << 16) {}

    // Reads through the next '\n' (kept), or `limit` bytes, or to the end. False when nothing
    // was left to read.
    bool line(std::string& out, std::size_t limit = kMaxHeaderLine) {
        out.clear();
        while (out.size() < limit && (pos_ < end_ || fill())) {
            const std::size_t want = std::min(end_ - pos_, limit - out.size());
            const char* start = buffer_.data() + pos_;
            const char* newline = static_cast<const char*>(std::memchr(start, '\n', want));
            const std::size_t n = newline != nullptr ? static_cast<std::size_t>(newline - start) + 1 : want;
            out.append(start, n);
            pos_ += n;
            if (newline != nullptr) break;
        }
        return !out.empty();
    }

    // Appends `n` bytes to `out` (or skips them when out is null); returns how many there were.
    std::size_t take(std::size_t n, std::string* out) {
        std::size_t done = 0;
        while (done < n && (pos_ < end_ || fill())) {
            const std::size_t k = std::min(end_ - pos_, n - done);
            if (out != nullptr) out->append(buffer_.data() + pos_, k);
            pos_ += k;
            done += k;
        }
        return done;
    }

    // Consumes one "\r\n" or "\n" if it comes next.
    bool skip_line_break() {
        if (!ensure(1)) return false;
        if (buffer_[pos_] == '\n') {
            ++pos_;
            return true;
        }
        if (buffer_[pos_] == '\r' && ensure(2) && buffer_[pos_ + 1] == '\n') {
            pos_ += 2;
            return true;
        }
        return false;
    }

    bool at_end() { return !ensure(1); }

private:
    ByteStream& stream_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;

    // Reads more after what is buffered; false at the end of the stream.
    bool fill() {
        if (pos_ == end_) pos_ = end_ = 0;
        if (pos_ > 0) {  // keep unread bytes at the front
            std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
            end_ -= pos_;
            pos_ = 0;
        }
        const std::size_t n = stream_.read(buffer_.data() + end_, buffer_.size() - end_);
        end_ += n;
        return n > 0;
    }

    bool ensure(std::size_t n) {
        while (end_ - pos_ < n) {
            if (!fill()) return false;
        }
        return true;
    }
};

struct Headers {
    std::vector<std::pair<std::string, std::string>> fields;  // names lower-cased

    std::string get(std::string_view name) const {
        for (const auto& [n, v] : fields) {
            if (n == name) return v;
        }
        return {};
    }

    // Adds "Name: value", or continues the previous field for a folded line. False for a line
    // that is neither.
    bool add_line(std::string_view line) {
        if ((line.starts_with(' ') || line.starts_with('\t')) && !fields.empty()) {
            std::string& value = fields.back().second;
            if (!value.empty()) value += ' ';
            value += trim(line);
            return true;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) return false;
        fields.emplace_back(lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
        return true;
    }
};

struct HttpResponse {
    int status = 0;
    Headers headers;
    std::string_view body;
};

// The status line, headers and body of an HTTP response. Header lines that make no sense are
// skipped: servers in the wild send them, and the body is what matters.
std::optional<HttpResponse> parse_http(std::string_view block) {
    HttpResponse http;
    auto next_line = [&block]() {
        const auto end = block.find('\n');
        const std::string_view line = block.substr(0, end);
        block.remove_prefix(end == std::string_view::npos ? block.size() : end + 1);
        return strip_line_break(line);
    };
    const std::string_view status_line = next_line();
    if (!status_line.starts_with("HTTP/")) return std::nullopt;
    const auto space = status_line.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view code = trim(status_line.substr(space + 1)).substr(0, 3);
    if (std::from_chars(code.data(), code.data() + code.size(), http.status).ec != std::errc{}) {
        return std::nullopt;
    }
    while (!block.empty()) {
        const std::string_view line = next_line();
        if (line.empty()) break;
        http.headers.add_line(line);
    }
    http.body = block;
    return http;
}

bool is_html_type(std::string_view content_type) {
    const std::string media = lower(trim(content_type.substr(0, content_type.find(';'))));
    return media == "text/html" || media == "application/xhtml+xml";
}

// For a response without a Content-Type: does the body start like an HTML page?
bool looks_like_html(std::string_view body) {
    const std::string head = lower(trim(body.substr(0, 512)));
    return head.starts_with("<!doctype html") || head.starts_with("<html");
}

// Undoes Transfer-Encoding: chunked ("size in hex[;ext]\r\n", data, "\r\n", ..., "0\r\n").
std::optional<std::string> dechunk(std::string_view body) {
    std::string out;
    for (;;) {
        const auto end = body.find('\n');
        if (end == std::string_view::npos) return std::nullopt;
        std::string_view size_text = body.substr(0, end);
        size_text = trim(size_text.substr(0, size_text.find(';')));
        body.remove_prefix(end + 1);
        std::size_t size = 0;
        const auto [ptr, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
        if (ec != std::errc{} || ptr != size_text.data() + size_text.size()) return std::nullopt;
        if (size == 0) return out;  // trailer fields may follow; nothing in them is needed
        if (size > body.size()) return std::nullopt;
        out.append(body.substr(0, size));
        body.remove_prefix(size);
        if (body.starts_with("\r\n")) body.remove_prefix(2);
        else if (body.starts_with('\n')) body.remove_prefix(1);
        else return std::nullopt;
    }
}

std::optional<std::size_t> parse_length(std::string_view text) {
    std::size_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

// WARC 1.0's examples put the URI in angle brackets and some writers copied them. Header
// values are raw bytes (a crawler may write an IRI in any charset), and an article's url must
// be valid UTF-8 like its other fields (article.h), so ill-formed bytes become U+FFFD.
std::string target_uri(const Headers& headers) {
    std::string uri = headers.get("warc-target-uri");
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    repair_utf8(uri);
    return uri;
}

struct RecordContext {
    std::string_view file;
    std::size_t ordinal;
    Diagnostics& diag;

    void warn(std::string_view message) const { diag.warn({file, 0, ordinal}, message); }
};

// The page bytes of an HTTP response, with transfer and content encodings undone; nullopt
// (after a warning where something was wrong) when there is no page to read.
std::optional<std::string> page_bytes(const HttpResponse& http, const RecordContext& where) {
    std::string body(http.body);
    if (lower(http.headers.get("transfer-encoding")).find("chunked") != std::string::npos) {
        auto plain = dechunk(body);
        if (!plain) {
            where.warn("broken chunked transfer encoding, page skipped");
            return std::nullopt;
        }
        body = std::move(*plain);
    }
    const std::string encoding = lower(trim(http.headers.get("content-encoding")));
    if (encoding.empty() || encoding == "identity") return body;
    if (encoding != "gzip" && encoding != "x-gzip") {
        where.warn("Content-Encoding '" + encoding + "' not supported, page skipped");
        return std::nullopt;
    }
    // libarchive passes a body that is not compressed after all (crawlers that store the
    // decoded page but keep the header) through unchanged.
    try {
        MemoryStream compressed(body);
        ArchiveStream stream(compressed, ArchiveStream::Mode::compressed);
        std::string name;
        std::string plain;
        if (stream.next_entry(name)) read_into(stream, plain);
        return plain;
    } catch (const StreamError& e) {
        where.warn(std::string("damaged gzip body: ") + e.what() + ", page skipped");
        return std::nullopt;
    }
}

// Skips to the next "WARC/" version line (blank lines between records are normal). Reports
// other data once, unless `quiet` (the leftovers of a malformed record). False at the end.
bool find_version_line(Input& in, std::string_view file, std::size_t previous, bool quiet,
                       Diagnostics& diag) {
    std::string line;
    while (in.line(line)) {
        if (line.starts_with("WARC/")) return true;
        if (!quiet && !is_blank(line)) {
            diag.warn({file}, previous == 0 ? "no WARC record at the start, skipped to the first 'WARC/' line"
                                            : "unexpected data after record " + std::to_string(previous) +
                                                  ", skipped to the next 'WARC/' line");
            quiet = true;
        }
    }
    return false;
}

// Reads a record's header fields up to the blank line and its Content-Length. Returns what is
// wrong with them, or an empty string.
std::string read_record_header(Input& in, Headers& headers, std::size_t& length) {
    std::string line;
    std::size_t header_bytes = 0;
    for (;;) {
        if (!in.line(line) || !line.ends_with('\n')) return "header not ended by a blank line";
        header_bytes += line.size();
        const std::string_view text = strip_line_break(line);
        if (text.empty()) break;
        if (header_bytes > kMaxHeaderBytes || !headers.add_line(text)) {
            return "bad header line '" + std::string(text.substr(0, 60)) + "'";
        }
    }
    const std::string length_text = headers.get("content-length");
    if (length_text.empty()) return "no Content-Length";
    const auto parsed = parse_length(length_text);
    if (!parsed) return "bad Content-Length '" + length_text + "'";
    length = *parsed;
    return {};
}

// Two line breaks end a record; one, or the end of the file, is accepted from lax writers.
// Anything else means the Content-Length was wrong, and so is the block.
bool read_record_end(Input& in) {
    if (!in.skip_line_break()) return in.at_end();
    in.skip_line_break();
    return true;
}

// The HTTP response in a response record's block when it is an HTML page; nullopt when it is
// not HTTP (a DNS lookup), not 2xx (a redirect) or not HTML.
std::optional<HttpResponse> html_response(const Headers& headers, std::string_view block,
                                          const RecordContext& where) {
    const std::string record_type = lower(headers.get("content-type"));
    if (!record_type.empty() && !record_type.starts_with("application/http")) return std::nullopt;
    auto http = parse_http(block);
    if (!http) {
        where.warn("response is not an HTTP response, skipped");
        return std::nullopt;
    }
    if (http->status < 200 || http->status > 299) return std::nullopt;
    const std::string content_type = http->headers.get("content-type");
    const bool html = content_type.empty() ? looks_like_html(http->body) : is_html_type(content_type);
    if (!html) return std::nullopt;
    return http;
}

// Turns a response record into an article when it holds an HTML page.
void read_page(const Reader& html, const DecodeOptions& decode, const Headers& headers,
               std::string_view block, const RecordContext& where, const ArticleSink& sink) {
    const auto http = html_response(headers, block, where);
    if (!http) return;
    auto bytes = page_bytes(*http, where);
    if (!bytes || is_blank(*bytes)) return;  // an empty page is no article, and no news

    DecodeOptions options = decode;
    options.transport = charset_from_content_type(http->headers.get("content-type"));
    const std::string page_name = std::string(where.file) + "#" + std::to_string(where.ordinal);
    const auto text = prepare_text(std::move(*bytes), page_name, where.diag, options);
    if (!text) return;
    const std::string uri = target_uri(headers);
    const auto warc_date = parse_date(headers.get("warc-date"));
    html.read(*text, page_name, [&](Article&& article, std::size_t) {
        if (article.url.empty()) article.url = uri;
        if (!article.date) article.date = warc_date;
        sink(std::move(article), where.ordinal);
    }, where.diag);
}

}  // namespace

void WarcReader::read(ByteStream& stream, std::string_view file, const ArticleSink& sink,
                      Diagnostics& diag) const {
    Input in(stream);
    std::size_t ordinal = 0;
    bool after_malformed = false;
    while (find_version_line(in, file, ordinal, after_malformed, diag)) {
        ++ordinal;
        const RecordContext where{file, ordinal, diag};
        Headers headers;
        std::size_t length = 0;
        if (const std::string problem = read_record_header(in, headers, length); !problem.empty()) {
            where.warn("malformed WARC record (" + problem + "), skipped");
            after_malformed = true;
            continue;
        }
        const bool response = lower(headers.get("warc-type")) == "response";
        const bool wanted = response && length <= kMaxResponseBlock;
        std::string block;
        const std::size_t got = in.take(length, wanted ? &block : nullptr);
        if (got < length) {
            where.warn("truncated WARC record (Content-Length " + std::to_string(length) + ", only " +
                       std::to_string(got) + " bytes)");
            return;
        }
        after_malformed = !read_record_end(in);
        if (after_malformed) {
            where.warn("malformed WARC record (block not followed by a blank line; wrong "
                       "Content-Length?), skipped");
            continue;
        }
        if (response && !wanted) {
            where.warn("response of " + std::to_string(length) + " bytes is too large, skipped");
        }
        if (wanted) read_page(html_, decode_, headers, block, where, sink);
    }
}

}  // namespace newsdex
