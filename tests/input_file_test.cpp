// readers/input_file.h: opening never blocks and refuses what is not a regular file; a change
// while the file is open is seen through the descriptor and through the path; the recorded
// mtime is the number earlier runs stored.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "readers/input_file.h"
#include "test_support.h"

namespace {

using newsdex::InputFile;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

class InputFileTest : public ::testing::Test {
protected:
    void SetUp() override { dir_ = newsdex::test::make_temp_dir("newsdex-input-file"); }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    fs::path dir_;
};

TEST_F(InputFileTest, RefusesWhatIsNotARegularFileWithoutBlocking) {
    ASSERT_EQ(::mkfifo((dir_ / "pipe").c_str(), 0644), 0);  // no writer: a blocking open would wait forever
    const struct {
        fs::path path;
        const char* error;
    } rows[] = {
        {dir_ / "pipe", "not a regular file (a FIFO)"},
        {"/dev/null", "not a regular file (a character device)"},
        {dir_, "Is a directory"},
        {dir_ / "missing", "No such file or directory"},
    };
    for (const auto& row : rows) {
        std::string error;
        EXPECT_FALSE(InputFile::open(row.path, error).has_value()) << row.path;
        EXPECT_EQ(error, row.error) << row.path;
    }
}

TEST_F(InputFileTest, SeesChangesThroughTheDescriptorAndThePath) {
    const fs::path file = dir_ / "a.txt";
    const fs::path other = dir_ / "b.txt";
    const auto reset = [&] {
        newsdex::test::write_file(file, "first\n");
        newsdex::test::write_file(other, "other\n");
    };
    std::string error;

    reset();
    {
        const auto input = InputFile::open(file, error);
        ASSERT_TRUE(input) << error;
        EXPECT_EQ(input->size(), 6u);
        EXPECT_EQ(input->change_since_open(file), InputFile::Change::none);
        std::ofstream(file, std::ios::app) << "appended\n";
        EXPECT_EQ(input->change_since_open(file), InputFile::Change::modified);
    }
    reset();
    {
        const auto input = InputFile::open(file, error);
        ASSERT_TRUE(input) << error;
        fs::last_write_time(file, fs::last_write_time(file) + 1s);  // same size, touched
        EXPECT_EQ(input->change_since_open(file), InputFile::Change::modified);
    }
    reset();
    {
        const auto input = InputFile::open(file, error);
        ASSERT_TRUE(input) << error;
        fs::rename(other, file);  // the path now names another file
        EXPECT_EQ(input->change_since_open(file), InputFile::Change::modified);
    }
    reset();
    {
        const auto input = InputFile::open(file, error);
        ASSERT_TRUE(input) << error;
        fs::remove(file);
        EXPECT_EQ(input->change_since_open(file), InputFile::Change::gone);
    }
}

// File states recorded by earlier versions hold std::filesystem's count; a different number
// would make every file look changed once.
TEST_F(InputFileTest, ModificationTimeIsTheCountStdFilesystemGives) {
    const fs::path file = dir_ / "a.txt";
    newsdex::test::write_file(file, "x\n");
    std::string error;
    const auto input = InputFile::open(file, error);
    ASSERT_TRUE(input) << error;
    const auto expected = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              fs::last_write_time(file).time_since_epoch())
                              .count();
    EXPECT_EQ(input->mtime_ns(), expected);
}

}  // namespace
