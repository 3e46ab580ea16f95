// The layering holds: every `#include "module/..."` in src/ names the module itself or one below
// it, per the graph ARCHITECTURE.md draws (its block after "<!-- layering -->", one line per
// module: `name → a, b, c` lists the modules it builds on directly; anything those build on is
// below it too). A module the graph does not name, or an include that climbs, fails the test
// with the file and line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_runner.h"
#include "support/temp_dir.h"

namespace paperdeck::layering {
namespace {

using Graph = std::map<std::string, std::set<std::string>>;

const std::filesystem::path kRoot = std::filesystem::path(PAPERDECK_TEST_DATA) / ".." / "..";

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t`");
  size_t e = s.find_last_not_of(" \t`");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// The direct edges of the block after the marker: "name → a, b" (or "->"); "name → (nothing)"
// for a module that builds on none.
Graph ParseGraph(const std::string& markdown, std::string* error) {
  Graph graph;
  std::istringstream in(markdown);
  std::string line;
  bool in_block = false, seen_marker = false;
  while (std::getline(in, line)) {
    if (!seen_marker) {
      seen_marker = line.find("<!-- layering -->") != std::string::npos;
      continue;
    }
    if (line.rfind("```", 0) == 0) {
      if (in_block) break;
      in_block = true;
      continue;
    }
    if (!in_block || Trim(line).empty()) continue;
    std::string arrow = line.find("→") != std::string::npos ? "→" : "->";
    size_t at = line.find(arrow);
    if (at == std::string::npos) {
      *error = "a line of the layering block has no arrow: " + line;
      return {};
    }
    std::string name = Trim(line.substr(0, at));
    std::set<std::string>& below = graph[name];
    std::stringstream rest(line.substr(at + arrow.size()));
    std::string item;
    while (std::getline(rest, item, ',')) {
      item = Trim(item);
      if (!item.empty() && item != "(nothing)") below.insert(item);
    }
  }
  if (!seen_marker) *error = "no \"<!-- layering -->\" block";
  return graph;
}

// Each module and every module below it (itself included).
std::map<std::string, std::set<std::string>> Reachable(const Graph& graph) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& [name, _] : graph) {
    std::set<std::string>& seen = out[name];
    std::vector<std::string> stack = {name};
    while (!stack.empty()) {
      std::string m = stack.back();
      stack.pop_back();
      if (!seen.insert(m).second) continue;
      if (auto it = graph.find(m); it != graph.end()) {
        for (const std::string& d : it->second) stack.push_back(d);
      }
    }
  }
  return out;
}

// "FILE:LINE: module includes other/x.h, which is above it" for each include that breaks the
// graph, in the tree src (one folder per module; files directly in src/ are the program's entry
// and may include anything).
std::vector<std::string> Violations(const Graph& graph, const std::filesystem::path& src) {
  std::vector<std::string> out;
  auto reach = Reachable(graph);
  static const std::regex kInclude(R"re(^\s*#\s*include\s*"([A-Za-z0-9_]+)/[^"]+")re");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    std::filesystem::path rel = std::filesystem::relative(file, src);
    if (std::distance(rel.begin(), rel.end()) < 2) continue;
    const std::string module = rel.begin()->string();
    if (!reach.count(module)) {
      out.push_back(rel.string() + ": module " + module + " is not in the layering graph");
      continue;
    }
    std::ifstream in(file);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::smatch m;
      if (!std::regex_search(line, m, kInclude)) continue;
      const std::string target = m[1];
      if (reach[module].count(target)) continue;
      out.push_back(rel.string() + ":" + std::to_string(number) + ": " + module + " includes " +
                    target + "/, which is " +
                    (reach.count(target) && reach[target].count(module) ? "above it"
                     : reach.count(target)                             ? "not below it"
                                                                       : "no module of the graph"));
    }
  }
  return out;
}

Graph ArchitectureGraph() {
  std::string error;
  Graph graph = ParseGraph(e2e::ReadFile(kRoot / "ARCHITECTURE.md"), &error);
  EXPECT_EQ(error, "");
  return graph;
}

TEST(LayeringTest, EveryIncludeOfSrcPointsDownTheGraph) {
  Graph graph = ArchitectureGraph();
  ASSERT_GE(graph.size(), 10u) << "the graph in ARCHITECTURE.md lost its modules";
  EXPECT_THAT(Violations(graph, kRoot / "src"), ::testing::IsEmpty());
}

TEST(LayeringTest, EveryModuleFolderIsInTheGraphAndModelDependsOnNothing) {
  Graph graph = ArchitectureGraph();
  for (const auto& entry : std::filesystem::directory_iterator(kRoot / "src")) {
    if (entry.is_directory()) {
      EXPECT_EQ(graph.count(entry.path().filename().string()), 1u) << entry.path();
    }
  }
  EXPECT_THAT(graph["model"], ::testing::IsEmpty());
}

TEST(LayeringTest, FeedBuildsOnNeitherSearchNorIndex) {
  auto reach = Reachable(ArchitectureGraph());
  EXPECT_EQ(reach["feed"].count("search"), 0u);
  EXPECT_EQ(reach["feed"].count("index"), 0u);
}

// The checker itself: an upward include in a small tree is found, with its file and line.
TEST(LayeringTest, AnUpwardIncludeIsReported) {
  ::paperdeck::testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "low");
  std::filesystem::create_directories(dir.path() / "high");
  std::ofstream(dir.path() / "high" / "a.cc") << "#include \"low/b.h\"\n";
  std::ofstream(dir.path() / "low" / "b.h") << "#pragma once\n#include <vector>\n"
                                               "#include \"high/a.h\"\n";
  std::string error;
  Graph graph = ParseGraph("x\n<!-- layering -->\n```\nhigh → low\nlow → (nothing)\n```\n", &error);
  ASSERT_EQ(error, "");
  EXPECT_THAT(Violations(graph, dir.path()),
              ::testing::ElementsAre("low/b.h:3: low includes high/, which is above it"));
  graph.erase("high");
  EXPECT_THAT(Violations(graph, dir.path()),
              ::testing::Contains("high/a.cc: module high is not in the layering graph"));
}

}  // namespace
}  // namespace paperdeck::layering
