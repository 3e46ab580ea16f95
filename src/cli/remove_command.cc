#include "cli/remove_command.h"

#include <cstdio>
#include <string>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/index_catch_up.h"
#include "cli/open_workspace.h"

namespace paperdeck::cli {

int RunRemove(const RemoveOptions& options) {
  auto workspace = OpenWorkspace(options.data, "remove");
  if (!workspace) return kExitFailed;
  // Before any paper is removed: another process writing the index refuses this removal whole.
  if (Status s = workspace->LockIndex(); !s.ok()) {
    fmt::print(stderr, "paperdeck remove: {}; nothing was removed\n", s.message());
    return kExitFailed;
  }
  auto report = workspace->Remove(options.ids, options.force);
  if (!report.ok()) {
    fmt::print(stderr, "paperdeck remove: {}; nothing was removed\n", report.status().message());
    return kExitFailed;
  }
  if (!options.force && !report->held.empty()) {
    for (const auto& [id, holds] : report->held) {
      fmt::print(stderr, "paperdeck remove: {} holds your {}\n", id, holds);
    }
    fmt::print(stderr,
               "paperdeck remove: nothing was removed; --force removes these papers and what "
               "they hold\n");
    return kExitFailed;
  }
  for (const std::string& id : report->removed) fmt::print("removed {}\n", id);
  for (const std::string& id : report->missing) {
    fmt::print(stderr, "paperdeck remove: no paper with id '{}' in the corpus\n", id);
  }
  const size_t n = report->removed.size();
  const std::string done =
      n == 0 ? "" : fmt::format("removed {} paper{} from the corpus", n, n == 1 ? "" : "s");
  if (!report->stopped.ok()) {
    // Each removal is a transaction: the ones before the failure hold, the rest were not made.
    fmt::print(stderr, "paperdeck remove: {}{}{}; the rest were not removed\n", done,
               done.empty() ? "" : ", then ", report->stopped.message());
  }
  // Even when nothing was removed now: a removal a kill cut short (its papers gone from the
  // corpus, the index not yet told) is finished by running it again.
  if (!CatchUpIndex(*workspace, "remove", "indexing", /*rebuild=*/false, done)) {
    return kExitIndexBehind;
  }
  if (!report->stopped.ok()) return n > 0 ? kExitPartial : kExitFailed;
  if (report->missing.empty()) return kExitOk;
  return report->removed.empty() ? kExitFailed : kExitPartial;
}

}  // namespace paperdeck::cli
