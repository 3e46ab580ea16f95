// `paperdeck optimize`: merges the index's segments into one, dropping deleted documents, so
// queries read one list per term. The corpus is not touched; on failure the index is unchanged.
#pragma once

#include <filesystem>

namespace paperdeck::cli {

// Returns an ExitCode.
int RunOptimize(const std::filesystem::path& data);

}  // namespace paperdeck::cli
