// `paperdeck reindex`: drops the index and rebuilds it from every paper of the corpus (the corpus
// is the source of truth; the index is derived). Also the way back from a damaged or outdated
// index.
#pragma once

#include <filesystem>

namespace paperdeck::cli {

// Returns an ExitCode.
int RunReindex(const std::filesystem::path& data);

}  // namespace paperdeck::cli
