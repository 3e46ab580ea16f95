#include "cli/reindex_command.h"

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/index_catch_up.h"
#include "cli/open_workspace.h"
#include "cli/progress_bar.h"
#include "index/disk_space.h"

namespace paperdeck::cli {

namespace {

// The forward index (vectors/) is rewritten whole by every reindex, so a damaged file is
// repaired by the command its error names.
int RebuildVectors(workspace::Workspace& workspace, int index_exit, bool train) {
  Result<vectors::ForwardFilesReport> report = workspace.RebuildVectors();
  if (!report.ok()) {
    fmt::print(stderr, "paperdeck reindex: the forward index: {}\n", report.status().message());
    return kExitFailed;
  }
  fmt::print("vectors: {} forward index file{} written in {:.1f} s\n", report->written,
             report->written == 1 ? "" : "s", report->seconds);
  if (train) {
    std::unique_ptr<ProgressBar> bar =
        std::make_unique<ProgressBar>("learning word vectors (2 threads)", "words/s/thread");
    vectors::TrainOptions options;
    options.progress = [&bar](float done, double words_per_second) {
      bar->UpdateSpeed(static_cast<uint64_t>(done * 1000), 1000, words_per_second);
    };
    std::mutex bar_mu;  // graphs are built on two threads
    vectors::DenseOptions dense_options;
    dense_options.progress = [&](const std::string& segment, uint64_t added, uint64_t papers) {
      std::lock_guard<std::mutex> lock(bar_mu);
      if (bar && added == 1000) {
        bar = std::make_unique<ProgressBar>("linking neighbours of " + segment + " (2 threads)",
                                            "papers");
      }
      if (bar) bar->Update(added, papers, added);
    };
    Result<std::shared_ptr<const vectors::DenseIndex>> dense =
        workspace.TrainVectors(options, vectors::kMinTrainingPapers, dense_options);
    bar.reset();
    if (!dense.ok()) {
      fmt::print(stderr, "paperdeck reindex: word vectors: {}\n", dense.status().message());
      return dense.status().code() == Status::Code::kInvalidArgument ? index_exit : kExitFailed;
    }
    const vectors::WordVectors& words = (*dense)->words();
    fmt::print("vectors: {} word vectors of {} dimensions learned from {} papers in {:.1f} s; "
               "paper vectors and neighbour graphs ({} of {} segments) {:.1f} MB\n",
               words.word_count(), words.dim(), words.papers(), words.train_seconds(),
               (*dense)->graph_count(), (*dense)->reader().segments().size(),
               (*dense)->size_bytes() / 1e6);
    return index_exit;
  }
  if (std::filesystem::exists(workspace.words_file())) {
    // The paper vectors follow the rewritten forward index; a damaged model is named here.
    Result<std::shared_ptr<const vectors::DenseIndex>> dense = workspace.Dense();
    if (!dense.ok()) {
      fmt::print(stderr, "paperdeck reindex: {}\n", dense.status().message());
      return kExitFailed;
    }
  }
  return index_exit;
}

}  // namespace

int RunReindex(const std::filesystem::path& data, bool full, bool train_vectors) {
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
      return RebuildVectors(*workspace, kExitOk, train_vectors);
    } else {
      fmt::print("reindex: {} papers to index, {} to remove; about {} needed, {} free on {}\n",
                 state->unsearchable, state->removed_still_found,
                 index::Megabytes(state->catch_up_bytes), index::Megabytes(state->free_bytes),
                 workspace->index_dir().string());
    }
  }
  if (!CatchUpIndex(*workspace, "reindex", "reindexing", full)) return kExitIndexBehind;
  return RebuildVectors(*workspace, kExitOk, train_vectors);
}

}  // namespace paperdeck::cli
