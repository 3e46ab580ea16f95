#include "cli/index_lag.h"

#include <cstdio>

#include <fmt/core.h>

#include "index/disk_space.h"

namespace paperdeck::cli {
namespace {

std::string Papers(uint64_t n) { return fmt::format("{} paper{}", n, n == 1 ? "" : "s"); }

}  // namespace

std::string DescribeIndexLag(const workspace::IndexState& state,
                             const std::filesystem::path& index_dir, bool space_told) {
  if (!state.behind || (state.unsearchable == 0 && state.removed_still_found == 0)) return "";
  std::string out;
  if (state.unsearchable > 0) out = "not yet searchable: " + Papers(state.unsearchable);
  if (state.removed_still_found > 0) {
    if (!out.empty()) out += "; ";
    const uint64_t n = state.removed_still_found;
    out += fmt::format("{} removed paper{} {} still in the index", n, n == 1 ? "" : "s",
                       n == 1 ? "is" : "are");
  }
  if (state.being_written) {
    return out + "; a paperdeck process holds the index for writing and brings it level "
                 "when its write ends";
  }
  if (space_told) return out + "; free that space and run `paperdeck reindex`";
  if (state.free_bytes < state.catch_up_bytes) {
    return out + fmt::format("; free {} on {} and run `paperdeck reindex`",
                             index::Megabytes(state.catch_up_bytes - state.free_bytes),
                             index_dir.string());
  }
  return out + "; run `paperdeck reindex`";
}

void WarnIfIndexBehind(workspace::Workspace& workspace, std::string_view consequence) {
  Result<workspace::IndexState> state = workspace.IndexStateNow();
  if (!state.ok()) return;  // the search itself reported what is wrong with the index
  const std::string lag = DescribeIndexLag(*state, workspace.index_dir(), false);
  if (lag.empty()) return;
  fmt::print(stderr, "paperdeck: the index is behind the corpus: {}.{}{}\n", lag,
             consequence.empty() ? "" : " ", consequence);
}

}  // namespace paperdeck::cli
