#include "cli/open_workspace.h"

#include <cstdio>

#include <fmt/core.h>

namespace paperdeck::cli {

std::unique_ptr<workspace::Workspace> OpenWorkspace(const std::filesystem::path& data,
                                                    std::string_view command) {
  Result<std::unique_ptr<workspace::Workspace>> opened = workspace::Workspace::Open(data);
  if (!opened.ok()) {
    fmt::print(stderr, "paperdeck {}: {}\n", command, opened.status().message());
    return nullptr;
  }
  return std::move(*opened);
}

}  // namespace paperdeck::cli
