#include "cli/sync_command.h"

#include <cstdio>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "cli/remote_sync.h"
#include "net/source_settings.h"

namespace paperdeck::cli {

int RunSync(const SyncCommandOptions& options) {
  RemoteSyncOptions sync;
  sync.dry_run = options.dry_run;
  if (options.max_requests < 0) {
    fmt::print(stderr, "paperdeck sync: --max-requests is a number of requests, 1 or more\n");
    return kExitUsage;
  }
  sync.max_requests = options.max_requests;
  if (!options.max_age.empty()) {
    Result<std::chrono::seconds> age = net::ParseAge(options.max_age);
    if (!age.ok()) {
      fmt::print(stderr, "paperdeck sync: --max-age: {}\n", age.status().message());
      return kExitUsage;
    }
    sync.max_age = *age;
  }
  sync.huggingface = !options.no_huggingface;
  sync.scholar = !options.no_scholar;
  sync.who = "sync";
  auto workspace = OpenWorkspace(options.data, "sync");
  if (!workspace) return kExitFailed;
  return RunRemoteSync(*workspace, sync);
}

}  // namespace paperdeck::cli
