#include "cli/index_catch_up.h"

#include <cstdio>
#include <string>

#include <fmt/core.h>

#include "cli/index_lag.h"
#include "cli/progress_bar.h"
#include "index/disk_space.h"

namespace paperdeck::cli {

bool CatchUpIndex(workspace::Workspace& workspace, std::string_view command,
                  std::string_view label, bool rebuild, std::string_view done) {
  uint64_t total = 0;  // known for a rebuild only: a catch-up's count is not worth a scan
  if (rebuild) {
    if (auto corpus = workspace.Corpus(); corpus.ok()) {
      if (auto stats = (*corpus)->Stats(); stats.ok()) total = stats->papers;
    }
  }
  ProgressBar bar(std::string(label), "papers");
  auto progress = [&](uint64_t n) { bar.Update(n, rebuild ? total : 0, n); };
  auto report = rebuild ? workspace.RebuildIndex(progress) : workspace.CatchUpIndex(progress);
  bar.Finish();
  if (!report.ok()) {
    fmt::print(stderr, "paperdeck {}: {}{}the index could not be updated: {}\n", command, done,
               done.empty() ? "" : "; ", report.status().message());
    // The index is as its last commit left it: say what that misses, counted from the corpus.
    std::string lag;
    if (Result<workspace::IndexState> state = workspace.IndexStateNow(); state.ok()) {
      lag = DescribeIndexLag(*state, workspace.index_dir(),
                             index::IsSpaceRefusal(report.status()));
    }
    if (lag.empty()) lag = "run `paperdeck reindex`";
    fmt::print(stderr, "The corpus is intact and the index is as its last update left it: {}.\n",
               lag);
    return false;
  }
  if (report->indexed > 0 || report->removed > 0) {
    fmt::print("index: {} papers indexed, {} removed, in {:.1f} s ({:.0f} papers/s)\n",
               report->indexed, report->removed, report->seconds,
               report->seconds > 0 ? static_cast<double>(report->indexed) / report->seconds : 0.0);
  }
  // The merges the commits started run on while the papers are indexed; the command ends once
  // they are done. One that failed left the index whole and searchable, only less merged.
  Result<workspace::IndexMerges> merges = workspace.FinishIndexMerges();
  if (!merges.ok()) {
    fmt::print(stderr, "paperdeck {}: the index is up to date, but merging its segments failed: "
               "{}; `paperdeck optimize` merges them later\n", command, merges.status().message());
  } else if (merges->merges > 0) {
    fmt::print("index: {} merge{} in the background, {} segment{} left, {:.1f} s waited for\n",
               merges->merges, merges->merges == 1 ? "" : "s", merges->segments,
               merges->segments == 1 ? "" : "s", merges->seconds);
  }
  return true;
}

}  // namespace paperdeck::cli
