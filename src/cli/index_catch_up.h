// How a command that changed the corpus ends: the index brought level with it (or rebuilt), with
// a progress bar on a terminal and one line saying what was indexed; or, when the index could not
// follow (a full disk), one message saying what the command did, why the index could not follow,
// what is not yet searchable and what to do.
#pragma once

#include <string_view>

#include "workspace/workspace.h"

namespace paperdeck::cli {

// label: what the bar says ("indexing", "reindexing"). rebuild: drop the index and index every
// paper. done: what the command did to the corpus, said first when the index could not follow
// ("removed 3 papers from the corpus"; may be empty). False, after that message, when the index
// could not be updated: the caller exits with kExitIndexBehind.
bool CatchUpIndex(workspace::Workspace& workspace, std::string_view command,
                  std::string_view label = "indexing", bool rebuild = false,
                  std::string_view done = "");

}  // namespace paperdeck::cli
