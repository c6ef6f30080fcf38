#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/shard_layout.h"
#include "search/spelling.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using newsdex::Speller;

// Each term with the number of documents that hold it (its term frequency).
using Vocabulary = std::vector<std::pair<std::string, unsigned>>;

void add_documents(Xapian::WritableDatabase& db, const Vocabulary& vocabulary) {
    unsigned documents = 0;
    for (const auto& [term, freq] : vocabulary) documents = std::max(documents, freq);
    for (unsigned i = 0; i < documents; ++i) {
        Xapian::Document doc;
        for (const auto& [term, freq] : vocabulary) {
            if (freq > i) doc.add_term(term);
        }
        db.add_document(doc);
    }
    db.commit();
}

struct Row {
    const char* what;
    std::string prefix;
    std::string word;
    std::optional<std::string> expected;
};

void check(const Speller& speller, const std::vector<Row>& rows) {
    for (const auto& row : rows) {
        SCOPED_TRACE(std::string(row.what) + ": \"" + row.prefix + "\" \"" + row.word + "\"");
        EXPECT_EQ(speller.correct(row.prefix, row.word), row.expected);
    }
}

class SpellerTest : public ::testing::Test {
protected:
    fs::path dir_ = newsdex::test::make_temp_dir("newsdex-spelling");
    void TearDown() override { fs::remove_all(dir_); }

    Xapian::Database single(const Vocabulary& vocabulary) {
        const std::string path = (dir_ / "db").string();
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        add_documents(db, vocabulary);
        db.close();
        return Xapian::Database(path);
    }
};

const Vocabulary kNews = {
    {"crude", 60}, {"crudo", 3}, {"cruda", 4}, {"oil", 40}, {"oil5", 500}, {"petroleum", 25},
    {"band", 25}, {"bond", 12}, {"mine", 6}, {"mint", 6}, {"grain", 3}, {"brain", 100},
    {"2024", 50}, {"usa", 10}, {"élection", 9}, {"zürich", 10}, {"sera", 40}, {"senate", 40}, {"not", 90}, {"north", 30},
    // Other fields, as the document builder writes them.
    {"Scrude", 30}, {"Kcrude", 20}, {"XSnew york times", 30}, {"XSnew york post", 5},
    {"XSreuters", 20}, {"Len", 100}, {"Y2024", 50}, {"Q0123456789abcdef:a.json\x1f" "1", 1},
};

TEST_F(SpellerTest, CorrectsWordsFromTheVocabulary) {
    const Speller speller(single(kNews));
    check(speller, {
        {"absent word", "", "crudd", "crude"},  // crudo and cruda are as close, far rarer
        {"swapped letters", "", "crued", "crude"},
        {"swapped first letters", "", "rcude", "crude"},
        {"extra first letter", "", "xcrude", "crude"},
        {"wrong first letter", "", "vrude", "crude"},
        {"missing first letter", "", "rude", "crude"},
        {"two edits in a long word", "", "petrlium", "petroleum"},
        {"three edits", "", "crxxd", std::nullopt},
        {"two edits in a 4-letter word", "", "olis", std::nullopt},
        {"two edits in a 5-letter word", "", "zebra", std::nullopt},   // not sera
        {"two edits in a 6-letter word", "", "sunaté", std::nullopt},  // not senate
        {"one edit in a 6-letter word", "", "senste", "senate"},
        {"tie: more frequent wins", "", "bend", "band"},
        {"tie: same frequency, smaller string", "", "minx", "mine"},
        {"distance before frequency", "", "grainn", "grain"},
        {"frequency before a longer shared start", "", "nort", "not"},  // suggestion.h picks by fit
        {"present, candidate 20x as common", "", "crudo", "crude"},
        {"present, candidate under 20x", "", "cruda", std::nullopt},
        {"present, nothing better", "", "crude", std::nullopt},
        {"word with a digit", "", "2025", std::nullopt},
        {"candidate with a digit", "", "oils", "oil"},  // not the commoner oil5
        {"short word", "", "us", std::nullopt},
        {"short word", "", "oi", std::nullopt},
        {"not normalised", "", "Crude", std::nullopt},
        {"non-ASCII, swapped", "", "électoin", "élection"},
        {"non-ASCII first letter missing", "", "lection", "élection"},
        {"accent", "", "zurich", "zürich"},
        {"title words", "S", "crued", "crude"},
        {"topics", "K", "crued", "crude"},
        {"source with spaces", "XS", "new yrok times", "new york times"},
        {"source", "XS", "reuter", "reuters"},
        {"source present", "XS", "new york post", std::nullopt},
        {"no such value", "XS", "bloomberg", std::nullopt},
    });
}

// For remote shards: everything but a missing or wrong first letter, which would read the list
// of every term.
TEST_F(SpellerTest, WithoutTheWholeVocabularyTheFirstLetterStays) {
    Speller speller(single(kNews));
    speller.without_whole_vocabulary();
    check(speller, {
        {"absent word", "", "crudd", "crude"},
        {"swapped first letters", "", "rcude", "crude"},
        {"extra first letter", "", "xcrude", "crude"},
        {"wrong first letter", "", "vrude", std::nullopt},
        {"missing first letter", "", "rude", std::nullopt},
        {"two edits in a long word", "", "petrlium", "petroleum"},
        {"non-ASCII, swapped", "", "électoin", "élection"},
        {"source with spaces", "XS", "new yrok times", "new york times"},
    });
}

TEST_F(SpellerTest, PrefixedTermsOfOtherFieldsNeverLeak) {
    // Each prefixed term is one edit from the word and far more common than the right answer.
    const Speller speller(single({{"crude", 1}, {"Kcrude", 100}, {"Scrude", 100}, {"XScrude", 100},
                                  {"Xcrude", 1}, {"XSreuters", 100}}));
    check(speller, {
        {"words, not topics or titles", "", "rcrude", "crude"},
        {"words, not titles", "", "scrude", "crude"},
        {"prefix X, not XS", "X", "scrude", "crude"},
        {"prefix X, only XS terms", "X", "sreuters", std::nullopt},
        {"prefix S", "S", "crudd", "crude"},
    });
}

TEST_F(SpellerTest, StopsAtTheTermBudget) {
    // 20,000 terms starting with "ca" lie between the start of "c" and "crude".
    Vocabulary vocabulary{{"crude", 1}};
    for (unsigned i = 0; i < 20'000; ++i) {
        std::string term = "ca";
        for (unsigned n = i, k = 0; k < 4; ++k, n /= 26) term += static_cast<char>('a' + n % 26);
        vocabulary.emplace_back(std::move(term), 1);
    }
    const Xapian::Database db = single(vocabulary);
    check(Speller(db), {{"whole vocabulary within the default budget", "", "rcude", "crude"}});
    check(Speller(db, 1'000), {
        {"behind the budget", "", "rcude", std::nullopt},
        {"met before the budget runs out", "", "crued", "crude"},
    });
    check(Speller(db, 10), {{"terms with the first two letters come first", "", "crued", "crude"}});
}

TEST_F(SpellerTest, ReadsEveryShardThroughTheStub) {
    const std::string path = dir_.string();
    const auto shards = newsdex::shard_layout::shard_names(path, 2);
    const Vocabulary vocabularies[2] = {
        {{"crude", 15}, {"bond", 3}, {"band", 5}},
        {{"crude", 10}, {"crudo", 1}, {"bond", 3}, {"petroleum", 2}},
    };
    for (std::size_t i = 0; i < 2; ++i) {
        Xapian::WritableDatabase shard(shards[i], Xapian::DB_CREATE);
        add_documents(shard, vocabularies[i]);
    }
    newsdex::shard_layout::write_stub(path, 2);
    const Speller speller{Xapian::Database(path)};
    check(speller, {
        {"frequencies summed over shards (25 >= 20 x 1)", "", "crudo", "crude"},
        {"tie broken by the summed frequency (6 > 5)", "", "bend", "bond"},
        {"candidate in the other shard", "", "petrlium", "petroleum"},
        {"absent word", "", "crued", "crude"},
    });
}

// The speller merges the shards' term lists itself: over shards it must find exactly what
// Xapian's own merge finds, budget cut-offs included (the budget counts distinct terms).
TEST_F(SpellerTest, ShardsOnTheirOwnGiveWhatTheStubGives) {
    const std::string path = dir_.string();
    const auto names = newsdex::shard_layout::shard_names(path, 2);
    Vocabulary vocabularies[2];
    // Overlapping vocabularies: every third term in both shards, the rest split between them.
    for (unsigned i = 0; i < 3'000; ++i) {
        std::string term = i % 2 == 0 ? "c" : "k";
        for (unsigned n = i * 7919, k = 0; k < 4; ++k, n /= 26) term += static_cast<char>('a' + n % 26);
        if (i % 3 == 0) vocabularies[0].emplace_back(term, 1 + i % 5), vocabularies[1].emplace_back(term, 1 + i % 4);
        else vocabularies[i % 3 - 1].emplace_back(term, 1 + i % 7);
    }
    for (const auto& [term, freq] : Vocabulary{{"crude", 9}, {"crudo", 2}, {"kcude", 4}, {"cruxe", 3}}) {
        vocabularies[freq % 2].emplace_back(term, freq);
    }
    std::vector<Xapian::Database> shards;
    for (std::size_t i = 0; i < 2; ++i) {
        Xapian::WritableDatabase shard(names[i], Xapian::DB_CREATE);
        add_documents(shard, vocabularies[i]);
        shard.close();
        shards.emplace_back(names[i]);
    }
    newsdex::shard_layout::write_stub(path, 2);
    const Xapian::Database whole(path);
    for (const std::size_t budget : {std::size_t{10}, std::size_t{200}, std::size_t{1'500}, Speller::kDefaultTermBudget}) {
        const Speller merged_by_xapian(whole, budget);
        const Speller merged_here(shards, budget);
        for (const std::string word : {"crudd", "rcude", "cuxe", "kcdue", "cabcd", "kzzzz", "crude"}) {
            SCOPED_TRACE(word + " budget " + std::to_string(budget));
            EXPECT_EQ(merged_here.candidates("", word, 6), merged_by_xapian.candidates("", word, 6));
        }
    }
    EXPECT_EQ(Speller(shards).correct("", "crudd"), "crude");
}

}  // namespace

TEST_F(SpellerTest, CandidatesAreTheClosestOnlyMostFrequentFirst) {
    const Speller speller(single(kNews));
    // crude (60), cruda (4), crudo (3) are one edit from "crudd"; nothing farther is listed.
    EXPECT_EQ(speller.candidates("", "crudd", 5), (std::vector<std::string>{"crude", "cruda", "crudo"}));
    EXPECT_EQ(speller.candidates("", "crudd", 2), (std::vector<std::string>{"crude", "cruda"}));
    // "grainn" is one edit from grain (3) and two from brain (100): only grain.
    EXPECT_EQ(speller.candidates("", "grainn", 5), (std::vector<std::string>{"grain"}));
    EXPECT_EQ(speller.candidates("", "crude", 5), (std::vector<std::string>{}));  // present, nothing 20x commoner
}
