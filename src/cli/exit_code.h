// Exit codes of the paperdeck command, documented in the README.
#pragma once

namespace paperdeck::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailed = 1,   // the command could not do its work; nothing was changed, or the message
                     // says what was kept
  kExitUsage = 2,    // wrong arguments
  kExitPartial = 3,  // done, but some input was skipped (bad records, unreadable files)
  kExitIndexBehind = 4,  // the corpus was changed as the output says, but the index could not
                         // follow (a full disk: the message names the space needed): papers
                         // are not yet searchable, or removed ones still found, until
                         // `paperdeck reindex` succeeds. Before 3: it asks for an action.
};

}  // namespace paperdeck::cli
