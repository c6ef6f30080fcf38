// Encoding detection and conversion (readers/encoding.h) and the loader's preparation of bytes
// for the readers (readers/file_loader.h): whatever the bytes and whatever charset is forced or
// named by a transport, the text that comes out is valid UTF-8, and only bytes with a NUL in
// them may be refused as binary.
#include <array>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_targets.h"
#include "readers/encoding.h"
#include "readers/file_loader.h"

namespace newsdex::fuzz {

namespace {

// Charsets a user may force with --encoding, wide and narrow, stateful and not; the input's
// first byte picks one, so the fuzzer can reach each converter.
constexpr std::array<std::string_view, 12> kForced = {
    "UTF-8",     "windows-1252", "UTF-16LE", "UTF-16BE",    "UTF-32",   "Shift_JIS",
    "GB18030",   "ISO-2022-JP",  "EUC-KR",   "KOI8-R",      "Big5",     "no-such-charset",
};

void check_decoded(std::string_view bytes, const std::optional<Decoded>& decoded) {
    if (!decoded) {
        require(bytes.find('\0') != std::string_view::npos, "bytes without NUL refused as binary");
        return;
    }
    require(is_valid_utf8(decoded->text), "decode_to_utf8 gave ill-formed UTF-8");
    require(!decoded->encoding.empty(), "decode_to_utf8 names no encoding");
    require(decoded->nul_bytes <= decoded->replaced, "more NUL bytes than replacements");
    if (decoded->replaced != 0) (void)replacement_message(*decoded);
}

}  // namespace

void encoding_target(std::string_view bytes) {
    check_decoded(bytes, decode_to_utf8(std::string(bytes)));

    // The first line stands for an HTTP Content-Type header, as a WARC record gives one.
    DecodeOptions transport;
    transport.transport = charset_from_content_type(bytes.substr(0, bytes.find('\n')));
    check_decoded(bytes, decode_to_utf8(std::string(bytes), transport));

    if (!bytes.empty()) {
        DecodeOptions forced;
        forced.forced = kForced[static_cast<unsigned char>(bytes[0]) % kForced.size()];
        const auto decoded = decode_to_utf8(std::string(bytes), forced);
        // A forced wide charset accepts NULs, so the NUL rule above does not apply to it.
        if (decoded) check_decoded(bytes, decoded);
    }

    (void)encoding_supported(declared_charset(bytes));
    (void)detect_charset(bytes);

    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    if (const auto text = prepare_text(std::string(bytes), "fuzz", diag)) {
        require(is_valid_utf8(*text), "prepare_text gave ill-formed UTF-8");
    }
    check_warnings(warnings.str());
}

}  // namespace newsdex::fuzz
