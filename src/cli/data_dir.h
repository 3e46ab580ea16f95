// Where the data directory is: `--data DIR`, else $PAPERDECK_DATA, else
// $XDG_DATA_HOME/paperdeck, else ~/.local/share/paperdeck. What is inside belongs to the
// Workspace (workspace/workspace.h).
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

// flag: the value of --data, empty when not given.
std::filesystem::path ResolveDataDir(const std::string& flag);

}  // namespace paperdeck::cli
