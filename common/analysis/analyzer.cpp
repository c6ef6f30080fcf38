#include "analysis/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <array>

#include "util/errors.h"

namespace newsdex {

struct Analyzer::Icu {
    std::unique_ptr<icu::BreakIterator> words;
    const icu::Normalizer2* nfkc_casefold = nullptr;
    const icu::Normalizer2* nfd = nullptr;
    const icu::Normalizer2* nfc = nullptr;
    UText* utext = nullptr;

    ~Icu() {
        if (utext != nullptr) utext_close(utext);
    }
};

namespace {

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw Error(std::string("ICU failed to ") + what + ": " + u_errorName(status));
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s) {
        if (c >= 0x80) return false;
    }
    return true;
}

// Typographic apostrophes are the same as the ASCII one for search ("Russia’s" = "Russia's").
bool is_apostrophe(UChar32 c) { return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07; }

// Scripts whose combining marks are accents that searchers ignore (é, ö, ά, ё). Marks in
// other scripts (Indic vowel signs, Hebrew points, Arabic harakat) carry meaning and stay.
bool folds_accents(UChar32 base) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(base, &status);
    return U_SUCCESS(status) &&
           (script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC);
}

// Latin letters with no canonical decomposition that readers still treat as their base letter.
const char16_t* letter_replacement(UChar32 c) {
    switch (c) {
        case 0x0142: return u"l";   // ł
        case 0x00F8: return u"o";   // ø
        case 0x0111: return u"d";   // đ
        case 0x00F0: return u"d";   // ð
        case 0x0127: return u"h";   // ħ
        case 0x0131: return u"i";   // dotless ı
        case 0x00E6: return u"ae";  // æ
        case 0x0153: return u"oe";  // œ
        case 0x00FE: return u"th";  // þ
        default: return nullptr;
    }
}

// Removes accents from NFD text: combining marks after a Latin, Greek or Cyrillic base, except
// the breve of Cyrillic й, which is a letter of its own in Russian and Ukrainian.
icu::UnicodeString strip_accents(const icu::UnicodeString& decomposed) {
    icu::UnicodeString out;
    UChar32 base = 0;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            const bool cyrillic_short_i = c == 0x0306 && (base == 0x0438 || base == 0x0418);
            if (folds_accents(base) && !cyrillic_short_i) continue;
            out.append(c);
            continue;
        }
        base = c;
        if (const char16_t* replacement = letter_replacement(c)) {
            out.append(replacement);
        } else {
            out.append(c);
        }
    }
    return out;
}

// Case folding turns "İ" into "i" + U+0307; with accents kept the dot must still go, or
// "İstanbul" would never match "istanbul".
void drop_dot_above_i(icu::UnicodeString& s) {
    for (int32_t i = 1; i < s.length();) {
        if (s.charAt(i) == 0x0307 && s.charAt(i - 1) == u'i') {
            s.remove(i, 1);
        } else {
            ++i;
        }
    }
}

void unify_apostrophes(icu::UnicodeString& s) {
    for (int32_t i = 0; i < s.length(); ++i) {
        if (is_apostrophe(s.charAt(i))) s.setCharAt(i, u'\'');
    }
}

// French and Catalan elisions: "l'homme" is searched as "homme".
constexpr std::array<std::string_view, 12> kElisions = {
    "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'"};

// Apostrophe rules on a normalised term, in place.
void apply_apostrophe_rules(std::string& term) {
    if (term.find('\'') == std::string::npos) return;
    if (term.size() > 2 && term.ends_with("'s")) term.resize(term.size() - 2);
    for (std::string_view elision : kElisions) {
        if (term.size() > elision.size() && term.starts_with(elision)) {
            term.erase(0, elision.size());
            break;
        }
    }
    while (!term.empty() && term.back() == '\'') term.pop_back();
    while (!term.empty() && term.front() == '\'') term.erase(0, 1);
}

bool is_ideographic_status(int32_t status) {
    return status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT;
}

}  // namespace

Analyzer::Analyzer(const AnalyzerSettings& settings) : settings_(settings), icu_(std::make_unique<Icu>()) {
    validate_language(settings.language);
    if (settings.language != "none") stemmer_ = Xapian::Stem(settings.language);
    UErrorCode status = U_ZERO_ERROR;
    icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    check(status, "create a word break iterator");
    icu_->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    icu_->nfd = icu::Normalizer2::getNFDInstance(status);
    icu_->nfc = icu::Normalizer2::getNFCInstance(status);
    check(status, "load normalisation data");
}

Analyzer::~Analyzer() = default;

void Analyzer::normalize_into(std::string_view word, std::string& out) const {
    out.clear();
    if (is_ascii(word)) {
        out.assign(word);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
    } else {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(
            icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
        unify_apostrophes(text);
        icu::UnicodeString folded = icu_->nfkc_casefold->normalize(text, status);
        if (settings_.fold_accents) {
            icu::UnicodeString decomposed = icu_->nfd->normalize(folded, status);
            folded = icu_->nfc->normalize(strip_accents(decomposed), status);
        } else {
            drop_dot_above_i(folded);
        }
        check(status, "normalise text");
        folded.toUTF8String(out);
    }
    apply_apostrophe_rules(out);
}

std::string Analyzer::normalize_word(std::string_view word) const {
    std::string out;
    normalize_into(word, out);
    return out;
}

std::string Analyzer::normalize_value(std::string_view value) const {
    std::string folded;
    std::string out;
    // Fold each run between separators, then join with single spaces. Hyphens and underscores
    // separate too: feeds write "el-salvador", "west_germany" and "El Salvador" for one place.
    const auto separator = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_';
    };
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && separator(value[i])) ++i;
        std::size_t j = i;
        while (j < value.size() && !separator(value[j])) ++j;
        if (j > i) {
            normalize_into(value.substr(i, j - i), folded);
            if (!folded.empty()) {
                if (!out.empty()) out += ' ';
                out += folded;
            }
        }
        i = j;
    }
    return out;
}

std::string Analyzer::stem(const std::string& term) const { return stemmer_(term); }

void Analyzer::analyze(std::string_view text, const std::function<void(const Token&)>& emit) {
    UErrorCode status = U_ZERO_ERROR;
    icu_->utext = utext_openUTF8(icu_->utext, text.data(), static_cast<int64_t>(text.size()), &status);
    check(status, "open text");
    icu_->words->setText(icu_->utext, status);
    check(status, "set text");

    Token token;
    token.position = 0;
    auto emit_term = [&](std::string_view piece, int32_t begin, int32_t end) {
        normalize_into(piece, token.term);
        if (token.term.empty() || token.term.size() > kMaxTermBytes) return;
        token.begin = static_cast<std::uint32_t>(begin);
        token.end = static_cast<std::uint32_t>(end);
        emit(token);
        ++token.position;
    };

    int32_t start = icu_->words->first();
    for (int32_t end = icu_->words->next(); end != icu::BreakIterator::DONE;
         start = end, end = icu_->words->next()) {
        const int32_t status_code = icu_->words->getRuleStatus();
        if (status_code < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation, symbols
        const std::string_view segment = text.substr(start, end - start);
        if (!is_ideographic_status(status_code)) {
            emit_term(segment, start, end);
            continue;
        }
        // One token per character (with any combining marks that follow it).
        int32_t i = 0;
        const auto length = static_cast<int32_t>(segment.size());
        while (i < length) {
            const int32_t char_start = i;
            UChar32 c;
            U8_NEXT(segment.data(), i, length, c);
            while (i < length) {
                int32_t k = i;
                UChar32 next;
                U8_NEXT(segment.data(), k, length, next);
                const int8_t type = u_charType(next);
                if (type != U_NON_SPACING_MARK && type != U_COMBINING_SPACING_MARK) break;
                i = k;
            }
            emit_term(segment.substr(char_start, i - char_start), start + char_start, start + i);
        }
    }
}

std::vector<Token> Analyzer::tokens(std::string_view text) {
    std::vector<Token> out;
    analyze(text, [&](const Token& t) { out.push_back(t); });
    return out;
}

}  // namespace newsdex
