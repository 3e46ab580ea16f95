// `paperdeck stats` (also `paperdeck status`): what the data directory holds and how it is fed —
// the corpus (papers, dates, categories, sources), the index (documents, segments, whether it is
// behind the corpus), where the remote sources are (settings) and the latest pulls, imports of
// remote sources included. As text, or as JSON for scripts (--json).
#pragma once

#include <filesystem>

namespace paperdeck::cli {

struct StatsOptions {
  std::filesystem::path data;
  bool json = false;
};

// Returns an ExitCode: 1 when the corpus, the index or the source settings cannot be read.
int RunStats(const StatsOptions& options);

}  // namespace paperdeck::cli
