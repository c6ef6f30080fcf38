// The one analyzer: turns text into search terms, identically for the index and for queries,
// so the two agree by construction.
//
// Pipeline: ICU word boundaries (UAX #29, with dictionary segmentation for Thai and similar
// scripts) → each word normalised with NFKC case folding → optional accent folding →
// apostrophe rules (curly = straight, English possessive 's removed, French elisions l', d'
// ... removed). Han and kana runs become one token per character, so that a word or phrase is
// found wherever its characters stand in that order, however a dictionary would segment the
// query or the text. Stemming is not applied to tokens: keyword queries expand through the
// database's stem table (see index/stem_table.h), phrases match words as written.
//
// Invariant: a token's [begin, end) are byte offsets into the text given to analyze(); they
// are never changed by normalisation, so snippets can highlight the original text.
// An Analyzer holds ICU objects that are not thread-safe: use one per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer_settings.h"

namespace newsdex {

struct Token {
    std::string term;         // normalised form, the term stored in the index
    std::uint32_t position;   // 0-based index among the tokens of this text
    std::uint32_t begin;      // byte offsets into the analysed text
    std::uint32_t end;

    friend bool operator==(const Token&, const Token&) = default;
};

// Terms longer than this are dropped: Xapian limits terms to 245 bytes including the prefix.
inline constexpr std::size_t kMaxTermBytes = 200;

class Analyzer {
public:
    explicit Analyzer(const AnalyzerSettings& settings);
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    const AnalyzerSettings& settings() const { return settings_; }

    // Calls `emit` for each token of `text` (valid UTF-8), in order.
    void analyze(std::string_view text, const std::function<void(const Token&)>& emit);

    std::vector<Token> tokens(std::string_view text);

    // Normalises one word as analyze() would, without splitting it (wildcard stems).
    std::string normalize_word(std::string_view word) const;
    // The same into `out` (replacing its contents), reusing its storage.
    void normalize_word(std::string_view word, std::string& out) const { normalize_into(word, out); }

    // Normalises a whole metadata value (a source, a place) for exact filtering: case and
    // accent folding; white space, hyphens and underscores collapsed to single spaces; trimmed.
    std::string normalize_value(std::string_view value) const;

    // The stem of a normalised term; the term itself when the language is "none".
    std::string stem(const std::string& term) const;

private:
    struct Icu;
    AnalyzerSettings settings_;
    std::unique_ptr<Icu> icu_;
    Xapian::Stem stemmer_;

    void normalize_into(std::string_view word, std::string& out) const;
};

}  // namespace newsdex
