// Several databases searched as one (database/shard_set.h): stub files, several -d, settings
// that must agree, an article in two parts shown once, --stats per part, and remote parts
// served by real xapian-tcpsrv processes on loopback (one per shard, on free ports), with
// --timeout and --partial. The corpus's markets and world folders are the two parts; a third
// database indexes both folders at once, and is what the parts together must rank like.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "database/stub_file.h"
#include "test_support.h"
#include "util/errors.h"

namespace {

using namespace newsdex::test;
namespace fs = std::filesystem;

const std::string kIndex = NEWSDEX_INDEX_BIN;
const std::string kSearch = NEWSDEX_SEARCH_BIN;
const std::string kCorpus = NEWSDEX_CORPUS;

// ---- stub files -------------------------------------------------------------------------------

std::string parse_error(const std::string& text) {
    try {
        newsdex::parse_stub(text, "/data/parts.stub");
    } catch (const newsdex::Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(StubFile, ReadsEveryKindOfLine) {
    const auto entries = newsdex::parse_stub(
        "# the archive\n\nauto 2019.db\n  glass /srv/news/2020.db  \nremote 10.0.0.7:6431\n"
        "remote [::1]:6432\nremote :xapian-progsrv /srv/news/2021.db\n",
        "/data/parts.stub");
    ASSERT_EQ(entries.size(), 5u);
    EXPECT_EQ(entries[0].label(), "/data/2019.db");  // relative to the stub's folder
    EXPECT_EQ(entries[0].line, 3u);
    EXPECT_EQ(entries[1].label(), "/srv/news/2020.db");
    EXPECT_EQ(entries[2].host, "10.0.0.7");
    EXPECT_EQ(entries[2].port, 6431u);
    EXPECT_EQ(entries[2].label(), "remote 10.0.0.7:6431");
    EXPECT_EQ(entries[3].host, "::1");
    EXPECT_EQ(entries[3].label(), "remote [::1]:6432");
    EXPECT_EQ(entries[4].kind, newsdex::StubEntry::Kind::program);
    EXPECT_EQ(entries[4].path, "xapian-progsrv");
    EXPECT_EQ(entries[4].args, "/srv/news/2021.db");
    EXPECT_EQ(entries[4].label(), "remote :xapian-progsrv /srv/news/2021.db");
}

TEST(StubFile, MalformedLinesNameTheFileAndLine) {
    const std::pair<std::string, std::string> cases[] = {
        {"auto a.db\nchert b.db\n", "/data/parts.stub:2: the chert backend is not one Newsdex writes (glass)"},
        {"inmemory\n", "/data/parts.stub:1: an in-memory database holds no Newsdex articles"},
        {"remote host\n", "/data/parts.stub:1: 'host' is not HOST:PORT (a port from 1 to 65535)"},
        {"remote host:70000\n", "/data/parts.stub:1: 'host:70000' is not HOST:PORT (a port from 1 to 65535)"},
        {"auto\n", "/data/parts.stub:1: 'auto' needs a path"},
        {"remote\n", "/data/parts.stub:1: 'remote' needs HOST:PORT or :PROGRAM ARGS"},
        {"tcp a:1\n", "/data/parts.stub:1: unknown database type 'tcp' (auto, glass or remote)"},
        {"# nothing\n\n", "stub /data/parts.stub names no database"},
    };
    for (const auto& [text, message] : cases) EXPECT_EQ(parse_error(text), message) << text;
}

TEST(StubFile, WrittenStubsReadBack) {
    const fs::path dir = make_temp_dir("newsdex-stub");
    std::vector<newsdex::StubEntry> entries = newsdex::parse_stub("auto /x/a.db\nremote 127.0.0.1:7000\n", "/x/s");
    newsdex::write_stub_file((dir / "s").string(), entries);
    EXPECT_EQ(read_file(dir / "s"), "auto /x/a.db\nremote 127.0.0.1:7000\n");
    EXPECT_FALSE(fs::exists(dir / "s.tmp"));
    fs::remove_all(dir);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// ---- local parts --------------------------------------------------------------------------------

class Parts : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = make_temp_dir("newsdex-parts");
        markets_ = (dir_ / "markets.db").string();
        world_ = (dir_ / "world.db").string();
        both_ = (dir_ / "both.db").string();
        const std::string markets_folder = kCorpus + "/markets", world_folder = kCorpus + "/world";
        for (const auto& [db, folders] : std::vector<std::pair<std::string, std::vector<std::string>>>{
                 {markets_, {markets_folder}}, {world_, {world_folder}}, {both_, {markets_folder, world_folder}}}) {
            std::vector<std::string> args{"-q", "-d", db};
            args.insert(args.end(), folders.begin(), folders.end());
            const RunResult r = run(kIndex, args);
            ASSERT_EQ(r.exit_code, 0) << r.err;
        }
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    // "id<TAB>score" lines of the top 100 hits, sorted: the ranking without the order of ties.
    static std::string ranking(const std::vector<std::string>& dbs, const std::string& query,
                               const std::string& fields = "id,score") {
        std::vector<std::string> args;
        for (const auto& db : dbs) args.insert(args.end(), {"-d", db});
        args.insert(args.end(), {"--format", "tsv", "--fields", fields, "-n", "100", query});
        const RunResult r = run(kSearch, args);
        EXPECT_EQ(r.exit_code, 0) << query << ": " << r.err;
        std::istringstream lines(r.out);
        std::vector<std::string> sorted;
        for (std::string line; std::getline(lines, line);) sorted.push_back(line);
        std::sort(sorted.begin(), sorted.end());
        std::string joined;
        for (const auto& line : sorted) joined += line + "\n";
        return joined;
    }

    static inline fs::path dir_;
    static inline std::string markets_, world_, both_;
};

TEST_F(Parts, TwoDatabasesRankAsTheOneHoldingBoth) {
    for (const std::string query : {"oil", "said", "prices", "government", "\"central bank\"", "rate*"}) {
        const std::string alone = ranking({both_}, query);
        EXPECT_EQ(ranking({markets_, world_}, query), alone) << query;
    }
    // The parts really are both searched: "said" is in articles of each.
    const std::string said = ranking({markets_, world_}, "said");
    EXPECT_NE(ranking({markets_}, "said"), said);
    EXPECT_NE(ranking({world_}, "said"), said);
}

TEST_F(Parts, AStubFileOrAFolderHoldingOneNamesTheParts) {
    const std::string expected = ranking({both_}, "said");
    write_file(dir_ / "archive.stub", "# two parts, relative to this file\nauto markets.db\n\nglass " + world_ + "\n");
    EXPECT_EQ(ranking({(dir_ / "archive.stub").string()}, "said"), expected);
    fs::create_directories(dir_ / "archive");
    write_file(dir_ / "archive" / "XAPIANDB", "auto ../markets.db\nauto ../world.db\n");
    EXPECT_EQ(ranking({(dir_ / "archive").string()}, "said"), expected);
}

TEST_F(Parts, AnArticleInTwoPartsIsShownOnce) {
    // Scores differ (each article counts twice in the statistics), the articles listed do not.
    EXPECT_EQ(ranking({markets_, markets_}, "said", "id"), ranking({markets_}, "said", "id"));
    // The same file indexed from the same folder in two databases is the same article.
    const RunResult show = run(kSearch, {"-d", markets_, "-d", both_, "--show", "nl-2024-305"});
    EXPECT_EQ(show.exit_code, 0) << show.err;
    EXPECT_EQ(show.out, run(kSearch, {"-d", markets_, "--show", "nl-2024-305"}).out);
    EXPECT_NE(show.out.find("ID: nl-2024-305\n"), std::string::npos) << show.out;
    // An export writes it once too, in database order and in ranked order.
    for (const std::vector<std::string>& order : {std::vector<std::string>{}, {"--sort", "date"}}) {
        std::vector<std::string> twice{"-d", markets_, "-d", both_, "--export", "-", "said"};
        std::vector<std::string> once{"-d", markets_, "--export", "-", "said"};
        twice.insert(twice.end(), order.begin(), order.end());
        once.insert(once.end(), order.begin(), order.end());
        const RunResult overlapping = run(kSearch, twice);
        EXPECT_EQ(overlapping.exit_code, 0) << overlapping.err;
        std::multiset<std::string> ids, want;
        for (const auto& line : lines_of(overlapping.out)) ids.insert(nlohmann::json::parse(line).at("id"));
        for (const auto& line : lines_of(run(kSearch, {"-d", both_, "--export", "-", "said"}).out)) {
            want.insert(nlohmann::json::parse(line).at("id"));
        }
        EXPECT_EQ(ids, want);  // both_ holds every article of markets_: each once
        EXPECT_GT(ids.size(), lines_of(run(kSearch, once).out).size());
    }
}

TEST_F(Parts, StatsDescribeEveryPart) {
    const RunResult r = run(kSearch, {"-d", markets_, "-d", world_, "--stats", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto stats = nlohmann::json::parse(r.out);
    const auto single = [](const std::string& db) {
        return nlohmann::json::parse(run(kSearch, {"-d", db, "--stats", "--format", "json"}).out);
    };
    const auto markets = single(markets_), world = single(world_);
    EXPECT_EQ(stats.at("database"), markets_ + " + " + world_);
    EXPECT_EQ(stats.at("articles"), markets.at("articles").get<int>() + world.at("articles").get<int>());
    ASSERT_EQ(stats.at("parts").size(), 2u);
    EXPECT_EQ(stats.at("parts")[0].at("part"), markets_);
    EXPECT_EQ(stats.at("parts")[0].at("articles"), markets.at("articles"));
    EXPECT_EQ(stats.at("parts")[0].at("size_bytes"), markets.at("size_bytes"));
    EXPECT_EQ(stats.at("parts")[1].at("part"), world_);
    EXPECT_EQ(stats.at("parts")[1].at("articles"), world.at("articles"));
    EXPECT_EQ(stats.at("parts")[1].at("remote"), false);
    EXPECT_EQ(stats.at("shards"), 4);
}

TEST_F(Parts, PartsMustShareTheAnalyzerSettings) {
    const std::string plain = (dir_ / "plain.db").string();
    ASSERT_EQ(run(kIndex, {"-q", "-d", plain, "--language", "none", kCorpus + "/world"}).exit_code, 0);
    const RunResult r = run(kSearch, {"-d", markets_, "-d", plain, "oil"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: parts " + markets_ + " and " + plain +
                         " were indexed with different settings (--language english and --language none); "
                         "search them separately or re-index one\n");
    fs::remove_all(plain);
}

TEST_F(Parts, NewsdexIndexWritesOnePartAtATime) {
    write_file(dir_ / "two.stub", "auto markets.db\nauto world.db\n");
    const RunResult r = run(kIndex, {"-d", (dir_ / "two.stub").string(), kCorpus + "/world"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: " + (dir_ / "two.stub").string() +
                         " is a stub naming databases searched together; newsdex-index writes one of them at "
                         "a time: give -d that database's folder\n");
}

TEST_F(Parts, AMissingPartIsAnError) {
    write_file(dir_ / "gone.stub", "auto markets.db\nauto gone.db\n");
    const RunResult r = run(kSearch, {"-d", (dir_ / "gone.stub").string(), "oil"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: " + (dir_ / "gone.stub").string() + ":2: no database at " + (dir_ / "gone.db").string() + "\n");
}

// ---- remote parts -------------------------------------------------------------------------------

// A loopback port nothing listens on now (the kernel's pick for a socket closed at once).
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

// A xapian-tcpsrv serving one shard on a free loopback port; another port is tried when the
// one picked was taken meanwhile. Stopped when destroyed.
struct Server {
    std::unique_ptr<Process> process;
    int port = 0;

    explicit Server(const std::string& shard) {
        for (int attempt = 0; attempt < 5 && !process; ++attempt) {
            port = free_port();
            auto started = start("/usr/bin/xapian-tcpsrv",
                                 {"--quiet", "--interface", "127.0.0.1", "--port", std::to_string(port), shard});
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (std::chrono::steady_clock::now() < deadline) {
                if (accepts_connections(port)) {
                    process = std::move(started);
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        if (!process) throw std::runtime_error("xapian-tcpsrv did not start for " + shard);
    }
};

// The shard folders a Newsdex folder's XAPIANDB names.
std::vector<std::string> shards_of(const std::string& db) {
    std::vector<std::string> shards;
    for (const auto& entry : newsdex::read_stub(db + "/XAPIANDB")) shards.push_back(entry.path);
    return shards;
}

TEST_F(Parts, RemotePartsAnswerAsLocalOnes) {
    std::vector<std::unique_ptr<Server>> servers;
    std::string stub;
    for (const auto& shard : shards_of(markets_)) {
        servers.push_back(std::make_unique<Server>(shard));
        stub += "remote 127.0.0.1:" + std::to_string(servers.back()->port) + "\n";
    }
    write_file(dir_ / "remote.stub", stub);
    const std::string remote = (dir_ / "remote.stub").string();
    for (const std::string query : {"oil", "said", "\"central bank\"", "rate*", "title:oil"}) {
        EXPECT_EQ(ranking({remote, world_}, query), ranking({both_}, query)) << query;
    }
    const RunResult count = run(kSearch, {"-d", remote, "-d", world_, "--count", "said"});
    EXPECT_EQ(count.out, run(kSearch, {"-d", both_, "--count", "said"}).out);
    const RunResult suggestion = run(kSearch, {"-d", remote, "-d", world_, "opek"});
    EXPECT_EQ(suggestion.out, run(kSearch, {"-d", both_, "opek"}).out);
    const RunResult stats = run(kSearch, {"-d", remote, "--stats", "--format", "json"});
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    const auto parts = nlohmann::json::parse(stats.out).at("parts");
    ASSERT_EQ(parts.size(), servers.size());
    EXPECT_EQ(parts[0].at("part"), "remote 127.0.0.1:" + std::to_string(servers[0]->port));
    EXPECT_EQ(parts[0].at("remote"), true);
    EXPECT_TRUE(parts[0].at("size_bytes").is_null());


    // Facets, timelines and date orders use Xapian's own spies and stored sort keys, which a
    // server runs: the same output as local parts.
    const std::vector<std::vector<std::string>> features = {
        {"--facet", "topic", "--facet", "year", "said"},
        {"--timeline", "month", "said"},
        {"--sort", "date", "--format", "tsv", "--fields", "id,date", "said"},
        {"--sort", "-date", "--format", "tsv", "--fields", "id,date", "said"},
        {"--kwic", "said"},
        {"--export", "-", "--sort", "date", "said"},
        {"--expand", "-n", "5", "cocoa"},
        {"--collapse", "said"},
    };
    for (const auto& feature : features) {
        std::vector<std::string> remote_args{"-d", remote, "-d", world_};
        std::vector<std::string> local_args{"-d", markets_, "-d", world_};
        remote_args.insert(remote_args.end(), feature.begin(), feature.end());
        local_args.insert(local_args.end(), feature.begin(), feature.end());
        const RunResult over_network = run(kSearch, remote_args);
        const RunResult local = run(kSearch, local_args);
        EXPECT_EQ(over_network.exit_code, 0) << feature.front() << ": " << over_network.err;
        EXPECT_EQ(over_network.out, local.out) << feature.front();
        EXPECT_FALSE(local.out.empty()) << feature.front();
    }
}

TEST_F(Parts, APartThatIsDownIsNamedAndPartialAnswersWithoutIt) {
    const int port = free_port();
    write_file(dir_ / "down.stub", "remote 127.0.0.1:" + std::to_string(port) + "\n");
    const std::string down = (dir_ / "down.stub").string();
    const std::string part = "part remote 127.0.0.1:" + std::to_string(port);
    const RunResult r = run(kSearch, {"-d", world_, "-d", down, "said"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: " + part + ": connection refused\n");

    const RunResult partial = run(kSearch, {"-d", world_, "-d", down, "--partial", "--format", "json", "said"});
    EXPECT_EQ(partial.exit_code, 0) << partial.err;
    const std::string warning = part + ": connection refused (left out: --partial)";
    EXPECT_EQ(partial.err, "warning: " + warning + "\n");
    const auto results = nlohmann::json::parse(partial.out);
    EXPECT_EQ(results.at("warnings"), nlohmann::json::array({warning}));
    // The part that answered ranks with its own statistics, as if searched alone.
    const auto alone = nlohmann::json::parse(run(kSearch, {"-d", world_, "--format", "json", "said"}).out);
    EXPECT_EQ(results.at("results"), alone.at("results"));
    // A timeline and a concordance say it in their JSON too.
    const RunResult timeline = run(kSearch, {"-d", world_, "-d", down, "--partial", "--timeline", "year", "--format", "json", "said"});
    EXPECT_EQ(nlohmann::json::parse(timeline.out).at("warnings"), nlohmann::json::array({warning}));
    const RunResult kwic = run(kSearch, {"-d", world_, "-d", down, "--partial", "--kwic", "--format", "jsonl", "said"});
    const auto kwic_lines = lines_of(kwic.out);
    ASSERT_GE(kwic_lines.size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(kwic_lines.back()), (nlohmann::json{{"query", "said"}, {"warnings", {warning}}}));
    EXPECT_EQ(kwic_lines.size() - 1, lines_of(run(kSearch, {"-d", world_, "--kwic", "--format", "jsonl", "said"}).out).size());

    const RunResult none = run(kSearch, {"-d", down, "--partial", "said"});
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_EQ(none.err, "error: no part of " + down + " could be opened; " + part + ": connection refused\n");
}

// A local part that is not there (a mount that is down) is left out as a dead remote one is;
// a stub line that is malformed is still an error.
TEST_F(Parts, PartialLeavesOutALocalPartThatIsNotThere) {
    const std::string gone = (dir_ / "unmounted" / "news.db").string();
    write_file(dir_ / "two.stub", "auto world.db\nauto unmounted/news.db\n");
    const std::string stub = (dir_ / "two.stub").string();
    const RunResult strict = run(kSearch, {"-d", stub, "--count", "said"});
    EXPECT_EQ(strict.exit_code, 2);
    EXPECT_EQ(strict.err, "error: " + stub + ":2: no database at " + gone + "\n");

    const RunResult partial = run(kSearch, {"-d", stub, "-d", (dir_ / "nothere.db").string(), "--partial", "--count", "said"});
    EXPECT_EQ(partial.exit_code, 0) << partial.err;
    EXPECT_EQ(partial.err, "warning: " + stub + ":2: no database at " + gone + " (left out: --partial)\n" +
                               "warning: no database at " + (dir_ / "nothere.db").string() + " (left out: --partial)\n");
    EXPECT_EQ(partial.out, run(kSearch, {"-d", world_, "--count", "said"}).out);

    write_file(dir_ / "bad.stub", "auto world.db\nremote nowhere\n");
    const RunResult bad = run(kSearch, {"-d", (dir_ / "bad.stub").string(), "--partial", "--count", "said"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_EQ(bad.err, "error: " + (dir_ / "bad.stub").string() + ":2: 'nowhere' is not HOST:PORT (a port from 1 to 65535)\n");
}

TEST_F(Parts, ASilentPartTimesOut) {
    // A socket that listens but never answers: the kernel completes the connection, and
    // Xapian then waits for the server's greeting.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(fd, 4), 0);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    const int port = ntohs(address.sin_port);
    write_file(dir_ / "silent.stub", "remote 127.0.0.1:" + std::to_string(port) + "\n");
    const auto began = std::chrono::steady_clock::now();
    const RunResult r = run(kSearch, {"-d", (dir_ / "silent.stub").string(), "--timeout", "300", "said"});
    const auto took = std::chrono::steady_clock::now() - began;
    ::close(fd);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: part remote 127.0.0.1:" + std::to_string(port) + ": no answer within the timeout\n");
    EXPECT_LT(took, std::chrono::seconds(5));  // bounded by --timeout, not Xapian's default of 10 s
}

}  // namespace
