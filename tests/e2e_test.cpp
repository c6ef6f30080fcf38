// End-to-end tests: the real newsdex-index and newsdex-search binaries on the sample corpus
// (docs/corpus.md lists every article and where each special feature is). The corpus is indexed
// once, twice in a row, into a fresh database; each test runs newsdex-search against it and
// checks exit codes, exact result sets, ranking where it is clear-cut, snippets and output formats.
// Every expected value comes from reading the corpus text, not from the program's output.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus_fixture.h"

namespace {

using namespace newsdex::test;  // the corpus fixture, run(), RunResult, make_temp_dir(), read_file()

// The code points [from, to) of UTF-8 `text`, as the JSON highlights count them.
std::string code_points(const std::string& text, std::size_t from, std::size_t to) {
    std::size_t index = 0, begin = text.size(), end = text.size();
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (index == from) begin = i;
        if (index == to) {
            end = i;
            break;
        }
        ++index;
    }
    return begin <= end ? text.substr(begin, end - begin) : std::string();
}

std::string ascii_lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

// The body of a corpus .txt file: everything after the header block, without the final newline.
std::string txt_body(const std::string& relative_path) {
    const std::string text = read_file(fs::path(kCorpus) / relative_path);
    std::string body = text.substr(text.find("\n\n") + 2);
    while (!body.empty() && body.back() == '\n') body.pop_back();
    return body;
}

// ---- indexing -------------------------------------------------------------------------------

TEST_F(EndToEnd, IndexingTheCorpusReportsAllArticles) {
    // 71 articles in 47 files (docs/corpus.md), none of them faulty. Each entry of an archive
    // counts as a file read, so the tar with two entries makes 48.
    EXPECT_EQ(first_index_.out, "");
    EXPECT_TRUE(first_index_.err.starts_with(
        "indexed 71 articles: 71 added, 0 updated, 0 unchanged, 0 removed; 48 files read, 0 unchanged, "
        "0 ignored, 0 failed; 0 warnings; "))
        << first_index_.err;
    EXPECT_EQ(std::count(first_index_.err.begin(), first_index_.err.end(), '\n'), 1) << first_index_.err;
}

TEST_F(EndToEnd, ReindexingAnUnchangedCorpusSkipsEveryFile) {
    EXPECT_EQ(second_index_.exit_code, 0) << second_index_.err;
    EXPECT_TRUE(second_index_.err.starts_with(
        "indexed 0 articles: 0 added, 0 updated, 71 unchanged, 0 removed; 0 files read, 47 unchanged, "
        "0 ignored, 0 failed; 0 warnings; "))
        << second_index_.err;
    // Still one article per phrase match, not two (this database was indexed twice).
    expect_finds("\"prisoners of war\"", {"dm-2025-004", "hw-2025-031", "hw-2025-007"});
}

TEST_F(EndToEnd, EveryCorpusArticleIsStoredOnceAfterReindexing) {
    // The table of docs/corpus.md: id (or path when the record has none) and title.
    const std::vector<std::pair<std::string, const char*>> articles = {
        {"hw-2025-007", "Ukraine says it captured two North Korean soldiers in Kursk"},
        {"nl-2024-101", "North Korean soldiers join fighting in Kursk region, Kyiv says"},
        {"dm-2025-004", "Ukraine and Russia swap hundreds of prisoners of war after Gulf mediation"},
        {"bap-2024-318", "Nordkoreanische Soldaten kämpfen im Gebiet Kursk"},
        {"tks-2024-1224", "北朝鮮兵、クルスク州で戦闘に参加か"},
        {"mv-2024-227", "Бои в Курской области: Киев сообщает о северокорейских военных"},
        {"hw-arc-19870226-01", "OPEC MINISTERS SAID TO FAVOUR HOLDING OUTPUT CEILING"},
        {"dm-2025-022", "Brent heads for third weekly gain on tanker sanctions"},
        {"nl-2024-210", "OPEC+ delays output increase as crude oil slides toward $70"},
        {"lcm-2024-1206", "Le pétrole recule après le report de la hausse de production de l'OPEP+"},
        {"mv-2025-014", "ОПЕК+ сохраняет ограничения добычи нефти"},
        {"hx-2025-0108", "国际原油价格连续下跌，市场担忧需求放缓"},
        {"dm-2024-188", "Bahia cocoa farms revive as sugar cane loses ground"},
        {"nl-2024-305", "Ghana’s cocoa harvest falls short as swollen shoot disease spreads"},
        {"hw-2025-012", "Ivory Coast mid-crop outlook improves after heavy rains"},
        {"lcm-2024-1101", "Côte d'Ivoire : le prix du cacao bord champ relevé pour la grande campagne"},
        {"hw-2024-266", "Greek tanker owner Odysseus Maritime plans Athens listing"},
        {"nl-2025-018", "Nordhavn Bank lifts profit forecast on stronger lending margins"},
        {"hx-2024-1127", "人民币对美元汇率小幅走强"},
        {kDeskNotes, nullptr},  // no title in the file
        {"dm-2025-011", "Berlin payments start-up cuts a fifth of its staff"},
        {"dm-2024-205", "U.S. tightens chip export rules as Asian suppliers weigh the impact"},
        {"tks-2025-0131", "半導体大手、熊本に第二工場建設へ"},
        {"hw-2024-090", "İstanbul council votes to cap ferry fares for students"},
        {"dm-2024-233", "São Paulo council approves flood-defence budget after summer storms"},
        {"nl-2024-412", "Zürich council approves new tram line through the Langstrasse district"},
        {"lb-2024-077", "Zürcher Gemeinderat streitet über Tempo 30 auf Hauptachsen"},
        {kLibraryHours, "Zürich library extends evening hours"},
        {"nl-2025-040", "Asian refiners trim crude purchases as margins shrink"},
        {"dm-2024-140", "Bank of England holds rates and signals patience on cuts"},
        {kSeoulTroops, "Seoul lawmakers press government on North Korean troops held by Ukraine"},
        {"dm-2024-151", "Zürich voters back a 300-million-franc fund for affordable housing"},
        {"dm-2025-030", "Tanker rates jump as Asian buyers seek crude oil from the Atlantic basin"},
        {"nl-2024-290", "Ghana's cocoa regulator secures financing for the new harvest"},
        {"dm-2024-171", "Dry weather threatens both cocoa and sugar crops in Bahia"},
        {"bap-2024-015", "Ölpreis steigt nach Angriffen auf Tanker im Roten Meer"},
        {"hw-2024-071", "Ivory Coast keeps mid-crop cocoa price unchanged"},
        {"hx-2024-0927", "中国人民银行下调存款准备金率"},
        {"mv-2024-1015", "Банки готовятся к массовому запуску цифрового рубля"},
        {"hw-2025-031", "Red Cross seeks access to North Korean prisoners of war in Ukraine"},
        {"hw-2025-032", "U.S. crude oil stocks fall for eighth week as cold snap lifts demand"},
        {"hw-2025-033", "Cocoa arrivals at Ivory Coast ports run ahead of last season"},
        {"hw-2025-034", "São Paulo metro workers call off strike after council mediation"},
        {"hw-2025-035", "Data-centre boom strains power grids in northern Europe"},
        {"tks-2025-0121", "チョコレート値上げ相次ぐ、カカオ豆高騰で"},
        {"lcm-2025-0122", "Zurich : le conseil municipal adopte un budget record pour les crèches"},
        {"hw-2025-039", "North Korean units pulled back from Kursk front line, Kyiv says"},
        // corpus/formats/: records without an id field are known by their path.
        {"formats/html/rotterdam-shore-power.html",
         "Rotterdam council backs shore power for river cruise ships"},
        // No og:title: the <title>, without the " – Copperline Times" that names the site.
        {"formats/html/lisbon-battery-recycler.html",
         "Lisbon battery recycler Tavolenne raises €40 million for a second plant"},
        {"fmt-lp-2025-0211-01", "Tanker Saltmire Dawn diverts around the Cape as insurance premiums climb"},
        {"fmt-lp-2025-0212-02", "Amsterdam cacao grinder Pellowick cuts night shifts as bean costs bite"},
        {"fmt-lp-2025-0212-03", "Dutch regulator grants banking licence to payments firm Quorlan"},
        {"fmt-qn-2025-0212", "Kyiv volunteers turn school basements into classrooms"},
        {"fmt-qn-2025-0213", "Nordic pension funds pile into data-centre bonds"},
        {"fmt-nitf-2025-0206", "Demining crews hand cleared fields back to farmers near Kharkiv"},
        {"fmt-trec-2025-0210-01", "Fire at Aldermoor refinery halts diesel loadings on the Humber"},
        {"fmt-trec-2025-0211-02", "Cameroon growers ship beans straight to Europe through Kribi"},
        {"fmt-trec-2025-0212-03", "Lyon council opens the Rhône to swimmers at a new river beach"},
        {"fmt-trec-2025-0214-01", "Chip designer Corvantis opens a design centre in Porto"},
        {"fmt-reu-0001", "SINGAPORE REFINERS RAISE RUNS AS SERANGKAI PLANT RESTARTS"},
        {"fmt-reu-0002", "ARDMORAY BANCORP TO BUY TWO COMMUNITY BANKS IN OHIO"},
        {"fmt-jsonl-2025-0215-01", "Valparaíso council votes to rescue the Miramelga funicular"},
        {"fmt-jsonl-2025-0216-02", "Lithuanian volunteers send their hundredth generator convoy to Ukraine"},
        {"fmt-tar-2025-0217", "Tengrivel condensate begins flowing to the Black Sea"},
        {"formats/archives/desk-bundle-2025-02.tar.gz:desk-bundle/izmir-bike-lane.html",
         "İzmir council approves a protected bike lane along the Kordon"},
        {"fmt-zip-2025-0222", "Column: Hollowbrook Labs bets on a phone that does less"},
        {"formats/warc/crawl-2025-02.warc.gz#3", "Ukrainian rail crews reopen the Oskil bridge in five weeks"},
        {"formats/warc/crawl-2025-02.warc.gz#4",
         "Bruges chocolatier Brugemont makes its pralines smaller instead of dearer"},
        {"fmt-enc-fr-2025-0219", "Lausanne : le conseil communal rend la place de la Vélodière aux piétons"},
        {"fmt-enc-ru-2025-0220", "НПЗ в Ключегорске возобновил выпуск дизельного топлива после ремонта"},
        {"formats/encodings/shiomiura-bus-sjis.html", "潮見浦市議会、自動運転バスの試験運行を承認"},
    };
    ASSERT_EQ(articles.size(), 71u);
    for (const auto& [id, title] : articles) {
        SCOPED_TRACE("--show " + id);
        const Json article = show_json(id);  // exactly one object, even after two runs
        if (article.is_null()) continue;
        EXPECT_EQ(article.at("id"), id);
        if (title != nullptr) {
            EXPECT_EQ(article.at("title"), title);
        }
    }
}

TEST_F(EndToEnd, QuietIndexingPrintsNothing) {
    const std::string db = (tmp_ / "quiet.db").string();
    const RunResult r = run(kIndexBin, {"-q", "-d", db, kCorpus + "/local"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "");
    const RunResult found = run(kSearchBin, {"-d", db, "--format", "jsonl", "istanbul"});
    EXPECT_EQ(found.exit_code, 0) << found.err;
    EXPECT_EQ(ids_of(json_lines(found.out)), Ids{"hw-2024-090"});
}

TEST_F(EndToEnd, ReindexingWithAnotherLanguageIsRefused) {
    const std::string db = (tmp_ / "english.db").string();
    ASSERT_EQ(run(kIndexBin, {"-q", "-d", db, kCorpus + "/local"}).exit_code, 0);
    const RunResult r = run(kIndexBin, {"-d", db, "--language", "french", kCorpus + "/local"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.err.starts_with("error: ")) << r.err;
    EXPECT_NE(r.err.find("--language"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("english"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("french"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    // The refused run left the database as it was.
    const RunResult found = run(kSearchBin, {"-d", db, "--format", "jsonl", "istanbul"});
    EXPECT_EQ(found.exit_code, 0) << found.err;
    EXPECT_EQ(ids_of(json_lines(found.out)), Ids{"hw-2024-090"});
}

TEST_F(EndToEnd, IndexerUsesNewsdexDbWhenNoDbOptionIsGiven) {
    const std::string db = (tmp_ / "from-env.db").string();
    const RunResult r = run(kIndexBin, {"-q", kCorpus + "/local"}, {.env = {{"NEWSDEX_DB", db}}});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::is_directory(db));
}

TEST_F(EndToEnd, EveryFormatInTheCorpusIsSearchable) {
    // corpus/formats/ holds articles in each input format of docs/formats.md; each row's word
    // appears in that article only (docs/corpus.md). Records without an id are known by path.
    const std::vector<QueryRow> rows = {
        // HTML with <article>, Open Graph and a canonical link; HTML without <article>, whose
        // text is found by density and whose metadata is only JSON-LD.
        {"brennmarsh", {"formats/html/rotterdam-shore-power.html"}},
        {"tavolenne", {"formats/html/lisbon-battery-recycler.html"}},
        // RSS 2.0: HTML in description, content:encoded, plain-text description.
        {"saltmire", {"fmt-lp-2025-0211-01"}},
        {"pellowick", {"fmt-lp-2025-0212-02"}},
        {"quorlan", {"fmt-lp-2025-0212-03"}},
        // Atom: html content, xhtml content.
        {"oberih", {"fmt-qn-2025-0212"}},
        {"fjellvik", {"fmt-qn-2025-0213"}},
        // NITF.
        {"clearground", {"fmt-nitf-2025-0206"}},
        // TREC SGML: three <DOC>s in a .trec, and one in a file without an extension (sniffed).
        {"aldermoor", {"fmt-trec-2025-0210-01"}},
        {"sanagarde", {"fmt-trec-2025-0211-02"}},
        {"gerlandine", {"fmt-trec-2025-0212-03"}},  // in the first of its two TEXT blocks
        {"\"52 votes to 11\"", {"fmt-trec-2025-0212-03"}},  // in the second
        {"corvantis", {"fmt-trec-2025-0214-01"}},
        // Reuters-21578 SGML.
        {"serangkai", {"fmt-reu-0001"}},
        {"ardmoray", {"fmt-reu-0002"}},
        // JSON Lines in gzip.
        {"miramelga", {"fmt-jsonl-2025-0215-01"}},
        {"baltvolt", {"fmt-jsonl-2025-0216-02"}},
        // A .tar.gz with a .txt and an .html; a .zip with a .md.
        {"tengrivel", {"fmt-tar-2025-0217"}},
        {"mavipedal", {"formats/archives/desk-bundle-2025-02.tar.gz:desk-bundle/izmir-bike-lane.html"}},
        {"hollowbrook", {"fmt-zip-2025-0222"}},
        // WARC in gzip: two HTML responses (the second gzip-encoded by the server).
        {"ironspan", {"formats/warc/crawl-2025-02.warc.gz#3"}},
        {"brugemont", {"formats/warc/crawl-2025-02.warc.gz#4"}},
        // Legacy encodings: found only when decoded right.
        {"velodiere", {"fmt-enc-fr-2025-0219"}},  // ISO-8859-1, detected
        {"Vélodière", {"fmt-enc-fr-2025-0219"}},
        {"ключегорск", {"fmt-enc-ru-2025-0220"}},  // KOI8-R, detected
        {"潮見浦", {"formats/encodings/shiomiura-bus-sjis.html"}},  // Shift_JIS, <meta charset>
    };
    for (const auto& row : rows) expect_finds(row.query, row.expected);
}

// ---- ranked keyword and phrase queries ------------------------------------------------------

TEST_F(EndToEnd, KeywordQueryFindsArticlesWithEveryWord) {
    const Found found = find("north korean soldiers");
    EXPECT_EQ(found.exit_code, 0);
    const Ids ids = ids_of(found.hits);
    // Every article with north, korean and soldier(s).
    EXPECT_EQ(sorted(ids), sorted({"hw-2025-007", "nl-2024-101", "dm-2025-004", kSeoulTroops,
                                   "hw-2025-031", "hw-2025-039"}));
    ASSERT_EQ(ids.size(), 6u);
    // First: all three words in its title and "soldier(s)" six times in the text. Last: the
    // swap story, which names North Korean soldiers once, to say none were exchanged.
    EXPECT_EQ(ids.front(), "hw-2025-007");
    EXPECT_EQ(ids.back(), "dm-2025-004");
    for (std::size_t i = 0; i < found.hits.size(); ++i) {
        EXPECT_EQ(found.hits[i].at("rank"), i + 1);
        if (i > 0) {
            EXPECT_GE(found.hits[i - 1].at("score"), found.hits[i].at("score"));
        }
    }
}

TEST_F(EndToEnd, PhraseAndKeyword) {
    // Of the three "prisoners of war" articles, the swap story never mentions Kursk.
    expect_finds("\"prisoners of war\" kursk", {"hw-2025-031", "hw-2025-007"});
}

TEST_F(EndToEnd, PhraseNeedsItsWordsInOrder) {
    // The phrase appears in exactly three articles; two more have "prisoners" and "war" apart.
    expect_finds("\"prisoners of war\"", {"hw-2025-007", "dm-2025-004", "hw-2025-031"});
    expect_finds("prisoners war",
                 {"hw-2025-007", "dm-2025-004", "hw-2025-031", "nl-2024-101", kSeoulTroops});
    expect_finds("\"crude oil\"",
                 {"nl-2024-210", "dm-2025-022", "hw-arc-19870226-01", "dm-2025-030", "hw-2025-032"});
}

// ---- the analyzer, end to end ---------------------------------------------------------------

TEST_F(EndToEnd, CaseAccentsWidthAndApostrophesDoNotMatter) {
    const Ids zurich = {"nl-2024-412", kLibraryHours, kDeskNotes, "dm-2024-151",
                        "lb-2024-077",    // Zürich only in its Places; the body says Zürcher
                        "lcm-2025-0122"}; // "Zurich", without the umlaut
    const Ids sao_paulo = {"dm-2024-233", "dm-2024-188", "hw-2025-034"};
    // Karl-Marx-Straße, standalone Straße, Hans-Zellweger-Strasse; not the compounds
    // Langstrasse (also in nl-2024-412) or Wohnstrassen.
    const Ids strasse = {"dm-2025-011", "bap-2024-015", "nl-2024-412"};
    // Russia's (ASCII) in dm-2025-004, Russia’s (U+2019) in nl-2024-101, plain Russia elsewhere.
    const Ids russia = {"dm-2025-004", "nl-2024-101", "hw-2025-031", "hw-2025-039", kSeoulTroops};
    const std::vector<QueryRow> rows = {
        {"zurich", zurich},
        {"Zürich", zurich},
        {"ZÜRICH", zurich},
        {"sao paulo", sao_paulo},
        {"São Paulo", sao_paulo},
        {"strasse", strasse},
        {"Straße", strasse},
        {"istanbul", {"hw-2024-090"}},  // İstanbul, with U+0130, is in that article only
        {"İstanbul", {"hw-2024-090"}},
        {"ISTANBUL", {"hw-2024-090"}},
        {"kadikoy", {"hw-2024-090"}},  // Kadıköy, dotless ı
        // nl-2025-018's only "finance" is written with the ﬁ ligature (U+FB01); the others
        // have finance, financing or financement, which share its stem.
        {"finance", {"nl-2025-018", "hw-2024-266", "dm-2024-140", "nl-2024-290", "lcm-2025-0122"}},
        {"abc", {"dm-2024-205"}},  // full-width ＡＢＣ; ASCII ABC appears nowhere
        {"ＡＢＣ", {"dm-2024-205"}},
        {"οδυσσευς", {"hw-2024-266"}},  // Οδυσσεύς and ΟΔΥΣΣΕΥΣ, final sigma
        {"ΟΔΥΣΣΕΥΣ", {"hw-2024-266"}},
        {"Russia's", russia},
        {"Russia’s", russia},
        {"russia", russia},
        {"Ghana’s", {"nl-2024-305", "nl-2024-290"}},  // Ghana’s in one title, Ghana's in the other
        {"20-year-old", {"hw-2025-007"}},
        {"\"20-year-old\"", {"hw-2025-007"}},
        {"\"20 year old\"", {"hw-2025-007"}},
        {"cease-fire", {"dm-2025-004"}},
        {"12,000", {"nl-2024-305"}},  // other articles have 12 or 000, never 12,000
    };
    for (const auto& row : rows) expect_finds(row.query, row.expected);
}

TEST_F(EndToEnd, ChineseAndJapaneseWordsAreFoundAsWritten) {
    const std::vector<QueryRow> rows = {
        // Chinese: 原油 (crude oil) and 期货 (futures) only in the crude oil story; 需求 (demand)
        // also in the renminbi story.
        {"原油", {"hx-2025-0108"}},
        {"期货", {"hx-2025-0108"}},
        {"需求", {"hx-2025-0108", "hx-2024-1127"}},
        {"\"原油价格\"", {"hx-2025-0108"}},
        {"原油 需求", {"hx-2025-0108"}},
        {"需求 -原油", {"hx-2024-1127"}},
        {"油原", {}},  // both characters are there, never in this order
        // Japanese: 北朝鮮 (North Korea), 北朝鮮兵 (North Korean soldiers), 無人機 (drone).
        {"北朝鮮", {"tks-2024-1224"}},
        {"\"北朝鮮兵\"", {"tks-2024-1224"}},
        {"北朝鮮 無人機", {"tks-2024-1224"}},
        {"北朝鮮 ロシア", {"tks-2024-1224"}},
        {"北朝鮮 OR 原油", {"tks-2024-1224", "hx-2025-0108"}},
        {"半導体 熊本", {"tks-2025-0131"}},
    };
    for (const auto& row : rows) expect_finds(row.query, row.expected);
}

TEST_F(EndToEnd, KeywordsMatchEveryInflectionButPhrasesOnlyTheWordAsWritten) {
    // soldier: singular in two articles, plural in those and four more.
    const Ids soldier_any = {"hw-2025-007", "nl-2024-101", "dm-2025-004", kSeoulTroops,
                             "hw-2025-031", "hw-2025-039"};
    // harvest, harvested, harvesting: harvest alone in four articles, harvested in two.
    const Ids harvest_any = {"nl-2024-305", "hw-2025-012", "dm-2024-188", "nl-2024-290",
                             "dm-2024-171", "hw-2025-033"};
    const std::vector<QueryRow> rows = {
        {"soldier", soldier_any},
        {"soldiers", soldier_any},
        {"\"soldier\"", {"hw-2025-007", "nl-2024-101"}},  // not dm-2025-004, which has only "soldiers"
        {"harvested", harvest_any},
        {"harvest", harvest_any},
        {"\"harvested\"", {"nl-2024-305", "hw-2025-012"}},
    };
    for (const auto& row : rows) expect_finds(row.query, row.expected);
}

TEST_F(EndToEnd, PlacesInMetadataAreFoundLikeBodyWords) {
    // hx-2024-0927 names 上海 and 北京 only in its places; the other two have 北京 only there too.
    // "zurich" finds lb-2024-077 through its Places, so the same must hold for Chinese places.
    expect_finds("北京", {"hx-2024-0927", "hx-2024-1127", "hx-2025-0108"});
    expect_finds("上海", {"hx-2024-0927", "hx-2024-1127", "hx-2025-0108"});
}

// ---- boolean syntax -------------------------------------------------------------------------

TEST_F(EndToEnd, BooleanSyntax) {
    const Ids zurich = {"nl-2024-412", kLibraryHours, kDeskNotes, "dm-2024-151", "lb-2024-077",
                        "lcm-2025-0122"};
    std::vector<QueryRow> rows = {
        // Of the five Kursk articles only the German one lacks "korean" (it says nordkoreanische).
        {"kursk -korean", {"bap-2024-318"}},
        {"kursk NOT korean", {"bap-2024-318"}},
        // Cocoa articles without any sugar.
        {"cocoa -sugar", {"hw-2024-071", "hw-2025-012", "nl-2024-290", "nl-2024-305"}},
        {"cocoa -(sugar OR ghana)", {"hw-2024-071", "hw-2025-012"}},
        // "crude" and "oil" both present but never adjacent: one article.
        {"crude oil -\"crude oil\"", {"nl-2025-040"}},
        {"prisoners war -\"prisoners of war\"", {"nl-2024-101", kSeoulTroops}},
        // a b OR c is a AND (b OR c): no Zürich article mentions a ferry.
        {"ferry istanbul OR zurich", {"hw-2024-090"}},
        {"cocoa ghana OR bahia", {"nl-2024-290", "nl-2024-305", "dm-2024-171", "dm-2024-188"}},
        {"+cocoa +ghana", {"nl-2024-290", "nl-2024-305"}},
        {"cocoa AND bahia", {"dm-2024-171", "dm-2024-188"}},
    };
    Ids grouped = zurich;
    grouped.push_back("hw-2024-090");
    rows.push_back({"(ferry istanbul) OR zurich", grouped});
    for (const auto& row : rows) expect_finds(row.query, row.expected);
}

TEST_F(EndToEnd, MatchAnyFindsArticlesWithAnyWord) {
    expect_finds("istanbul zurich", {}, {});
    expect_finds("istanbul zurich",
                 {"hw-2024-090", "nl-2024-412", kLibraryHours, kDeskNotes, "dm-2024-151",
                  "lb-2024-077", "lcm-2025-0122"},
                 {"--match", "any"});
    // Both Ghana articles also mention the harvest; they rank above the four with harvest only.
    const Found found = find("ghana harvest", {"--match", "any"});
    EXPECT_EQ(found.exit_code, 0);
    const Ids ids = ids_of(found.hits);
    EXPECT_EQ(sorted(ids), sorted({"nl-2024-290", "nl-2024-305", "hw-2025-012", "hw-2025-033",
                                   "dm-2024-171", "dm-2024-188"}));
    ASSERT_GE(ids.size(), 2u);
    EXPECT_EQ(sorted({ids[0], ids[1]}), sorted({"nl-2024-290", "nl-2024-305"}));
}

// ---- errors and exit codes ------------------------------------------------------------------

TEST_F(EndToEnd, BadQueriesExitTwoWithTheColumn) {
    struct Row {
        std::string query;
        std::string err;  // exactly
    };
    const std::vector<Row> rows = {
        {"north \"korean soldiers", "error: unclosed quote at column 7\n"},
        {"Zürich \"tram", "error: unclosed quote at column 8\n"},      // columns count code points
        {"kursk “prisoners of war", "error: unclosed quote at column 7\n"},  // a curly opening quote
        {"Zürich (tram", "error: unclosed '(' at column 8\n"},
        {"cocoa OR", "error: OR at column 7 needs a word or phrase after it\n"},
        {"-crude -oil",
         "error: a query made only of exclusions (from column 1) matches nothing: add a word or "
         "phrase to search for, as in 'oil -crude'\n"},
        {"NOT cocoa",
         "error: a query made only of exclusions (from column 1) matches nothing: add a word or "
         "phrase to search for, as in 'oil -crude'\n"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE("query: " + row.query);
        for (const char* format : {"text", "jsonl", "json"}) {
            const RunResult r = search({"--format", format}, {row.query});
            EXPECT_EQ(r.exit_code, 2);
            EXPECT_EQ(r.err, row.err);
            EXPECT_EQ(r.out, "");
        }
    }
}

TEST_F(EndToEnd, NoMatchExitsOneWithNothingOnStdout) {
    // "zebra" appears nowhere in the corpus; all Zürich articles have "zurich".
    for (const std::string query : {"zebra", "zurich -zurich zebra", "zurich -\"zurich\""}) {
        SCOPED_TRACE("query: " + query);
        for (const char* format : {"text", "jsonl"}) {
            const RunResult r = search({"--format", format}, {query});
            EXPECT_EQ(r.exit_code, 1) << r.err;
            EXPECT_EQ(r.out, "");
        }
    }
    // json still prints its one object per query, with no results.
    const RunResult r = search({"--format", "json"}, {"zebra"});
    EXPECT_EQ(r.exit_code, 1);
    const Json ranking = {{"model", "bm25"}, {"k1", 1.0}, {"k2", 0.0}, {"k3", 1.0},
                          {"b", 0.5},        {"min_normlen", 0.5}, {"sort", "relevance"}};
    const Json expected = {
        {"query", "zebra"}, {"total", 0}, {"offset", 0}, {"ranking", ranking}, {"results", Json::array()}};
    EXPECT_EQ(Json::parse(r.out), expected);
}

TEST_F(EndToEnd, MissingDatabaseExitsTwo) {
    const std::string missing = (tmp_ / "no-such.db").string();
    const RunResult r = run(kSearchBin, {"-d", missing, "zurich"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(r.err.starts_with("error: no database at " + missing)) << r.err;
    EXPECT_FALSE(fs::exists(missing));  // searching never creates one
}

TEST_F(EndToEnd, ShowOfUnknownIdExitsOne) {
    const RunResult r = search({"--show", "no-such-id"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("no-such-id"), std::string::npos) << r.err;
}

// ---- output ---------------------------------------------------------------------------------

TEST_F(EndToEnd, JsonHasEveryFieldInOrder) {
    const RunResult r = search({"--format", "json"}, {"\"prisoners of war\" kursk"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<Json> objects = json_lines(r.out);
    ASSERT_EQ(objects.size(), 1u);  // one object, on one line
    const Json& object = objects.front();
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"query", "total", "offset", "ranking", "results"}));
    EXPECT_EQ(object.at("query"), "\"prisoners of war\" kursk");
    EXPECT_EQ(object.at("total"), 2);
    EXPECT_EQ(object.at("offset"), 0);
    ASSERT_EQ(object.at("results").size(), 2u);

    const std::vector<std::string> hit_keys = {"rank", "id", "score", "title", "date", "source",
                                               "path", "url", "authors", "language", "topics",
                                               "places", "organisations", "snippet", "highlights"};
    for (const Json& hit : object.at("results")) {
        keys.clear();
        for (const auto& [key, value] : hit.items()) keys.push_back(key);
        EXPECT_EQ(keys, hit_keys);
    }
    // The front matter of world/kursk-captured-soldiers.md.
    const auto it = std::find_if(object.at("results").begin(), object.at("results").end(),
                                 [](const Json& hit) { return hit.at("id") == "hw-2025-007"; });
    ASSERT_NE(it, object.at("results").end());
    const Json& hit = *it;
    EXPECT_TRUE(hit.at("rank") == 1 || hit.at("rank") == 2);
    EXPECT_TRUE(hit.at("score").is_number());
    EXPECT_GT(hit.at("score").get<double>(), 0.0);
    EXPECT_EQ(hit.at("title"), "Ukraine says it captured two North Korean soldiers in Kursk");
    EXPECT_EQ(hit.at("date"), "2025-01-12");
    EXPECT_EQ(hit.at("source"), "Harbor Wire");
    EXPECT_EQ(hit.at("path"), "world/kursk-captured-soldiers.md");
    EXPECT_EQ(hit.at("url"), "https://harborwire.example/2025/01/12/kursk-captured-north-korean-soldiers");
    EXPECT_EQ(hit.at("authors"), Json::array({"Tomas Reyes"}));
    EXPECT_EQ(hit.at("language"), "en");
    EXPECT_EQ(hit.at("topics"), Json::array({"conflict", "North Korea", "prisoners of war"}));
    EXPECT_EQ(hit.at("places"), Json::array({"Kursk", "Kyiv", "Seoul"}));
    EXPECT_EQ(hit.at("organisations"), Json::array());
    EXPECT_TRUE(hit.at("snippet").is_string());
    EXPECT_TRUE(hit.at("highlights").is_array());
}

TEST_F(EndToEnd, JsonHasNullForMissingMetadata) {
    // local/notes/zurich-library-hours.txt: a title line and a body, nothing else.
    const Found found = find("library evening hours");
    ASSERT_EQ(ids_of(found.hits), Ids{kLibraryHours});
    const Json& hit = found.hits.front();
    EXPECT_EQ(hit.at("query"), "library evening hours");  // jsonl repeats the query on each line
    EXPECT_EQ(hit.at("title"), "Zürich library extends evening hours");
    EXPECT_EQ(hit.at("path"), kLibraryHours);
    for (const char* key : {"date", "source", "url", "language"}) {
        EXPECT_TRUE(hit.at(key).is_null()) << key;
    }
    for (const char* key : {"authors", "topics", "places", "organisations"}) {
        EXPECT_EQ(hit.at(key), Json::array()) << key;
    }
}

TEST_F(EndToEnd, DatesAreDaysOrUtcSeconds) {
    struct Row {
        std::string id;
        const char* date;  // nullptr: null
    };
    const std::vector<Row> rows = {
        {"hw-2025-007", "2025-01-12"},                    // 2025-01-12
        {"dm-2024-151", "2024-11-24"},                    // 2024-11-24
        {"nl-2024-101", "2024-11-03T08:15:00Z"},          // 2024-11-03T08:15:00Z
        {"nl-2024-210", "2024-12-05T13:30:00Z"},          // 2024-12-05T14:30:00+01:00
        {"dm-2024-205", "2024-12-04T02:10:00Z"},          // 2024-12-03T21:10:00-05:00, next day in UTC
        {"tks-2024-1224", "2024-12-24T00:00:00Z"},        // 2024-12-24T09:00:00+09:00
        {"dm-2025-004", "2025-01-04T10:00:00Z"},          // Sat, 04 Jan 2025 10:00:00 GMT
        {"bap-2024-015", "2024-01-15T13:05:00Z"},         // Mon, 15 Jan 2024 14:05:00 +0100
        {"hw-arc-19870226-01", "1987-02-26T15:01:01Z"},   // 26-FEB-1987 15:01:01.79
        {kLibraryHours, nullptr},                         // no date at all
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.id);
        const Json article = show_json(row.id);
        if (row.date == nullptr) {
            EXPECT_TRUE(article.at("date").is_null());
        } else {
            EXPECT_EQ(article.at("date"), row.date);
        }
    }
}

TEST_F(EndToEnd, PagingReturnsTheMatchingSliceOfTheFullList) {
    const Found all = find("soldier");
    ASSERT_EQ(all.hits.size(), 6u);
    const Ids all_ids = ids_of(all.hits);

    const RunResult r = search({"--format", "json", "-n", "2", "--offset", "2"}, {"soldier"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json page = Json::parse(r.out);
    EXPECT_EQ(page.at("offset"), 2);
    ASSERT_EQ(page.at("results").size(), 2u);
    EXPECT_EQ(page.at("results")[0].at("rank"), 3);
    EXPECT_EQ(page.at("results")[1].at("rank"), 4);
    EXPECT_EQ(page.at("results")[0].at("id"), all_ids[2]);
    EXPECT_EQ(page.at("results")[1].at("id"), all_ids[3]);

    const Found jsonl_page = find("soldier", {"--offset", "4"});
    EXPECT_EQ(ids_of(jsonl_page.hits), (Ids{all_ids[4], all_ids[5]}));
    EXPECT_EQ(jsonl_page.hits.at(0).at("rank"), 5);
}

TEST_F(EndToEnd, PagingKeepsTheTotal) {
    const RunResult r = search({"--format", "json", "-n", "2", "--offset", "2"}, {"soldier"});
    EXPECT_EQ(Json::parse(r.out).at("total"), 6);
}

TEST_F(EndToEnd, SnippetsShowThePassageWithTheMatchesHighlighted) {
    struct Row {
        std::string query;
        std::string id;
        std::string snippet;  // exactly; white space runs as one space, "…" where cut
        Spans highlights;     // code points into the snippet
        std::vector<std::string> highlighted;  // the text at those spans
    };
    const std::vector<Row> rows = {
        // A phrase: one span over the three words, in the body's first sentence.
        {"\"prisoners of war\"", "dm-2025-004",
         "Ukraine and Russia exchanged more than 300 prisoners of war on Saturday in the largest "
         "swap in months, officials on both sides said, as talk of a possible cease-fire grew "
         "louder in Western …",
         {{43, 59}},
         {"prisoners of war"}},
        // A stem: "soldier" highlights "soldiers" in an article that never has the singular;
        // the passage runs across a paragraph break.
        {"soldier", "dm-2025-004",
         "… of the freed soldiers were visibly thin; several had to be helped off the buses. "
         "Kyiv says thousands of Ukrainians remain in Russian custody. No North Korean soldiers "
         "were part of the exchange, …",
         {{15, 23}, {160, 168}},
         {"soldiers", "soldiers"}},
        // Multibyte Latin: ü is one code point.
        {"zurich", "dm-2024-151",
         "Voters in Zürich on Sunday approved a 300-million-franc fund to help non-profit "
         "cooperatives buy land and build apartments, the latest attempt by Switzerland's largest "
         "city to contain rents that …",
         {{10, 16}},
         {"Zürich"}},
        // Greek, accented and upper case with final sigma, from an unaccented lower-case query.
        {"οδυσσευς", "hw-2024-266",
         "… Sea. Its Greek name, Οδυσσεύς, is painted in white on the funnels of every ship, and the "
         "founder's grandson still signs crew contracts under the capital letters ΟΔΥΣΣΕΥΣ on the "
         "company seal. The …",
         {{23, 31}, {163, 171}},
         {"Οδυσσεύς", "ΟΔΥΣΣΕΥΣ"}},
        // Japanese, three times, twice inside the longer 北朝鮮兵.
        {"北朝鮮", "tks-2024-1224",
         "… のクルスク州で北朝鮮兵が戦闘に加わっていると発表した。韓国の情報機関によると、派遣された兵士は"
         "約一万一千人に上り、すでに数百人が死傷したという。 北朝鮮兵は大人数で徒歩による攻撃を繰り返しており、"
         "無人機への対応に苦しんでいるとみられる。ウクライナ側の無人機操縦士は「彼らは雪原を一列になって進んでくる」"
         "と話した。 ロシア政府は派兵を公式には認めていない。一方、北朝鮮の国営メディアはロシアとの「 …",
         {{9, 12}, {75, 78}, {182, 185}},
         {"北朝鮮", "北朝鮮", "北朝鮮"}},
        // A hyphenated word is one span, hyphens included.
        {"20-year-old", "hw-2025-007",
         "… Pyongyang taken alive on the battlefield. One of the men, a 20-year-old rifleman, had "
         "been wounded in the jaw and could not speak, officials said. The second soldier, aged 26, "
         "told interrogators …",
         {{62, 73}},
         {"20-year-old"}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE("query: " + row.query + ", article " + row.id);
        const Found found = find(row.query);
        const auto it = std::find_if(found.hits.begin(), found.hits.end(),
                                     [&](const Json& hit) { return hit.at("id") == row.id; });
        ASSERT_NE(it, found.hits.end());
        const std::string snippet = it->at("snippet").get<std::string>();
        EXPECT_EQ(snippet, row.snippet);
        EXPECT_EQ(it->at("highlights").get<Spans>(), row.highlights);
        std::vector<std::string> highlighted;
        for (const auto& [from, to] : it->at("highlights").get<Spans>()) {
            highlighted.push_back(code_points(snippet, from, to));
        }
        EXPECT_EQ(highlighted, row.highlighted);
    }
}

TEST_F(EndToEnd, HighlightsMarkOnlyWhatTheQueryMatches) {
    struct Row {
        std::string query;
        std::set<std::string> forms;  // every highlighted text, ASCII-lower-cased, is one of these
    };
    const std::vector<Row> rows = {
        {"soldier", {"soldier", "soldiers"}},
        {"\"prisoners of war\"", {"prisoners of war"}},
        {"prisoners war", {"prisoners", "war"}},
        {"zurich", {"zürich", "zurich", "zürich’s"}},
        {"strasse", {"straße", "strasse"}},
        {"Russia’s", {"russia", "russia’s", "russia's"}},
        {"abc", {"ＡＢＣ"}},
        {"finance", {"finance", "financing", "financement", "ﬁnance"}},
        {"原油", {"原油"}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE("query: " + row.query);
        const Found found = find(row.query);
        EXPECT_FALSE(found.hits.empty());
        std::size_t marked = 0;
        for (const Json& hit : found.hits) {
            const std::string snippet = hit.at("snippet").get<std::string>();
            std::size_t previous_end = 0;
            for (const auto& [from, to] : hit.at("highlights").get<Spans>()) {
                EXPECT_LE(previous_end, from);  // sorted, not overlapping
                EXPECT_LT(from, to);
                previous_end = to;
                EXPECT_EQ(row.forms.count(ascii_lower(code_points(snippet, from, to))), 1u)
                    << hit.at("id") << ": " << code_points(snippet, from, to);
                ++marked;
            }
        }
        EXPECT_GT(marked, 0u);
    }
}

TEST_F(EndToEnd, TextColorMarksMatchesOnlyWhenWanted) {
    // The body of local/istanbul-ferry-fares.txt begins "İstanbul’s municipal assembly".
    const std::string marked = "\x1b[1;31mİstanbul’s\x1b[0m municipal assembly";
    const RunResult always = search({"--color", "always"}, {"istanbul"});
    EXPECT_EQ(always.exit_code, 0);
    EXPECT_NE(always.out.find(marked), std::string::npos) << always.out;

    struct Row {
        std::string name;
        std::vector<std::string> options;
        RunOptions run;
    };
    const std::vector<Row> plain = {
        {"never", {"--color", "never"}, {}},
        {"auto, piped", {"--color", "auto"}, {}},
        {"default, piped", {}, {}},
        {"auto, NO_COLOR on a terminal",
         {"--color", "auto"},
         {.env = {{"NO_COLOR", "1"}}, .stdout_is_terminal = true}},
    };
    for (const auto& row : plain) {
        SCOPED_TRACE(row.name);
        const RunResult r = search(row.options, {"istanbul"}, row.run);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.out.find("İstanbul’s municipal assembly"), std::string::npos) << r.out;
        EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
    }

    const RunResult terminal =
        search({"--color", "auto"}, {"istanbul"}, {.env = {}, .stdout_is_terminal = true});
    EXPECT_EQ(terminal.exit_code, 0);
    EXPECT_NE(terminal.out.find(marked), std::string::npos) << terminal.out;
}

TEST_F(EndToEnd, TextFormatNumbersHitsWithTitleAndMeta) {
    const RunResult r = search({"--color", "never"}, {"istanbul"});
    ASSERT_EQ(r.exit_code, 0);
    EXPECT_TRUE(r.out.starts_with(
        "1. İstanbul council votes to cap ferry fares for students\n"
        "   2024-02-15 · Harbor Wire · https://harborwire.example/2024/02/15/istanbul-ferry-fares\n"
        "   İstanbul’s municipal assembly voted on Thursday"))
        << r.out;
}

TEST_F(EndToEnd, ShowPrintsTheStoredArticleWhole) {
    const RunResult r = search({"--show", "hw-2024-090"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("Title: İstanbul council votes to cap ferry fares for students\n"))
        << r.out;
    for (const char* line : {"ID: hw-2024-090\n", "Date: 2024-02-15\n", "Source: Harbor Wire\n",
                             "Authors: Deniz Yılmaz\n",
                             "Places: İstanbul, Kadıköy, Üsküdar, Beşiktaş\n",
                             "Organisations: İstanbul Metropolitan Municipality\n"}) {
        EXPECT_NE(r.out.find(line), std::string::npos) << line;
    }
    const std::string body = txt_body("local/istanbul-ferry-fares.txt");
    ASSERT_GT(body.size(), 1000u);
    EXPECT_TRUE(r.out.ends_with("\n\n" + body + "\n")) << r.out;

    // The JSON form carries the same body.
    EXPECT_EQ(show_json("hw-2024-090").at("body"), body);
}

TEST_F(EndToEnd, SearchUsesNewsdexDbWhenNoDbOptionIsGiven) {
    const RunResult r = run(kSearchBin, {"--format", "jsonl", "istanbul"}, {.env = {{"NEWSDEX_DB", db_}}});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(ids_of(json_lines(r.out)), Ids{"hw-2024-090"});

    // -d wins over the environment.
    const std::string missing = (tmp_ / "no-such.db").string();
    const RunResult with_d = run(kSearchBin, {"-d", db_, "--format", "jsonl", "istanbul"},
                                 {.env = {{"NEWSDEX_DB", missing}}});
    EXPECT_EQ(with_d.exit_code, 0) << with_d.err;
    const RunResult from_env = run(kSearchBin, {"istanbul"}, {.env = {{"NEWSDEX_DB", missing}}});
    EXPECT_EQ(from_env.exit_code, 2);
    EXPECT_NE(from_env.err.find(missing), std::string::npos) << from_env.err;
}

TEST_F(EndToEnd, QueriesFileRunsEachLine) {
    const fs::path file = tmp_ / "queries.txt";
    write_file(file,
               "# comments and blank lines are skipped\n"
               "\n"
               "istanbul\n"
               "   # an indented comment\n"
               "  \t\n"
               "\"prisoners of war\"\n"
               "zebra\n"
               "  odysseus\n");
    const RunResult r = search({"--format", "json", "--queries", file.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::vector<Json> objects = json_lines(r.out);
    ASSERT_EQ(objects.size(), 4u) << r.out;
    EXPECT_EQ(objects[0].at("query"), "istanbul");
    EXPECT_EQ(result_ids(objects[0]), Ids{"hw-2024-090"});
    EXPECT_EQ(objects[1].at("query"), "\"prisoners of war\"");
    EXPECT_EQ(sorted(result_ids(objects[1])), sorted({"hw-2025-007", "dm-2025-004", "hw-2025-031"}));
    EXPECT_EQ(objects[2].at("query"), "zebra");
    EXPECT_EQ(objects[2].at("results"), Json::array());
    EXPECT_EQ(objects[3].at("query"), "odysseus");
    EXPECT_EQ(result_ids(objects[3]), Ids{"hw-2024-266"});
}

TEST_F(EndToEnd, QueriesFileReportsABadLineAndRunsTheRest) {
    const fs::path file = tmp_ / "bad-queries.txt";
    write_file(file, "istanbul\n\"unclosed\nodysseus\n");
    const RunResult r = search({"--format", "jsonl", "--queries", file.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: " + file.string() + ":2 (qid 2): unclosed quote at column 1\n");
    EXPECT_EQ(ids_of(json_lines(r.out)), (Ids{"hw-2024-090", "hw-2024-266"}));
}

}  // namespace

TEST_F(EndToEnd, QueryWordsStartingWithMinusNeedNoSeparator) {
    // Without "--": "-opec" and '-"crude oil"' are query exclusions, not unknown options.
    const RunResult plain = run(kSearchBin, {"-d", db_, "--format", "jsonl", "-n", "100", "oil", "-opec"});
    const RunResult separated = search({"--format", "jsonl", "-n", "100"}, {"oil", "-opec"});
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_EQ(plain.out, separated.out);
    const RunResult phrase = run(kSearchBin, {"-d", db_, "--format", "jsonl", "-n", "100", "-\"crude oil\" oil"});
    const RunResult phrase_separated = search({"--format", "jsonl", "-n", "100"}, {"-\"crude oil\" oil"});
    EXPECT_EQ(phrase.exit_code, 0) << phrase.err;
    EXPECT_EQ(phrase.out, phrase_separated.out);
}

TEST_F(EndToEnd, APagePastTheEndStillCountsAsAMatch) {
    const RunResult r = search({"--format", "json", "--offset", "10"}, {"soldier"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const Json page = Json::parse(r.out);
    EXPECT_EQ(page.at("total"), 6);
    EXPECT_TRUE(page.at("results").empty());
}
