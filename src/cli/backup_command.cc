#include "cli/backup_command.h"

#include <cstdio>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"

namespace paperdeck::cli {

int RunBackup(const BackupOptions& options) {
  std::error_code ec;
  if (std::filesystem::is_directory(options.file, ec)) {
    fmt::print(stderr, "paperdeck backup: {} is a directory; name the file to write\n",
               options.file);
    return kExitUsage;
  }
  auto workspace = OpenWorkspace(options.data, "backup");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck backup: {}\n", corpus.status().message());
    return kExitFailed;
  }
  if (Status s = (*corpus)->BackupTo(options.file); !s.ok()) {
    fmt::print(stderr, "paperdeck backup: {}; nothing was written to {}\n", s.message(),
               options.file);
    return kExitFailed;
  }
  fmt::print(stderr, "backed up the corpus to {}\n", options.file);
  return kExitOk;
}

}  // namespace paperdeck::cli
