// `paperdeck mark ID... to-read|reading|read|none`: sets (none: clears) the reading state of
// papers, in one transaction; every id is checked first and nothing changes if any is wrong.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace paperdeck::cli {

struct MarkOptions {
  std::filesystem::path data;
  std::vector<std::string> args;  // ids, then the state
  bool json = false;
};

int RunMark(const MarkOptions& options);

}  // namespace paperdeck::cli
