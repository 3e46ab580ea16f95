#include "cli/reindex_command.h"

#include <cstdio>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/index_catch_up.h"
#include "cli/open_workspace.h"
#include "index/disk_space.h"

namespace paperdeck::cli {

namespace {

// The forward index (vectors/) is rewritten whole by every reindex, so a damaged file is
// repaired by the command its error names.
int RebuildVectors(workspace::Workspace& workspace, int index_exit) {
  Result<vectors::ForwardFilesReport> report = workspace.RebuildVectors();
  if (!report.ok()) {
    fmt::print(stderr, "paperdeck reindex: the forward index: {}\n", report.status().message());
    return kExitFailed;
  }
  fmt::print("vectors: {} forward index file{} written in {:.1f} s\n", report->written,
             report->written == 1 ? "" : "s", report->seconds);
  return index_exit;
}

}  // namespace

int RunReindex(const std::filesystem::path& data, bool full) {
  auto workspace = OpenWorkspace(data, "reindex");
  if (!workspace) return kExitFailed;
  if (!full) {
    Result<workspace::IndexState> state = workspace->IndexStateNow();
    if (!state.ok()) {
      if (state.status().code() != Status::Code::kCorruption) {
        fmt::print(stderr, "paperdeck reindex: {}\n", state.status().message());
        return kExitFailed;
      }
      fmt::print(stderr, "paperdeck reindex: {}: rebuilding it\n", state.status().message());
      full = true;
    } else if (!state->behind) {
      fmt::print("the index is up to date ({} papers, corpus revision {}); "
                 "`paperdeck reindex --full` rebuilds it\n",
                 state->documents, state->revision);
      return RebuildVectors(*workspace, kExitOk);
    } else {
      fmt::print("reindex: {} papers to index, {} to remove; about {} needed, {} free on {}\n",
                 state->unsearchable, state->removed_still_found,
                 index::Megabytes(state->catch_up_bytes), index::Megabytes(state->free_bytes),
                 workspace->index_dir().string());
    }
  }
  if (!CatchUpIndex(*workspace, "reindex", "reindexing", full)) return kExitIndexBehind;
  return RebuildVectors(*workspace, kExitOk);
}

}  // namespace paperdeck::cli
