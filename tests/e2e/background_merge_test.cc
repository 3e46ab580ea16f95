// Imports one after another, each a small segment of the index, as daily syncs make them: the
// tiered merge policy merges them in the background, and every paper stays found.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

TEST(BackgroundMerge, SmallImportsAreMergedAndKeepEveryPaper) {
  TempDir dir;
  const std::filesystem::path data = dir.path() / "data";
  std::vector<std::string> lines;
  {
    std::ifstream in(TestData("seed-page.jsonl"));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  ASSERT_EQ(lines.size(), 35u);
  // Seven files of five papers: seven imports, each committing one segment.
  std::string merged_output;
  for (size_t part = 0; part < 7; ++part) {
    const std::filesystem::path file = dir.path() / ("part" + std::to_string(part) + ".jsonl");
    {
      std::ofstream out(file);
      for (size_t i = part * 5; i < part * 5 + 5; ++i) out << lines[i] << '\n';
    }
    CliResult r = RunPaperdeck(data, {"import", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (r.out.find("in the background") != std::string::npos) merged_output = r.out;
  }
  EXPECT_THAT(merged_output, ::testing::HasSubstr("segment"));

  nlohmann::json stats = nlohmann::json::parse(RunPaperdeck(data, {"stats", "--json"}).out);
  EXPECT_EQ(stats["index"]["documents"], 35);
  EXPECT_LT(stats["index"]["segments"].get<int>(), 7);
  CliResult all = RunPaperdeck(data, {"search", "attention", "--json", "--limit", "50"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(nlohmann::json::parse(all.out)["total"], 35);

  // optimize still merges what is left into one.
  ASSERT_EQ(RunPaperdeck(data, {"optimize"}).exit_code, 0);
  stats = nlohmann::json::parse(RunPaperdeck(data, {"stats", "--json"}).out);
  EXPECT_EQ(stats["index"]["segments"], 1);
  EXPECT_EQ(stats["index"]["documents"], 35);
}

}  // namespace
}  // namespace paperdeck::e2e
