// How every command that reads or writes the data directory starts: the Workspace opened, or
// "paperdeck COMMAND: why not" on stderr.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "workspace/workspace.h"

namespace paperdeck::cli {

// nullptr (with the message printed) when the data directory cannot be opened.
std::unique_ptr<workspace::Workspace> OpenWorkspace(const std::filesystem::path& data,
                                                    std::string_view command);

}  // namespace paperdeck::cli
