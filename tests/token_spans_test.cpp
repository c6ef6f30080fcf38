// Token spans stored at index time rebuild exactly the tokens the analyzer makes, for every
// script the analyzer handles; damaged spans fall back to analysing; and snippets from a
// database without spans (made before them) are the same as with them.
#include <gtest/gtest.h>

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/analyzer.h"
#include "analysis/token_spans.h"
#include "index/schema.h"
#include "index/shard_layout.h"
#include "test_support.h"
#include "util/utf8.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

std::string spans_of(Analyzer& analyzer, std::string_view text) {
    std::vector<token_spans::Span> spans;
    for (const Token& t : analyzer.tokens(text)) spans.push_back({t.begin, t.end});
    std::string out;
    token_spans::append(spans, out);
    return out;
}

void expect_round_trip(Analyzer& analyzer, const std::string& text) {
    const std::string stored = spans_of(analyzer, text);
    std::string_view in = stored;
    const auto tokens = token_spans::read(in, text, analyzer);
    ASSERT_TRUE(tokens.has_value()) << text.substr(0, 80);
    EXPECT_EQ(*tokens, analyzer.tokens(text)) << text.substr(0, 80);
    EXPECT_TRUE(in.empty());
}

TEST(TokenSpans, RebuildTheAnalyzersTokensInEveryScript) {
    for (const bool fold : {true, false}) {
        Analyzer analyzer(AnalyzerSettings{"english", fold, true});
        for (const std::string& text : {
                 std::string("U.S. crude oil rose 1,000.50 dlrs; don't panic: it's 20-year-old news."),
                 std::string("Russia’s l’homme d’affaires İstanbul ŒUVRE Zürich straße ﬁnance ＡＢＣ"),
                 std::string("北京は晴れ。東京新報によると、カタカナ語も。한국어 문장"),
                 std::string("ภาษาไทยไม่มีช่องว่าง and Ελληνικά, русский язык"),
                 std::string("e\u0301te\u0301 cafe\u0301 naïve 👍🏽 family 👨‍👩‍👧 x\u00ADy"),
                 std::string(300, 'a') + " short " + std::string(250, 'b'),  // terms over kMaxTermBytes are dropped
                 std::string(" \t\n leading and trailing \r\n "),
                 std::string(""),
             }) {
            expect_round_trip(analyzer, text);
        }
    }
}

TEST(TokenSpans, RebuildTheTokensOfEveryCorpusFile) {
    Analyzer analyzer(AnalyzerSettings{});
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(NEWSDEX_CORPUS)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        std::string text = bytes.str();
        // Only valid UTF-8 is ever analysed (readers convert first); compressed files are not.
        if (repair_utf8(text) != 0) continue;
        expect_round_trip(analyzer, text);
        ++files;
    }
    EXPECT_GE(files, 40u);
}

TEST(TokenSpans, DamagedSpansAreRefused) {
    Analyzer analyzer(AnalyzerSettings{});
    const std::string text = "crude oil prices";
    const std::string good = spans_of(analyzer, text);
    ASSERT_EQ(good, std::string("\x03\x00\x05\x01\x03\x01\x06", 7));
    for (const std::string& bad : {
             std::string("\x03\x00\x05\x01\x03\x01", 6),      // ends inside a span
             std::string("\x03\x00\x05\x01\x03\x01\x07", 7),  // runs past the text
             std::string("\x03\x00\x05\x01\x00\x01\x06", 7),  // an empty token
             std::string("\xff\xff\xff\xff\x0f", 5),          // a count the bytes cannot hold
             std::string("\x80", 1),                          // a varint cut short
         }) {
        std::string_view in = bad;
        EXPECT_FALSE(token_spans::read(in, text, analyzer).has_value());
        // field_tokens analyses instead.
        EXPECT_EQ(token_spans::field_tokens(bad, token_spans::Field::title, text, analyzer), analyzer.tokens(text));
    }
    std::string_view in = good;
    EXPECT_FALSE(token_spans::read(in, "crude oil", analyzer).has_value());  // another, shorter text
}

TEST(TokenSpans, FieldTokensPickTheTitleOrTheBody) {
    Analyzer analyzer(AnalyzerSettings{});
    const std::string title = "Oil falls";
    const std::string body = "Crude oil fell on Tuesday.";
    const std::string stored = spans_of(analyzer, title) + spans_of(analyzer, body);
    EXPECT_EQ(token_spans::field_tokens(stored, token_spans::Field::title, title, analyzer), analyzer.tokens(title));
    EXPECT_EQ(token_spans::field_tokens(stored, token_spans::Field::body, body, analyzer), analyzer.tokens(body));
    EXPECT_EQ(token_spans::field_tokens("", token_spans::Field::body, body, analyzer), analyzer.tokens(body));
}

// Snippets from stored spans, and from re-analysis in a database made before spans were
// stored, must be the same: strip the spans from an indexed corpus and compare the output.
TEST(TokenSpans, SnippetsAreTheSameWithoutStoredSpans) {
    const fs::path tmp = test::make_temp_dir();
    const std::string db = (tmp / "corpus.db").string();
    ASSERT_EQ(test::run(NEWSDEX_INDEX_BIN, {"-q", "-d", db, NEWSDEX_CORPUS}).exit_code, 0);
    const std::vector<std::string> queries = {"north korean soldiers", "\"crude oil\"", "cocoa OR sugar",
                                              "東京", "zurich library", "title:kursk prisoners"};
    auto snippets = [&] {
        std::string all;
        for (const auto& q : queries) {
            const auto out = test::run(NEWSDEX_SEARCH_BIN, {"-d", db, "--format", "jsonl", "-n", "20", q});
            all += out.out;
        }
        return all;
    };
    const std::string with_spans = snippets();
    ASSERT_NE(with_spans.find("\"snippet\""), std::string::npos);
    std::size_t stripped = 0;
    for (const std::string& shard : shard_layout::shard_paths(db)) {
        Xapian::WritableDatabase w(shard);
        for (auto it = w.postlist_begin(""); it != w.postlist_end(""); ++it) {
            Xapian::Document doc = w.get_document(*it);
            if (doc.get_value(schema::kTokenSpansSlot).empty()) continue;
            doc.remove_value(schema::kTokenSpansSlot);
            w.replace_document(*it, doc);
            ++stripped;
        }
        w.commit();
    }
    EXPECT_EQ(stripped, 71u);
    EXPECT_EQ(snippets(), with_spans);
    fs::remove_all(tmp);
}

}  // namespace
}  // namespace newsdex
