// `paperdeck remove ID...`: removes papers from the corpus (by canonical id, arXiv id or DOI) and
// from the index. A paper holding the user's library data (tags, reading state, notes) is only
// removed with --force; without it, nothing is removed (exit 1) and the message says what it
// holds.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace paperdeck::cli {

struct RemoveOptions {
  std::filesystem::path data;
  std::vector<std::string> ids;
  bool force = false;
};

int RunRemove(const RemoveOptions& options);

}  // namespace paperdeck::cli
