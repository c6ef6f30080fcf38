#include <gtest/gtest.h>

#include <string>

#include "analysis/analyzer.h"

using newsdex::Analyzer;
using newsdex::AnalyzerSettings;

namespace {

// "term[position]" for each token, space-separated: one string per row keeps the tables readable.
std::string describe(Analyzer& analyzer, std::string_view text) {
    std::string out;
    for (const auto& t : analyzer.tokens(text)) {
        if (!out.empty()) out += ' ';
        out += t.term + "[" + std::to_string(t.position) + "]";
    }
    return out;
}

struct Row {
    const char* text;
    const char* expected;
};

void check_rows(Analyzer& analyzer, std::initializer_list<Row> rows) {
    for (const auto& row : rows) {
        EXPECT_EQ(describe(analyzer, row.text), row.expected) << "input: " << row.text;
    }
}

}  // namespace

TEST(Analyzer, FoldsCaseWidthAndCompatibilityForms) {
    Analyzer analyzer(AnalyzerSettings{});
    check_rows(analyzer, {
        {"North KOREAN Soldiers", "north[0] korean[1] soldiers[2]"},
        {"ＡＢＣ ｆｕｌｌ", "abc[0] full[1]"},
        {"ﬁnance ﬂow", "finance[0] flow[1]"},
        {"İstanbul ISTANBUL", "istanbul[0] istanbul[1]"},
        {"ΟΔΥΣΣΕΥΣ Οδυσσεύς", "οδυσσευσ[0] οδυσσευσ[1]"},
    });
}

TEST(Analyzer, FoldsAccentsByDefault) {
    Analyzer analyzer(AnalyzerSettings{});
    check_rows(analyzer, {
        {"Zürich São Paulo", "zurich[0] sao[1] paulo[2]"},
        {"Straße STRASSE", "strasse[0] strasse[1]"},
        {"Łódź Ørsted", "lodz[0] orsted[1]"},
        {"ёлка Йошкар", "елка[0] йошкар[1]"},
    });
}

TEST(Analyzer, KeepsAccentsWhenAsked) {
    Analyzer analyzer(AnalyzerSettings{"english", false});
    check_rows(analyzer, {
        {"Zürich zurich", "zürich[0] zurich[1]"},
        {"İstanbul", "istanbul[0]"},
        {"Straße", "strasse[0]"},
    });
}

TEST(Analyzer, ApostrophesAndPossessives) {
    Analyzer analyzer(AnalyzerSettings{});
    check_rows(analyzer, {
        {"Russia’s Russia's russia", "russia[0] russia[1] russia[2]"},
        {"don't don’t", "don't[0] don't[1]"},
        {"l’homme d'affaires", "homme[0] affaires[1]"},
        {"O'Brien", "o'brien[0]"},
    });
}

TEST(Analyzer, HyphensNumbersAndPunctuation) {
    Analyzer analyzer(AnalyzerSettings{});
    check_rows(analyzer, {
        {"a 20-year-old cease-fire", "a[0] 20[1] year[2] old[3] cease[4] fire[5]"},
        {"12,000 bags at 3.5% — up", "12,000[0] bags[1] at[2] 3.5[3] up[4]"},
        {"“Quoted,” she said… (really)!", "quoted[0] she[1] said[2] really[3]"},
    });
}

TEST(Analyzer, SplitsHanAndKanaIntoCharacters) {
    Analyzer analyzer(AnalyzerSettings{});
    check_rows(analyzer, {
        {"北京大学", "北[0] 京[1] 大[2] 学[3]"},
        {"東京でテスト", "東[0] 京[1] で[2] テ[3] ス[4] ト[5]"},
        {"Apple发布iPhone", "apple[0] 发[1] 布[2] iphone[3]"},
    });
}

TEST(Analyzer, OffsetsPointIntoTheOriginalText) {
    Analyzer analyzer(AnalyzerSettings{});
    const std::string text = "Zürich’s 北京";
    auto tokens = analyzer.tokens(text);
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Zürich’s");
    EXPECT_EQ(tokens[0].term, "zurich");
    EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "北");
    EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "京");
}

TEST(Analyzer, StemsWithTheConfiguredLanguageOnly) {
    Analyzer english(AnalyzerSettings{});
    EXPECT_EQ(english.stem("soldiers"), "soldier");
    EXPECT_EQ(english.stem("harvesting"), "harvest");
    Analyzer none(AnalyzerSettings{"none", true});
    EXPECT_EQ(none.stem("soldiers"), "soldiers");
    Analyzer german(AnalyzerSettings{"german", true});
    EXPECT_EQ(german.stem("soldaten"), "soldat");
}

TEST(Analyzer, NormalizesWholeValues) {
    Analyzer analyzer(AnalyzerSettings{});
    EXPECT_EQ(analyzer.normalize_value("  The New   York Times "), "the new york times");
    EXPECT_EQ(analyzer.normalize_value("Le Courrier du Matin"), "le courrier du matin");
    EXPECT_EQ(analyzer.normalize_value("el-salvador"), "el salvador");
    EXPECT_EQ(analyzer.normalize_value("West_Germany"), "west germany");
    EXPECT_EQ(analyzer.normalize_value("-- "), "");
    EXPECT_EQ(analyzer.normalize_value("Zürich"), "zurich");
}

TEST(Analyzer, RejectsUnknownLanguage) {
    try {
        Analyzer analyzer(AnalyzerSettings{"klingon", true});
        FAIL() << "expected an error";
    } catch (const std::exception& e) {
        EXPECT_TRUE(std::string(e.what()).starts_with("unknown language 'klingon' (known: none "))
            << e.what();
    }
}
