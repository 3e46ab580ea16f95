// The paperdeck command line: every command, its options and its --help (CLI11), and the
// dispatch to the command's Run function (one file per command in cli/). A query's words may
// begin with '-' (`attention -vision`): they are kept apart from the options before parsing.
#pragma once

namespace paperdeck::cli {

// Runs the command argv names and returns the process's exit code (cli/exit_code.h).
int Main(int argc, char** argv);

}  // namespace paperdeck::cli
