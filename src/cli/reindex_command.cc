#include "cli/reindex_command.h"

#include "cli/exit_code.h"
#include "cli/index_catch_up.h"
#include "cli/open_workspace.h"

namespace paperdeck::cli {

int RunReindex(const std::filesystem::path& data) {
  auto workspace = OpenWorkspace(data, "reindex");
  if (!workspace) return kExitFailed;
  return CatchUpIndex(*workspace, "reindex", "reindexing", /*rebuild=*/true) ? kExitOk
                                                                             : kExitFailed;
}

}  // namespace paperdeck::cli
