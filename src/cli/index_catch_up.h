// How a command that changed the corpus ends: the index brought level with it (or rebuilt), with
// a progress bar on a terminal and one line saying what was indexed.
#pragma once

#include <string_view>

#include "workspace/workspace.h"

namespace paperdeck::cli {

// label: what the bar says ("indexing", "reindexing"). rebuild: drop the index and index every
// paper. False, with a message that says the corpus is intact and what to run, when the index
// could not be updated.
bool CatchUpIndex(workspace::Workspace& workspace, std::string_view command,
                  std::string_view label = "indexing", bool rebuild = false);

}  // namespace paperdeck::cli
