// `paperdeck related ID [--limit N] [--json]`: the papers most like one paper, each with the
// words it shares with it that weigh most (workspace/related_papers.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct RelatedCommandOptions {
  std::filesystem::path data;
  std::string id;
  uint32_t limit = 10;
  bool json = false;
};

int RunRelated(const RelatedCommandOptions& options);

}  // namespace paperdeck::cli
