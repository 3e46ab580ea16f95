// `paperdeck remove ID...`: removes papers from the corpus (by canonical id, arXiv id or DOI) and
// from the index.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace paperdeck::cli {

struct RemoveOptions {
  std::filesystem::path data;
  std::vector<std::string> ids;
};

int RunRemove(const RemoveOptions& options);

}  // namespace paperdeck::cli
