// Character encodings as tables: bytes (and options) in, UTF-8 text, the charset used and the
// number of replacements out. Fixtures in data/encodings/ are made by data/make-fixtures.sh
// with iconv from the UTF-8 text repeated here.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <sstream>
#include <string>

#include "readers/encoding.h"
#include "readers/file_loader.h"

namespace {

using namespace newsdex;
using namespace std::string_literals;

#define R "\xEF\xBF\xBD"  // U+FFFD

const std::filesystem::path kData = std::filesystem::path(NEWSDEX_TEST_DATA) / "encodings";

// text, the charset used and the replacement count in one string, so one comparison checks all.
std::string describe(const std::optional<Decoded>& decoded) {
    if (!decoded) return "binary";
    return decoded->encoding + " " + std::to_string(decoded->replaced) + " [" + decoded->text + "]";
}

TEST(Encoding, DecodesByTheOrderOfEvidence) {
    const struct {
        const char* name;
        std::string bytes;
        DecodeOptions options;
        std::string expected;
    } rows[] = {
        // Byte-order marks, and NUL bytes without one.
        {"valid UTF-8 stays as is", "Zürich", {}, "UTF-8 0 [Zürich]"},
        {"UTF-8 mark removed", "\xEF\xBB\xBFZürich", {}, "UTF-8 0 [Zürich]"},
        {"UTF-16LE mark", "\xFF\xFEh\0\xE9\0"s, {}, "UTF-16LE 0 [hé]"},
        {"UTF-16BE mark", "\xFE\xFF\0h\0\xE9"s, {}, "UTF-16BE 0 [hé]"},
        {"UTF-32LE mark (not UTF-16LE and a NUL)", "\xFF\xFE\0\0h\0\0\0"s, {}, "UTF-32LE 0 [h]"},
        {"UTF-32BE mark", "\0\0\xFE\xFF\0\0\0h"s, {}, "UTF-32BE 0 [h]"},
        {"unpaired surrogate in UTF-16", "\xFF\xFEh\0\x00\xD8i\0"s, {}, "UTF-16LE 1 [h" R "i]"},
        {"NUL without a mark is binary", "ab\0cd"s, {}, "binary"},
        {"UTF-16 without a mark is binary", "h\0i\0"s, {}, "binary"},
        // --encoding.
        {"forced charset applies to valid UTF-8 too", "caf\xC3\xA9", {"latin1", ""},
         "windows-1252 0 [cafÃ©]"},
        {"forced UTF-16 reads its NULs", "h\0i\0"s, {"UTF-16LE", ""}, "UTF-16LE 0 [hi]"},
        {"forced 8-bit charset still refuses NULs", "h\0i\0"s, {"latin1", ""}, "binary"},
        {"a mark beats the forced charset", "\xEF\xBB\xBFZ\xC3\xBC", {"koi8-r", ""}, "UTF-8 0 [Zü]"},
        {"forced charset with an undefined byte", "a\xA1z", {"iso-8859-8", ""},
         "ISO-8859-8 1 [a" R "z]"},
        {"forced Shift_JIS with a cut pair", "\x93\xFA\x82", {"shift_jis", ""}, "Shift_JIS 1 [日" R "]"},
        {"Windows-1252's unassigned bytes are C1 controls, as browsers read them", "a\x81z",
         {"windows-1252", ""}, "windows-1252 0 [a\xC2\x81z]"},
        // Transport and declarations, for text that is not UTF-8.
        {"transport charset", "caf\xE9", {"", "iso-8859-1"}, "windows-1252 0 [café]"},
        {"ISO-8859-1 label reads 0x80-0x9F as Windows-1252", "\x93hi\x94", {"", "ISO-8859-1"},
         "windows-1252 0 [“hi”]"},
        {"transport beats the meta tag", "<meta charset=\"koi8-r\">caf\xE9", {"", "windows-1252"},
         "windows-1252 0 [<meta charset=\"koi8-r\">café]"},
        {"unknown transport charset: next clue", "<meta charset=koi8-r>\xED\xC9\xD2", {"", "x-nonsense"},
         "KOI8-R 0 [<meta charset=koi8-r>Мир]"},
        {"meta charset", "<html><meta charset=\"windows-1251\"><p>\xCC\xE8\xF0",
         {}, "windows-1251 0 [<html><meta charset=\"windows-1251\"><p>Мир]"},
        {"meta http-equiv", "<META HTTP-EQUIV='content-type' CONTENT='text/html; charset=KOI8-R'>\xED\xC9\xD2",
         {}, "KOI8-R 0 [<META HTTP-EQUIV='content-type' CONTENT='text/html; charset=KOI8-R'>Мир]"},
        {"xml declaration", "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>\xA4</a>", {},
         "ISO-8859-15 0 [<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>€</a>]"},
        {"GB2312 label reads as GB18030", "<meta charset=gb2312>\xD6\xD0", {},
         "GB18030 0 [<meta charset=gb2312>中]"},
        {"declared UTF-8 that is not", "<meta charset=\"utf-8\">caf\xE9", {},
         "UTF-8 1 [<meta charset=\"utf-8\">caf" R "]"},
        {"unknown declared charset is ignored", "<meta charset=\"x-nonsense\">caf\xE9", {},
         "windows-1252 0 [<meta charset=\"x-nonsense\">café]"},
        {"declared UTF-16 in 8-bit text is ignored", "<meta charset=\"utf-16\">caf\xE9", {},
         "windows-1252 0 [<meta charset=\"utf-16\">café]"},
        {"meta after the first 1024 bytes is not looked at",
         std::string(1024, ' ') + "<meta charset=\"koi8-r\">\xED\xC9\xD2", {},
         "windows-1252 0 [" + std::string(1024, ' ') + "<meta charset=\"koi8-r\">íÉÒ]"},
        // Detection.
        {"mostly UTF-8 beats a label", "<meta charset=\"iso-8859-1\">Zürich, Zürich, Zürich caf\xE9",
         {}, "UTF-8 1 [<meta charset=\"iso-8859-1\">Zürich, Zürich, Zürich caf" R "]"},
        {"too little evidence, no UTF-8 at all: Windows-1252", "caf\xE9!", {}, "windows-1252 0 [café!]"},
        {"too little evidence, some UTF-8: damaged UTF-8", "Zürich caf\xE9!", {}, "UTF-8 1 [Zürich caf" R "!]"},
        {"detected Latin-1",
         "Le caf\xE9 est tr\xE8s bon, mais le th\xE9 est meilleur pour la sant\xE9 des \xE9l\xE8ves \xE0 l'\xE9t\xE9.",
         {}, "windows-1252 0 [Le café est très bon, mais le thé est meilleur pour la santé des élèves à l'été.]"},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(describe(decode_to_utf8(row.bytes, row.options)), row.expected) << row.name;
    }
}

TEST(Encoding, FindsDeclaredCharsets) {
    const struct {
        const char* bytes;
        const char* expected;
    } rows[] = {
        {"<?xml version='1.0' encoding='windows-1251'?><rss/>", "windows-1251"},
        {"  \n<?xml version=\"1.0\" encoding = \"UTF-8\" ?>", "UTF-8"},
        {"<?xml version=\"1.0\"?><html><meta charset=koi8-r>", "koi8-r"},
        {"<title>x</title><meta charset=\"Shift_JIS\"/>", "Shift_JIS"},
        {"<meta name=\"viewport\" content=\"width=device-width\"><meta charset='gbk'>", "gbk"},
        {"<meta http-equiv=\"Content-Type\" content=\"text/html;charset=iso-8859-2\">", "iso-8859-2"},
        {"<meta content=\"text/html; charset=euc-jp\" http-equiv=\"content-type\">", "euc-jp"},
        {"<meta content=\"text/html; charset=euc-jp\">", ""},  // content without http-equiv
        {"<metadata charset=\"koi8-r\">", ""},
        {"<p>charset=koi8-r</p>", ""},
        {"no markup at all", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(declared_charset(row.bytes), row.expected) << row.bytes;
}

TEST(Encoding, ReadsTheContentTypeCharset) {
    const struct {
        const char* content_type;
        const char* expected;
    } rows[] = {
        {"text/html; charset=ISO-8859-1", "ISO-8859-1"},
        {"text/html;charset=\"utf-8\"", "utf-8"},
        {"text/html; Charset = koi8-r ; format=flowed", "koi8-r"},
        {"text/html", ""},
        {"text/html; xcharset=koi8-r", ""},
        {"", ""},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(charset_from_content_type(row.content_type), row.expected) << row.content_type;
    }
}

TEST(Encoding, KnowsWhichCharsetsItSupports) {
    for (const char* name : {"latin1", "ISO-8859-1", "windows-1252", "cp1252", "KOI8-R", "Shift_JIS",
                             "sjis", "GB18030", "gbk", "UTF-16LE", "utf-8"}) {
        EXPECT_TRUE(encoding_supported(name)) << name;
    }
    for (const char* name : {"", "klingon", "utf-9"}) EXPECT_FALSE(encoding_supported(name)) << name;
}

TEST(Encoding, ReplacementMessages) {
    EXPECT_EQ(replacement_message({"", "UTF-8", 1}), "invalid UTF-8 replaced with U+FFFD (1 sequence)");
    EXPECT_EQ(replacement_message({"", "UTF-8", 3}), "invalid UTF-8 replaced with U+FFFD (3 sequences)");
    EXPECT_EQ(replacement_message({"", "Shift_JIS", 2}),
              "undecodable bytes in Shift_JIS replaced with U+FFFD (2 sequences)");
}

// Files made with iconv from these texts: each must come back exactly, with no warning.
TEST(Encoding, FixturesInLegacyCharsets) {
    const struct {
        const char* file;
        const char* text;
        const char* warnings = "";
    } rows[] = {
        {"latin1.txt",
         "Title: Le café de la Bourse\n\nLes négociants de Genève ont été surpris : le prix du café a "
         "augmenté de 12 % à l'ouverture, déjà très élevé après la sécheresse.\n"},
        {"windows1252.txt",
         "Title: Börse im Überblick\n\nDer Index schloss mit einem Plus von 1,2 % – „ein ruhiger Tag“, "
         "hieß es. Gold stieg auf 2.150 €, während Händler über Zölle grübelten.\n"},
        {"koi8r.txt",
         "Title: Рубль укрепился\n\nКурс рубля вырос по отношению к доллару и евро, сообщили в "
         "Центральном банке. Аналитики ожидают, что рост продолжится до конца недели.\n"},
        {"shift_jis.txt",
         "Title: 日経平均が続伸\n\n東京株式市場で日経平均株価は続伸した。輸出関連株が買われ、円安が追い風と"
         "なった。市場関係者は来週の日銀会合に注目している。\n"},
        {"gb18030.txt",
         "Title: 上海股市上涨\n\n上海证券交易所今日收盘，综合指数上涨百分之一。分析人士表示，投资者对经济前景"
         "保持乐观，银行股表现强劲。\n"},
        {"utf16le_bom.txt", "Title: UTF-16 note\n\nZürich – 東京 – Москва.\n"},
        {"utf16be_bom.txt", "Title: UTF-16 note\n\nZürich – 東京 – Москва.\n"},
        {"utf32le_bom.txt", "Title: UTF-16 note\n\nZürich – 東京 – Москва.\n"},
        {"meta_koi8r.html",
         "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"
         "<title>Мир</title></head><body><p>Да.</p></body></html>\n"},
        {"declared_latin9.xml",
         "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n"
         "<rss version=\"2.0\"><channel><item><title>Price: 5 €</title></item></channel></rss>\n"},
        {"short_latin1.txt", "Title: Café\n\nCrème brûlée.\n", ""},
    };
    for (const auto& row : rows) {
        std::ostringstream warnings;
        Diagnostics diag(&warnings);
        EXPECT_EQ(load_text_file(kData / row.file, row.file, diag), row.text) << row.file;
        EXPECT_EQ(warnings.str(), row.warnings) << row.file;
    }
}

// Detection names the charset it found, not only the right text.
TEST(Encoding, DetectsTheFixturesCharsets) {
    const struct {
        const char* file;
        const char* encoding;
    } rows[] = {
        {"latin1.txt", "windows-1252"},  // ISO-8859-1, read as its superset
        {"windows1252.txt", "windows-1252"},
        {"koi8r.txt", "KOI8-R"},
        {"shift_jis.txt", "Shift_JIS"},
        {"gb18030.txt", "GB18030"},
    };
    for (const auto& row : rows) {
        Diagnostics diag(nullptr);
        const auto bytes = load_bytes(kData / row.file, row.file, diag);
        ASSERT_TRUE(bytes) << row.file;
        const auto decoded = decode_to_utf8(*bytes);
        ASSERT_TRUE(decoded) << row.file;
        EXPECT_EQ(decoded->encoding, row.encoding) << row.file;
        EXPECT_EQ(decoded->replaced, 0u) << row.file;
    }
}

TEST(Encoding, ForcedEncodingThroughTheFileLoader) {
    std::ostringstream warnings;
    Diagnostics diag(&warnings);
    // The KOI8-R fixture read as Windows-1251 gives other Cyrillic letters, and no warning:
    // that is what forcing means.
    const auto text = load_text_file(kData / "koi8r.txt", "koi8r.txt", diag, {"windows-1251", ""});
    ASSERT_TRUE(text);
    EXPECT_TRUE(text->starts_with("Title: тХВМШ ХЛТЕРЙМУС\n")) << *text;
    EXPECT_EQ(warnings.str(), "");
    EXPECT_EQ(prepare_text("a\xA1z", "f.txt", diag, {"iso-8859-8", ""}), "a" R "z");
    EXPECT_EQ(warnings.str(),
              "warning: f.txt: undecodable bytes in ISO-8859-8 replaced with U+FFFD (1 sequence)\n");
}

}  // namespace
