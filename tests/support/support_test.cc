// The helpers the other tests share: TempDir and the quoting of URLs and shell words.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/quoting.h"
#include "support/temp_dir.h"

namespace paperdeck::testing {
namespace {

TEST(TempDirTest, IsAFreshEmptyDirectoryOfItsOwnRemovedWithEverythingInIt) {
  std::filesystem::path seen;
  {
    TempDir a, b;
    seen = a.path();
    EXPECT_NE(a.path(), b.path());
    EXPECT_TRUE(std::filesystem::is_directory(a.path()));
    EXPECT_TRUE(std::filesystem::is_empty(a.path()));
    EXPECT_EQ(a.path().parent_path(), std::filesystem::temp_directory_path());
    EXPECT_EQ(a / "x" / "y", a.path() / "x" / "y");
    std::filesystem::create_directories(a / "sub" / "deeper");
    std::ofstream(a / "sub" / "deeper" / "file") << "text";
  }
  EXPECT_FALSE(std::filesystem::exists(seen));
}

TEST(TempDirTest, NamesTheDirectoryAfterThePrefix) {
  TempDir dir("pd-prefix");
  EXPECT_EQ(dir.path().filename().string().rfind("pd-prefix-", 0), 0u) << dir.path();
}

TEST(TempDirTest, AKeptDirectoryStays) {
  std::filesystem::path kept;
  {
    TempDir dir;
    kept = dir.path();
    dir.Keep();
  }
  EXPECT_TRUE(std::filesystem::is_directory(kept));
  std::filesystem::remove_all(kept);
}

TEST(PercentEncodeTest, KeepsOnlyTheUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(PercentEncode("a b+c/d?e=f&g#h%i"), "a%20b%2Bc%2Fd%3Fe%3Df%26g%23h%25i");
  EXPECT_EQ(PercentEncode("arXiv:2401.00001v2"), "arXiv%3A2401.00001v2");
  EXPECT_EQ(PercentEncode("Schrödinger"), "Schr%C3%B6dinger");
  EXPECT_EQ(PercentEncode(std::string("\0\x7f\xff", 3)), "%00%7F%FF");
  EXPECT_EQ(PercentEncode(""), "");
}

// What `printf %s WORD` prints when the shell reads the word as ShellQuote wrote it.
std::string ThroughTheShell(const std::string& s) {
  FILE* pipe = ::popen(("printf %s " + ShellQuote(s)).c_str(), "r");
  if (pipe == nullptr) return "<popen failed>";
  std::string out;
  std::array<char, 256> buf;
  for (size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) out.append(buf.data(), n);
  int status = ::pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "<shell failed>";
  return out;
}

TEST(ShellQuoteTest, TheShellReadsBackExactlyTheText) {
  EXPECT_EQ(ShellQuote("plain"), "'plain'");
  EXPECT_EQ(ShellQuote("it's"), "'it'\\''s'");
  EXPECT_EQ(ShellQuote(""), "''");
  for (const std::string s : {"plain", "two words", "it's", "''", "$HOME `id` $(id) \\n \"x\"",
                              "; rm -rf / #", "*?[a]", "-n", "tab\there", "line\nbreak", ""}) {
    EXPECT_EQ(ThroughTheShell(s), s);
  }
}

}  // namespace
}  // namespace paperdeck::testing
