// The sample corpus indexed once, for the end-to-end tests of several files (e2e_test,
// query_language_test): the fixture runs the real newsdex-index twice into a fresh database,
// and its helpers run newsdex-search on it and read its JSON output.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace newsdex::test {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;  // keeps the printed key order, so the order can be tested
using Ids = std::vector<std::string>;
using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

inline const std::string kCorpus = NEWSDEX_CORPUS;
inline const std::string kIndexBin = NEWSDEX_INDEX_BIN;
inline const std::string kSearchBin = NEWSDEX_SEARCH_BIN;

// The three articles without an id field are known by their path.
inline const std::string kSeoulTroops = "feeds/meridian-array.json#2";
inline const std::string kLibraryHours = "local/notes/zurich-library-hours.txt";
inline const std::string kDeskNotes = "markets/notes/desk-notes.txt";

// ---- reading the output ---------------------------------------------------------------------

inline std::vector<Json> json_lines(const std::string& out) {
    std::vector<Json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
    return lines;
}

inline Ids ids_of(const std::vector<Json>& hits) {
    Ids ids;
    for (const Json& hit : hits) ids.push_back(hit.at("id").get<std::string>());
    return ids;
}

// The ids of a json object's "results", in rank order.
inline Ids result_ids(const Json& object) {
    Ids ids;
    for (const Json& hit : object.at("results")) ids.push_back(hit.at("id").get<std::string>());
    return ids;
}

inline Ids sorted(Ids ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

// ---- the fixture ----------------------------------------------------------------------------

class EndToEnd : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        tmp_ = make_temp_dir();
        db_ = (tmp_ / "corpus.db").string();
        first_index_ = run(kIndexBin, {"-d", db_, kCorpus});
        second_index_ = run(kIndexBin, {"-d", db_, kCorpus});
    }

    static void TearDownTestSuite() {
        std::error_code ignored;
        fs::remove_all(tmp_, ignored);
    }

    void SetUp() override {
        ASSERT_EQ(first_index_.exit_code, 0) << "indexing the corpus failed:\n" << first_index_.err;
    }

    // newsdex-search on the corpus database; `args` are options, then `--`, then the query words
    // when any are given (so a query may start with '-').
    static RunResult search(std::vector<std::string> args, const std::vector<std::string>& query = {},
                            const RunOptions& options = {}) {
        args.insert(args.begin(), {"-d", db_});
        if (!query.empty()) {
            args.push_back("--");
            args.insert(args.end(), query.begin(), query.end());
        }
        return run(kSearchBin, args, options);
    }

    struct Found {
        int exit_code;
        std::string err;
        std::vector<Json> hits;  // JSON Lines, in rank order
    };

    static Found find(const std::string& query, std::vector<std::string> options = {}) {
        options.insert(options.end(), {"--format", "jsonl", "-n", "100"});
        const RunResult r = search(options, {query});
        return Found{r.exit_code, r.err, r.exit_code == 2 ? std::vector<Json>{} : json_lines(r.out)};
    }

    // Checks that `query` finds exactly `expected` (in any order), with the matching exit code.
    static void expect_finds(const std::string& query, const Ids& expected,
                             const std::vector<std::string>& options = {}) {
        SCOPED_TRACE("query: " + query);
        const Found found = find(query, options);
        EXPECT_EQ(found.exit_code, expected.empty() ? 1 : 0) << found.err;
        EXPECT_EQ(sorted(ids_of(found.hits)), sorted(expected));
    }

    static Json show_json(const std::string& id) {
        const RunResult r = search({"--format", "json", "--show", id});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        const std::vector<Json> objects = json_lines(r.out);
        EXPECT_EQ(objects.size(), 1u) << "--show " << id;
        return objects.empty() ? Json() : objects.front();
    }

    static inline fs::path tmp_;
    static inline std::string db_;
    static inline RunResult first_index_;
    static inline RunResult second_index_;
};

struct QueryRow {
    std::string query;
    Ids expected;  // any order
};

}  // namespace newsdex::test
