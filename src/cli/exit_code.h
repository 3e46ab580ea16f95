// Exit codes of the paperdeck command, documented in the README.
#pragma once

namespace paperdeck::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailed = 1,   // the command could not do its work; nothing was changed, or the message
                     // says what was kept
  kExitUsage = 2,    // wrong arguments
  kExitPartial = 3,  // done, but some input was skipped (bad records, unreadable files)
};

}  // namespace paperdeck::cli
