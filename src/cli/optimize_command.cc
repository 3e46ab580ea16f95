#include "cli/optimize_command.h"

#include <chrono>
#include <cstdio>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"

namespace paperdeck::cli {

int RunOptimize(const std::filesystem::path& data) {
  auto workspace = OpenWorkspace(data, "optimize");
  if (!workspace) return kExitFailed;
  auto start = std::chrono::steady_clock::now();
  if (Status s = workspace->OptimizeIndex(); !s.ok()) {
    fmt::print(stderr, "paperdeck optimize: {}\nThe index is unchanged.\n", s.message());
    return kExitFailed;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (auto index = workspace->IndexStateAt(0); index.ok()) {
    fmt::print("optimized: {} documents in {} segment(s), {:.1f} MiB, in {:.1f} s\n",
               index->documents, index->segments, static_cast<double>(index->bytes) / (1 << 20),
               seconds);
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
