// Text from input data made safe to show on a terminal. File names, titles, ids and bodies may
// hold control characters (an ESC starts a terminal command: colours, cursor moves, a changed
// window title) and, in names, bytes that are not UTF-8. Shown escaped instead, the text says
// what is there and cannot act on the terminal:
//   C0 controls U+0000–U+001F and DEL U+007F   →  \x00 … \x1f, \x7f
//   C1 controls U+0080–U+009F                  →  \u0080 … \u009f
//   each byte of ill-formed UTF-8 (0x80–0xFF)  →  \x80 … \xff
// A `\xNN` below 0x80 is always a control character and one above it always a raw byte, so the
// two never read alike. Everything else, backslashes included, is left as it is: this is a
// display form, not a reversible encoding (JSON output has the exact text).
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// For one-line values (a title, a path, a warning): every control character is escaped, line
// breaks and tabs too, so one value stays one line.
std::string printable(std::string_view text);

// For multi-line text (an article's body): as printable(), but '\n', '\t' and the pair "\r\n"
// are kept, so paragraphs still look like paragraphs. A lone '\r' is escaped: it would move the
// cursor back over the line.
std::string printable_text(std::string_view text);

}  // namespace newsdex
