// Character encodings: finds the charset of a file's bytes and converts them to UTF-8 with ICU.
// The order of evidence: a byte-order mark; a forced charset (--encoding); valid UTF-8 (kept as
// is); mostly valid UTF-8 (repaired); a transport header (HTTP Content-Type); an in-document
// declaration (<?xml encoding>, HTML <meta charset> in the first 1024 bytes); ICU's statistical
// detection when there are at least 8 non-ASCII bytes to judge by; else damaged UTF-8.
// ISO-8859-1/ASCII labels read as Windows-1252 and GB2312/GBK as GB18030, as browsers do.
// Bytes that cannot be decoded become U+FFFD and are counted, so the caller warns once a file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

struct DecodeOptions {
    // Forces one charset for every input (newsdex-index --encoding); a byte-order mark still
    // wins, since it cannot be wrong. Empty: detect.
    std::string forced;
    // The charset a transport named (an HTTP Content-Type header in a WARC record). It wins
    // over declarations inside the document, as in browsers, but not over valid UTF-8.
    std::string transport;
};

struct Decoded {
    std::string text;          // valid UTF-8, byte-order mark removed
    std::string encoding;      // the charset used, by its IANA name ("UTF-8", "windows-1252", ...)
    std::size_t replaced = 0;  // ill-formed or unmappable sequences replaced with U+FFFD
    std::size_t nul_bytes = 0; // of those, NUL bytes in text (see decode_to_utf8)
};

// Decodes `bytes` to UTF-8. Returns nullopt when they look binary: NUL bytes without a UTF-16
// or UTF-32 byte-order mark (unless a UTF-16/32 encoding is forced), except a few strays in
// text that is otherwise UTF-8 (at most one byte in a hundred), which become U+FFFD: one NUL
// in a scraped page or a JSON Lines dump must not cost the whole file.
std::optional<Decoded> decode_to_utf8(std::string bytes, const DecodeOptions& options = {});

// The message for a file whose decoding replaced bytes with U+FFFD, e.g.
// "invalid UTF-8 replaced with U+FFFD (2 sequences)",
// "undecodable bytes in windows-1252 replaced with U+FFFD (1 sequence)",
// "NUL bytes replaced with U+FFFD (3 sequences)" or
// "invalid UTF-8 and NUL bytes replaced with U+FFFD (4 sequences)".
std::string replacement_message(const Decoded& decoded);

// True when ICU can convert from the charset `name` (any of its aliases).
bool encoding_supported(std::string_view name);

// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1" → "ISO-8859-1");
// empty when there is none.
std::string charset_from_content_type(std::string_view content_type);

// The charset a document declares near its start: the encoding of an XML declaration, or the
// charset of an HTML <meta charset> or <meta http-equiv="Content-Type"> within the first
// 1024 bytes (where HTML requires it to be). Empty when there is none.
std::string declared_charset(std::string_view bytes);

// ICU's guess (ucsdet) among charsets that do not need NUL bytes, or empty when ICU has no
// candidate. Unreliable on little non-ASCII text; decode_to_utf8 only asks when there is enough.
std::string detect_charset(std::string_view bytes);

}  // namespace newsdex
