#include "readers/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "util/utf8.h"

namespace newsdex {

namespace {

using namespace std::string_view_literals;

constexpr std::string_view kUtf8 = "UTF-8";

// HTML looks for its charset declaration only this far into a document.
constexpr std::size_t kPrescanBytes = 1024;

// Below this many bytes outside ASCII, ICU's statistics have too little to go on and its
// guess is often a wrong charset; decode_to_utf8 falls back to Windows-1252 then.
constexpr std::size_t kMinDetectionEvidence = 8;
// Text with more NUL bytes than one in this many is binary (or UTF-16 without a mark).
constexpr std::size_t kMaxNulShare = 100;

// ICU's ucsdet confidence (0-100) below which a match is no real evidence.
constexpr int32_t kMinConfidence = 10;

struct Bom {
    std::string_view bytes;
    const char* charset;
};

// UTF-32LE before UTF-16LE: its mark begins with UTF-16LE's.
constexpr std::array<Bom, 5> kBoms{{
    {"\xFF\xFE\x00\x00"sv, "UTF-32LE"},
    {"\x00\x00\xFE\xFF"sv, "UTF-32BE"},
    {"\xEF\xBB\xBF"sv, "UTF-8"},
    {"\xFF\xFE"sv, "UTF-16LE"},
    {"\xFE\xFF"sv, "UTF-16BE"},
}};

const Bom* find_bom(std::string_view bytes) {
    for (const auto& bom : kBoms) {
        if (bytes.starts_with(bom.bytes)) return &bom;
    }
    return nullptr;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return ascii_lower(c); });
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
    const char* quotes_and_space = " \t\r\n\f\"'";
    const auto first = s.find_first_not_of(quotes_and_space);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(quotes_and_space) - first + 1);
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return converter;
}

// Labels that name a charset which pages labelled with them really use: ISO-8859-1 and
// ASCII pages hold Windows-1252's curly quotes and dashes in 0x80-0x9F (where ISO-8859-1 has
// invisible C1 controls), and GB2312/GBK pages are written by GB18030-compatible software.
// The WHATWG Encoding Standard makes the same substitutions.
std::string substitute_label(std::string_view label) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kSubstitutes{{
        {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"},
        {"iso_8859-1", "windows-1252"}, {"latin1", "windows-1252"},
        {"latin-1", "windows-1252"},    {"l1", "windows-1252"},
        {"us-ascii", "windows-1252"},   {"ascii", "windows-1252"},
        {"cp819", "windows-1252"},      {"ibm819", "windows-1252"},
        {"iso-ir-100", "windows-1252"}, {"gb2312", "GB18030"},
        {"gbk", "GB18030"},             {"x-gbk", "GB18030"},
        {"cp936", "GB18030"},           {"csgb2312", "GB18030"},
        {"chinese", "GB18030"},
    }};
    const std::string lower = ascii_lower(trim(label));
    for (const auto& [from, to] : kSubstitutes) {
        if (lower == from) return std::string(to);
    }
    return std::string(trim(label));
}

// The name people know a charset by: its MIME name ("GB18030", "Shift_JIS"), else its IANA
// name ("windows-1251"), rather than ICU's internal one ("ibm-5347_P100-1998").
std::string standard_name(UConverter& converter, const std::string& fallback) {
    UErrorCode status = U_ZERO_ERROR;
    const char* internal = ucnv_getName(&converter, &status);
    for (const char* standard : {"MIME", "IANA"}) {
        UErrorCode lookup = U_ZERO_ERROR;
        const char* name = U_SUCCESS(status) ? ucnv_getStandardName(internal, standard, &lookup) : nullptr;
        if (U_SUCCESS(lookup) && name != nullptr) return name;
    }
    return fallback;
}

// A charset ICU can convert from: the name to open and the name to show.
struct Charset {
    std::string open_name;
    std::string display_name;  // IANA name when ICU knows one
    bool wide = false;         // every character takes two or more bytes (UTF-16, UTF-32)

    bool is_utf8() const { return display_name == kUtf8; }
};

std::optional<Charset> resolve_charset(std::string_view label) {
    if (trim(label).empty()) return std::nullopt;
    Charset charset;
    charset.open_name = substitute_label(label);
    const Converter converter = open_converter(charset.open_name);
    if (!converter) return std::nullopt;
    charset.display_name = standard_name(*converter, charset.open_name);
    charset.wide = ucnv_getMinCharSize(converter.get()) > 1;
    return charset;
}

// A declared or transported charset, when usable for bytes without NULs: a UTF-16/32 label
// there is a mistake (HTML treats it as UTF-8; here the next clue is tried).
std::optional<Charset> resolve_narrow(std::string_view label) {
    auto charset = resolve_charset(label);
    if (charset && charset->wide) return std::nullopt;
    return charset;
}

struct Utf8Scan {
    std::size_t multibyte = 0;  // well-formed sequences of two or more bytes
    std::size_t invalid = 0;    // maximal ill-formed subparts
    std::size_t non_ascii = 0;  // bytes 0x80-0xFF
};

Utf8Scan scan_utf8(std::string_view s) {
    Utf8Scan scan;
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const std::int64_t length = static_cast<std::int64_t>(s.size());
    std::int64_t i = 0;
    while (i < length) {
        const std::int64_t start = i;
        UChar32 c = 0;
        U8_NEXT(p, i, length, c);
        if (c >= 0 && c < 0x80) continue;
        // An ill-formed subpart never holds an ASCII byte, so all these bytes are non-ASCII.
        scan.non_ascii += static_cast<std::size_t>(i - start);
        if (c < 0) ++scan.invalid;
        else ++scan.multibyte;
    }
    return scan;
}

// Text that is mostly well-formed UTF-8 is UTF-8 with some damage (a bad copy, a truncated
// character): decoding all of it as a legacy charset would garble every correct character.
// Legacy text almost never forms multi-byte UTF-8 sequences by chance.
bool mostly_utf8(const Utf8Scan& scan) { return scan.multibyte > 2 * scan.invalid; }

Decoded repair_as_utf8(std::string bytes) {
    Decoded decoded;
    decoded.replaced = repair_utf8(bytes);
    decoded.text = std::move(bytes);
    decoded.encoding = kUtf8;
    return decoded;
}

// ICU's default substitution writes U+001A for some single-byte charsets; Newsdex promises
// U+FFFD, and counts the replacements for the file's warning.
void substitute_and_count(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                          UConverterCallbackReason reason, UErrorCode* status) {
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
    ++*static_cast<std::size_t*>(const_cast<void*>(context));
    static const UChar kReplacement = 0xFFFD;
    *status = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, status);
}

Decoded convert(std::string_view bytes, const Charset& charset) {
    if (charset.is_utf8()) return repair_as_utf8(std::string(bytes));
    Decoded decoded;
    decoded.encoding = charset.display_name;
    const Converter source = open_converter(charset.open_name);
    const Converter target = open_converter(std::string(kUtf8));
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(source.get(), substitute_and_count, &decoded.replaced, nullptr, nullptr,
                        &status);

    // ucnv_convertEx pivots through UTF-16 and keeps surrogate pairs whole across buffers.
    std::array<UChar, 4096> pivot;
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    std::array<char, 16384> buffer;
    const char* in = bytes.data();
    const char* const in_end = in + bytes.size();
    decoded.text.reserve(bytes.size() + bytes.size() / 2);
    bool reset = true;
    do {
        status = U_ZERO_ERROR;
        char* out = buffer.data();
        ucnv_convertEx(target.get(), source.get(), &out, buffer.data() + buffer.size(), &in, in_end,
                       pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), reset,
                       true, &status);
        decoded.text.append(buffer.data(), static_cast<std::size_t>(out - buffer.data()));
        reset = false;
    } while (status == U_BUFFER_OVERFLOW_ERROR);
    return decoded;
}

bool starts_with_xml_declaration(std::string_view head) {
    const auto start = head.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && head.substr(start).starts_with("<?xml");
}

// The value after `name` `=` in `text` (quoted or not), starting the search at `from`.
std::string value_after(std::string_view text, std::string_view lower_text, std::string_view name,
                        std::size_t from = 0) {
    std::size_t pos = lower_text.find(name, from);
    if (pos == std::string_view::npos) return {};
    pos += name.size();
    while (pos < text.size() && is_space(text[pos])) ++pos;
    if (pos >= text.size() || text[pos] != '=') return {};
    ++pos;
    while (pos < text.size() && is_space(text[pos])) ++pos;
    if (pos >= text.size()) return {};
    if (text[pos] == '"' || text[pos] == '\'') {
        const auto end = text.find(text[pos], pos + 1);
        if (end == std::string_view::npos) return {};
        return std::string(text.substr(pos + 1, end - pos - 1));
    }
    std::size_t end = pos;
    while (end < text.size() && !is_space(text[end]) && text[end] != ';' && text[end] != '>') ++end;
    return std::string(text.substr(pos, end - pos));
}

std::string xml_declared_encoding(std::string_view head) {
    const auto end = head.find("?>");
    if (end == std::string_view::npos) return {};
    const std::string_view declaration = head.substr(0, end);
    return value_after(declaration, ascii_lower(declaration), "encoding");
}

struct Attribute {
    std::string name;  // lower case
    std::string value;
};

// The attributes of the tag whose name ends at `pos`, up to its '>'.
std::vector<Attribute> tag_attributes(std::string_view text, std::size_t pos) {
    std::vector<Attribute> attributes;
    while (pos < text.size()) {
        while (pos < text.size() && (is_space(text[pos]) || text[pos] == '/')) ++pos;
        if (pos >= text.size() || text[pos] == '>') break;
        Attribute attribute;
        while (pos < text.size() && !is_space(text[pos]) && text[pos] != '=' && text[pos] != '>' &&
               text[pos] != '/') {
            attribute.name += ascii_lower(text[pos++]);
        }
        while (pos < text.size() && is_space(text[pos])) ++pos;
        if (pos < text.size() && text[pos] == '=') {
            ++pos;
            while (pos < text.size() && is_space(text[pos])) ++pos;
            if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
                const char quote = text[pos++];
                const auto end = std::min(text.find(quote, pos), text.size());
                attribute.value = text.substr(pos, end - pos);
                pos = end + 1;
            } else {
                while (pos < text.size() && !is_space(text[pos]) && text[pos] != '>') {
                    attribute.value += text[pos++];
                }
            }
        }
        if (attribute.name.empty()) ++pos;  // a stray character such as '=': step over it
        else attributes.push_back(std::move(attribute));
    }
    return attributes;
}

std::string meta_charset(const std::vector<Attribute>& attributes) {
    std::string http_equiv;
    std::string content;
    for (const auto& a : attributes) {
        if (a.name == "charset") return a.value;
        if (a.name == "http-equiv") http_equiv = ascii_lower(trim(a.value));
        if (a.name == "content") content = a.value;
    }
    if (http_equiv == "content-type") return charset_from_content_type(content);
    return {};
}

std::string html_declared_charset(std::string_view head) {
    const std::string lower = ascii_lower(head);
    for (auto pos = lower.find("<meta"); pos != std::string::npos; pos = lower.find("<meta", pos + 1)) {
        const std::size_t after_name = pos + 5;
        if (after_name < head.size() && !is_space(head[after_name]) && head[after_name] != '/') continue;
        std::string charset = meta_charset(tag_attributes(head, after_name));
        if (!trim(charset).empty()) return charset;
    }
    return {};
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
    const std::string lower = ascii_lower(content_type);
    for (auto pos = lower.find("charset"); pos != std::string::npos; pos = lower.find("charset", pos + 1)) {
        // A parameter name starts the value or follows ';' or white space ("xcharset" is not it).
        if (pos != 0 && lower[pos - 1] != ';' && !is_space(lower[pos - 1])) continue;
        std::string value = value_after(content_type, lower, "charset", pos);
        if (!value.empty()) return std::string(trim(value));
    }
    return {};
}

std::string declared_charset(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, kPrescanBytes);
    if (starts_with_xml_declaration(head)) {
        std::string encoding = xml_declared_encoding(head);
        if (!encoding.empty()) return encoding;
    }
    return html_declared_charset(head);
}

std::string detect_charset(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                         &ucsdet_close);
    if (U_FAILURE(status)) return {};
    // Markup would otherwise count as text: with the filter on, ICU looks at a page's words.
    ucsdet_enableInputFilter(detector.get(), true);
    ucsdet_setText(detector.get(), bytes.data(),
                   static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX)), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status)) return {};
    for (int32_t i = 0; i < count; ++i) {
        const char* name = ucsdet_getName(matches[i], &status);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
        if (U_FAILURE(status) || confidence < kMinConfidence) break;
        // ICU offers UTF-16/32 for any even-length input; without NULs they cannot be right.
        const std::string_view n(name);
        if (n.starts_with("UTF-16") || n.starts_with("UTF-32")) continue;
        return std::string(n);
    }
    return {};
}

std::optional<Decoded> decode_to_utf8(std::string bytes, const DecodeOptions& options) {
    if (const Bom* bom = find_bom(bytes)) {
        bytes.erase(0, bom->bytes.size());
        return convert(bytes, *resolve_charset(bom->charset));
    }
    const bool has_nul = bytes.find('\0') != std::string::npos;
    if (const auto forced = resolve_charset(options.forced)) {
        // Text in a forced UTF-16/32 holds NULs by nature (ASCII characters' zero bytes).
        if (has_nul && !forced->wide) return std::nullopt;
        return convert(bytes, *forced);
    }
    const Utf8Scan scan = scan_utf8(bytes);
    // Text formats never contain NUL; UTF-16 text without a mark and binaries (images,
    // compressed data) do, many of them. A few in text that is otherwise UTF-8 are damage.
    if (has_nul) {
        const auto nuls = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
        if (nuls * kMaxNulShare > bytes.size() || (scan.invalid != 0 && !mostly_utf8(scan))) return std::nullopt;
        // Repairing leaves NULs as they are (they are ASCII), and makes none of its own.
        Decoded decoded = repair_as_utf8(std::move(bytes));
        std::string text;
        text.reserve(decoded.text.size() + 2 * nuls);
        for (const char c : decoded.text) {
            if (c == '\0') append_utf8(text, 0xFFFD);
            else text += c;
        }
        decoded.text = std::move(text);
        decoded.replaced += nuls;
        decoded.nul_bytes = nuls;
        return decoded;
    }

    if (scan.invalid == 0) return Decoded{std::move(bytes), std::string(kUtf8), 0};
    // Well-formed multi-byte sequences are stronger evidence than a label: templates and
    // servers often declare ISO-8859-1 for pages that are UTF-8.
    if (mostly_utf8(scan)) return repair_as_utf8(std::move(bytes));
    if (const auto charset = resolve_narrow(options.transport)) return convert(bytes, *charset);
    if (const auto charset = resolve_narrow(declared_charset(bytes))) return convert(bytes, *charset);
    if (scan.non_ascii >= kMinDetectionEvidence) {
        if (const auto charset = resolve_narrow(detect_charset(bytes))) return convert(bytes, *charset);
    }
    // Too little to detect from ("Café" in Latin-1). Without a single well-formed multi-byte
    // sequence this is not UTF-8 at all; Windows-1252 is what such Western text nearly always
    // is, and what browsers assume.
    if (scan.multibyte == 0) {
        if (const auto charset = resolve_narrow("windows-1252")) return convert(bytes, *charset);
    }
    return repair_as_utf8(std::move(bytes));
}

std::string replacement_message(const Decoded& decoded) {
    const std::string count = "(" + std::to_string(decoded.replaced) +
                              (decoded.replaced == 1 ? " sequence)" : " sequences)");
    if (decoded.nul_bytes == decoded.replaced) return "NUL bytes replaced with U+FFFD " + count;
    if (decoded.nul_bytes != 0) return "invalid UTF-8 and NUL bytes replaced with U+FFFD " + count;
    if (decoded.encoding == kUtf8) return "invalid UTF-8 replaced with U+FFFD " + count;
    return "undecodable bytes in " + decoded.encoding + " replaced with U+FFFD " + count;
}

bool encoding_supported(std::string_view name) { return resolve_charset(name).has_value(); }

}  // namespace newsdex
