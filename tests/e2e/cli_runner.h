// Runs the real paperdeck binary, as a person would, over a temporary data directory.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/quoting.h"
#include "support/temp_dir.h"

namespace paperdeck::e2e {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using ::paperdeck::testing::ShellQuote;
using ::paperdeck::testing::TempDir;

// What a run gets besides its arguments: standard input (empty: /dev/null) and environment
// variables ("NAME=value").
struct RunInput {
  std::string stdin_text;
  std::vector<std::string> env;
};

// Runs `paperdeck --data DATA ARGS...` with a fixed terminal width and no colour.
inline CliResult RunPaperdeck(const std::filesystem::path& data, const std::vector<std::string>& args,
                              const RunInput& input = {}) {
  static int counter = 0;
  std::filesystem::path out = data.parent_path() / (data.filename().string() + ".out" + std::to_string(counter));
  std::filesystem::path err = data.parent_path() / (data.filename().string() + ".err" + std::to_string(counter));
  std::filesystem::path in = data.parent_path() / (data.filename().string() + ".in" + std::to_string(counter));
  ++counter;
  std::string cmd = "COLUMNS=80 NO_COLOR=1 env";
  for (const auto& e : input.env) cmd += " " + ShellQuote(e);
  cmd += " ";
  cmd += ShellQuote(PAPERDECK_BINARY) + " --data " + ShellQuote(data.string());
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  if (input.stdin_text.empty()) {
    cmd += " </dev/null";
  } else {
    std::ofstream(in, std::ios::binary) << input.stdin_text;
    cmd += " <" + ShellQuote(in.string());
  }
  cmd += " >" + ShellQuote(out.string()) + " 2>" + ShellQuote(err.string());
  int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  std::filesystem::remove(in);
  return r;
}

inline std::string TestData(const std::string& name) {
  return std::string(PAPERDECK_TEST_DATA) + "/" + name;
}

// `paperdeck --data DATA ARGS... --json`, expected to succeed: its output parsed (null when the
// command failed, the failure reported).
inline nlohmann::json RunPaperdeckJson(const std::filesystem::path& data, std::vector<std::string> args) {
  args.push_back("--json");
  CliResult r = RunPaperdeck(data, args);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
}

}  // namespace paperdeck::e2e
