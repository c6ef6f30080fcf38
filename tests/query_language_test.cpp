// End-to-end tests of the query language (docs/query-language.md) on the sample corpus: the
// real binaries, exact result sets. Each expected set was derived by reading the corpus files
// (the header lines and JSON fields named in the comments), not from the program's output.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus_fixture.h"

namespace {

using namespace newsdex::test;

class QueryLanguage : public EndToEnd {};

// Titles with "Kursk": world/kursk-captured-soldiers.md, world/kursk-north-korean-troops.txt,
// world/de/kursk-nordkoreanische-soldaten.md and wire-2025-01.jsonl's hw-2025-039.
// hw-2025-031 (wire-2025-01.jsonl) has Kursk only in its body.
const Ids kKurskInTitle = {"hw-2025-007", "nl-2024-101", "bap-2024-318", "hw-2025-039"};
const Ids kKurskAnywhere = {"hw-2025-007", "nl-2024-101", "bap-2024-318", "hw-2025-039", "hw-2025-031"};

// Topics with cocoa: ghana-cocoa-harvest.txt (nl-2024-305), bahia-cocoa-sugar.txt
// (dm-2024-188), ivory-coast-mid-crop.md (hw-2025-012, a block list), newswire-dump.json's
// nl-2024-290 (tags), dm-2024-171 (keywords as a string), hw-2024-071 (category), and
// wire-2025-01.jsonl's hw-2025-033. Of these, Harbor Wire published hw-2025-012,
// hw-2024-071 and hw-2025-033.
const Ids kCocoaTopic = {"nl-2024-305", "dm-2024-188", "hw-2025-012", "nl-2024-290",
                         "dm-2024-171", "hw-2024-071", "hw-2025-033"};
const Ids kHarborWireCocoa = {"hw-2025-012", "hw-2024-071", "hw-2025-033"};

TEST_F(QueryLanguage, TitleFieldMatchesTitleWordsOnly) {
    expect_finds("title:kursk", kKurskInTitle);
    expect_finds("kursk", kKurskAnywhere);
    // brent-weekly-gain.md's title has "sanctions"; greek-shipping-listing.md has it in the body.
    expect_finds("title:sanction", {"dm-2025-022"});
    expect_finds("title:\"tanker sanctions\"", {"dm-2025-022"});
    // Titles with Bahia: bahia-cocoa-sugar.txt and newswire-dump.json's dm-2024-171 ("Dry
    // weather threatens both cocoa and sugar crops in Bahia").
    expect_finds("title:(cocoa OR sugar) title:bahia", {"dm-2024-188", "dm-2024-171"});
}

TEST_F(QueryLanguage, MetadataFieldsFilterOnTheWholeValue) {
    // Places "San Pedro": cacao-cote-divoire.md, ivory-coast-mid-crop.md, hw-2025-033.
    const Ids san_pedro = {"lcm-2024-1101", "hw-2025-012", "hw-2025-033"};
    expect_finds("place:\"San Pedro\"", san_pedro);
    expect_finds("place:san-pedro", san_pedro);
    expect_finds("PLACE:SAN_PEDRO", san_pedro);
    expect_finds("place:pedro", {});  // a part of a value is not the value
    expect_finds("topic:cocoa", kCocoaTopic);
    expect_finds("source:\"harbor wire\" topic:cocoa", kHarborWireCocoa);
    expect_finds("topic:cocoa -source:\"Harbor Wire\"", {"nl-2024-305", "dm-2024-188", "nl-2024-290", "dm-2024-171"});
    expect_finds("source:harbor", {});
    // bahia-cocoa-sugar.txt "Author: Ana Beatriz Souza"; dm-2024-171 "byline": "By Ana Beatriz Souza".
    expect_finds("author:\"ana beatriz souza\"", {"dm-2024-188", "dm-2024-171"});
    // Language de: zuercher-gemeinderat-tempo30.txt, kursk-nordkoreanische-soldaten.md and
    // newswire-dump.json's bap-2024-015.
    const Ids german = {"lb-2024-077", "bap-2024-318", "bap-2024-015"};
    expect_finds("lang:de", german);
    expect_finds("lang:German", german);
    expect_finds("id:NL-2024-101", {"nl-2024-101"});
}

TEST_F(QueryLanguage, FiltersCombineWithWordsAndApplyUnderMatchAny) {
    // Cocoa articles that say "Ivory Coast": ghana-cocoa-harvest.txt and the three Harbor Wire
    // ones (ivory-coast-mid-crop.md, hw-2024-071, hw-2025-033).
    expect_finds("\"ivory coast\" topic:cocoa -source:\"harbor wire\"", {"nl-2024-305"});
    expect_finds("kursk sanctions source:\"berliner abendpost\"", {"bap-2024-318"}, {"--match", "any"});
}

TEST_F(QueryLanguage, BooleanPrecedenceAndNesting) {
    // (kursk OR cocoa) AND ghana: only two articles name Ghana, both about cocoa
    // (ghana-cocoa-harvest.txt, and nl-2024-290 in newswire-dump.json).
    const Ids cocoa_ghana = {"nl-2024-305", "nl-2024-290"};
    expect_finds("kursk OR cocoa ghana", cocoa_ghana);
    expect_finds("(kursk OR cocoa) AND ghana", cocoa_ghana);
    expect_finds("ghana AND (cocoa OR (kursk AND soldiers))", cocoa_ghana);
    // title:kursk without the three titles that also say "North Korean".
    expect_finds("title:kursk NOT title:(north korean)", {"bap-2024-318"});
}

TEST_F(QueryLanguage, DatesFilterWithInclusiveEnds) {
    // Kursk articles by date: nl-2024-101 2024-11-03, bap-2024-318 2024-12-18, hw-2025-007
    // 2025-01-12, hw-2025-031 2025-01-14, hw-2025-039 2025-01-24.
    expect_finds("kursk date:2024-11..2024-12", {"nl-2024-101", "bap-2024-318"});
    expect_finds("kursk date:2025-01", {"hw-2025-007", "hw-2025-031", "hw-2025-039"});
    expect_finds("kursk date:2025", {"hw-2025-007", "hw-2025-031", "hw-2025-039"});
    expect_finds("kursk date:..2025-01-12", {"nl-2024-101", "bap-2024-318", "hw-2025-007"});
    expect_finds("kursk date:2025-01-14..", {"hw-2025-031", "hw-2025-039"});
    expect_finds("kursk", {"hw-2025-031", "hw-2025-039"}, {"--since", "2025-01-13"});
    expect_finds("kursk", {"hw-2025-007", "hw-2025-031"}, {"--since", "2025-01-12", "--until", "2025-01-14"});
    expect_finds("kursk date:2024", {"nl-2024-101"}, {"--until", "2024-11"});
    // archive/opec-ceiling-1987.txt is the only article before 2024.
    expect_finds("date:..1987-03-01", {"hw-arc-19870226-01"});
    // zurich-library-hours.txt has no date: found by its words, never by a date filter.
    expect_finds("library hours", {kLibraryHours});
    expect_finds("library hours date:1000..9999", {});
}

TEST_F(QueryLanguage, ProximityInEitherOrderWithinTheWindow) {
    // "captured soldiers" (meridian-array.json #2), "soldiers captured" (hw-2025-031).
    expect_finds("\"soldiers captured\"~0", {kSeoulTroops, "hw-2025-031"});
    expect_finds("\"soldiers captured\"", {"hw-2025-031"});
    // kursk-captured-soldiers.md: "capturing soldiers" (a form of captured) and "captured two
    // North Korean soldiers" (3 words between).
    expect_finds("captured NEAR/0 soldiers", {kSeoulTroops, "hw-2025-031", "hw-2025-007"});
    expect_finds("\"two north korean\" NEAR/0 captured", {"hw-2025-007"});
}

TEST_F(QueryLanguage, PrefixWildcards) {
    // "sanction..." appears in brent-weekly-gain.md and greek-shipping-listing.md only, always
    // as "sanctions".
    expect_finds("sanction*", {"dm-2025-022", "hw-2024-266"});
    expect_finds("SANCTIÓN*", {"dm-2025-022", "hw-2024-266"});
    expect_finds("title:sanction*", {"dm-2025-022"});
    expect_finds("sanctionzz*", {});
    expect_finds("source:harbor* date:..2000", {"hw-arc-19870226-01"});
}

TEST_F(QueryLanguage, ErrorsNameTheProblemAndExitTwo) {
    const struct {
        std::string query;
        std::string message;
    } rows[] = {
        {"north korean \"soldiers", "error: unclosed quote at column 14\n"},
        {"titel:korea", "error: unknown field 'titel' (did you mean 'title'?)\n"},
        {"date:2025-13-01", "error: bad date '2025-13-01'\n"},
        {"-crude", "error: a query made only of exclusions (from column 1) matches nothing: add a word or phrase "
                   "to search for, as in 'oil -crude'\n"},
        {"oil NEAR/x gas", "error: NEAR/ at column 5 needs a number, as in NEAR/5\n"},
    };
    for (const auto& row : rows) {
        const RunResult r = search({}, {row.query});
        EXPECT_EQ(r.exit_code, 2) << row.query;
        EXPECT_EQ(r.out, "") << row.query;
        EXPECT_EQ(r.err, row.message) << row.query;
    }
    const RunResult since = search({"--since", "2025-02-30"}, {"oil"});
    EXPECT_EQ(since.exit_code, 2);
    EXPECT_EQ(since.err, "error: bad date '2025-02-30' in --since\n");
    // Once, not once per query of a batch.
    const fs::path batch = make_temp_dir("newsdex-batch") / "queries.txt";
    write_file(batch, "oil\ncocoa\n");
    const RunResult batch_run = search({"--until", "2025-1", "--queries", batch.string()});
    EXPECT_EQ(batch_run.exit_code, 2);
    EXPECT_EQ(batch_run.out, "");
    EXPECT_EQ(batch_run.err, "error: bad date '2025-1' in --until\n");
    fs::remove_all(batch.parent_path());
}

TEST_F(QueryLanguage, WildcardCapWarnsOnStderr) {
    // The corpus has soldier, soldiers, sold, ... : more than one word starting with "sold".
    const RunResult r = search({"--format", "jsonl", "--max-expansions", "1"}, {"sold*"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err.rfind("warning: 'sold*' at column 1 matches ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(" terms; searching the 1 most frequent\n"), std::string::npos) << r.err;
    const std::vector<Json> lines = json_lines(r.out);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.back().at("warnings").size(), 1u);  // and in the JSON, after the hits
    const RunResult uncapped = search({"--format", "jsonl"}, {"sold*"});
    EXPECT_EQ(uncapped.err, "");
    EXPECT_GT(json_lines(uncapped.out).size(), json_lines(r.out).size() - 1);
}

// Spelling suggestions are built from the indexed vocabulary. "crued", "soldeirs", "nort" and
// "wrie" are in no corpus file; "crude" is in 15 places, "soldiers" and "north" in many, and
// Harbor Wire is the source of 17 articles.
TEST_F(QueryLanguage, SuggestsACorrectedQueryWhenFewArticlesMatch) {
    const struct {
        std::string query;
        std::string suggestion;
    } rows[] = {
        {"crued oil", "crude oil"},
        {"kursk soldeirs", "kursk soldiers"},
        {"nort korean soldiers", "north korean soldiers"},  // "not" is commoner, "north" fits
        {"\"prisonners of war\"", "\"prisoners of war\""},
        {"source:\"harbor wrie\" cocoa", "source:\"harbor wire\" cocoa"},
        {"title:kursc", "title:kursk"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.query);
        const RunResult text = search({"--color", "never"}, {row.query});
        EXPECT_EQ(text.exit_code, 1) << text.err;
        EXPECT_EQ(text.out, "did you mean: " + row.suggestion + "\n");
        const RunResult json = search({"--format", "json"}, {row.query});
        ASSERT_EQ(json.exit_code, 1) << json.err;
        EXPECT_EQ(Json::parse(json.out).at("suggestion"), row.suggestion);
    }
    // --no-suggest, queries whose words are all indexed (tanker sanctions: brent-weekly-gain.md
    // and greek-shipping-listing.md), and words with no close indexed word get no suggestion.
    EXPECT_EQ(search({"--no-suggest"}, {"crued oil"}).out, "");
    EXPECT_FALSE(json_lines(search({"--format", "json"}, {"tanker sanctions"}).out).front().contains("suggestion"));
    EXPECT_EQ(search({}, {"zebra"}).out, "");  // nothing within one edit
}

}  // namespace
