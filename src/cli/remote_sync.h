// RemoteSync: `paperdeck sync` from start to end, as the command and the server's scheduled
// sync (`serve --sync-every`) both run it over a Workspace: the run lock taken, the saved
// searches planned into arXiv requests (feed/sync_plan.h), arXiv, then the index caught up,
// Hugging Face's daily papers, Semantic Scholar's numbers for the papers the saved searches
// match, the index caught up again, the quota meter recorded and printed, the run recorded.
// A dry run prints the requests it would make and changes nothing.
//
// Threading: one RunRemoteSync at a time per data directory (workspace::RunLock says who holds
// it); the Workspace may serve searches meanwhile.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "model/status.h"
#include "workspace/workspace.h"

namespace paperdeck::cli {

struct RemoteSyncOptions {
  bool dry_run = false;
  int64_t max_requests = 0;  // HTTP requests at most across the sources; 0: no cap
  std::optional<std::chrono::seconds> max_age;  // Semantic Scholar; else enrich.max_age
  bool huggingface = true;
  bool scholar = true;
  // Asked before each request: false stops the run there, as the cap does (the server's
  // shutdown). Unset: never stops.
  std::function<bool()> keep_going;
  std::string who = "sync";  // for the run lock's message: "a sync (pid 123, ...) is running"
  // Called, instead of printing the refusal, when another run holds the data directory (the
  // sync then does nothing and returns 1).
  std::function<void(const Status&)> on_busy;
};

// Runs the sync; prints as it goes (stdout, problems on stderr). The exit code as the README
// documents for `sync`: 0 done, 1 failed (or another sync holds the data directory), 2 bad
// settings, 3 stopped early (a fault, the cap; what came before is kept).
int RunRemoteSync(workspace::Workspace& workspace, const RemoteSyncOptions& options);

}  // namespace paperdeck::cli
