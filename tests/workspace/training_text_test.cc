#include "workspace/training_text.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace paperdeck::workspace {
namespace {

class TrainingTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("training-text-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  bool DirEmpty() const { return std::filesystem::is_empty(dir_); }

  std::filesystem::path dir_;
};

TEST_F(TrainingTextTest, IsWrittenAndReadByItsPathWithoutANameInTheDirectory) {
  {
    Result<std::unique_ptr<TrainingText>> text = TrainingText::Create(dir_);
    ASSERT_TRUE(text.ok()) << text.status().message();
    ASSERT_TRUE((*text)->unnamed()) << "this machine's file systems make unnamed files";
    {
      std::ofstream out((*text)->path(), std::ios::binary | std::ios::trunc);
      out << "gaussian splat render\nneural radiance field\n";
    }
    // Read twice, as fastText's threads each open it by its path.
    for (int pass = 0; pass < 2; ++pass) {
      std::ifstream in((*text)->path(), std::ios::binary);
      std::string first, second;
      std::getline(in, first);
      std::getline(in, second);
      EXPECT_EQ(first, "gaussian splat render");
      EXPECT_EQ(second, "neural radiance field");
    }
    EXPECT_TRUE(DirEmpty());
  }
  EXPECT_TRUE(DirEmpty());
}

TEST_F(TrainingTextTest, AProcessKilledWhileWritingItLeavesNothingBehind) {
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Result<std::unique_ptr<TrainingText>> text = TrainingText::Create(dir_);
    if (!text.ok()) ::_exit(2);
    std::ofstream out((*text)->path(), std::ios::binary | std::ios::trunc);
    const std::string line(1000, 'w');
    for (int i = 0; i < 4096; ++i) out << line << '\n';
    out.flush();
    ::kill(::getpid(), SIGKILL);  // as a person's kill -9 in the middle of training
    ::_exit(3);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited with " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
  EXPECT_TRUE(DirEmpty()) << "4 MB of training text left in " << dir_;
}

}  // namespace
}  // namespace paperdeck::workspace
