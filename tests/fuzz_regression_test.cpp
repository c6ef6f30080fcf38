// Every input a fuzzer once failed on (tests/data/fuzz/TARGET/*) replayed through the target
// function that found it (tests/fuzz/fuzz_targets.h), so a fixed bug stays fixed in the normal
// build too. And targets.txt, which scripts/fuzz.sh and CMake read, names the same targets as
// the table the code runs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "fuzz_targets.h"

namespace {

namespace fs = std::filesystem;
using namespace newsdex::fuzz;

const fs::path kSaved = fs::path(NEWSDEX_TEST_DATA) / "fuzz";

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> listed_names() {
    std::ifstream in(NEWSDEX_FUZZ_TARGETS);
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string name;
        words >> name;
        names.push_back(name);
    }
    return names;
}

TEST(FuzzTargets, ListedInTargetsTxtAsInTheTable) {
    std::vector<std::string> table;
    for (const auto& target : targets()) table.emplace_back(target.name);
    EXPECT_EQ(listed_names(), table);
}

TEST(FuzzTargets, SavedInputsAreForKnownTargets) {
    if (!fs::exists(kSaved)) return;
    for (const auto& entry : fs::directory_iterator(kSaved)) {
        EXPECT_NE(find_target(entry.path().filename().string()), nullptr) << entry.path();
    }
}

class FuzzRegression : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, SavedInputsPass) {
    const Target* target = find_target(GetParam());
    ASSERT_NE(target, nullptr);
    const fs::path folder = kSaved / GetParam();
    if (!fs::exists(folder)) return;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string bytes = read_file(entry.path());
        try {
            target->run(bytes);
        } catch (const Violation& violation) {
            ADD_FAILURE() << entry.path() << ": " << violation.message;
        }
    }
}

std::vector<std::string> table_names() {
    std::vector<std::string> names;
    for (const auto& target : targets()) names.emplace_back(target.name);
    return names;
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression, ::testing::ValuesIn(table_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
